-- Version 6: the file says that it is theodoi's. `PRAGMA application_id` (in
-- the file's header) holds "TDOI" in ASCII, 0x54444F49: theodoi refuses an
-- SQLite file of another program instead of writing its tables into it.
-- Files of versions 1 to 5 have 0 there; theodoi knows them by their tables.

PRAGMA application_id = 1413762889;

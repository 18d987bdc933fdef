-- Version 8: what the committee's documents say of the committee itself.
--
-- A report (báo cáo) or a reminder (công văn đôn đốc) in the form of
-- Hướng dẫn 36-HD/VPTW names the committee above, the issuing body and its
-- symbol code, the place, who signs and to whom it goes. They are set once
-- (`theodoi settings set`), logged and undone like any other change.
CREATE TABLE setting (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,       -- a key of domain::setting (cap-tren, co-quan…)
    value TEXT NOT NULL               -- as the clerk typed it; lines apart by a line break
);

-- Version 9 on PostgreSQL: the marks of a directive (migrations/0009_marks.sql).
ALTER TABLE directive ADD COLUMN secrecy TEXT COLLATE "C"
    CHECK (secrecy IN ('mat', 'toi-mat', 'tuyet-mat'));
ALTER TABLE directive ADD COLUMN urgency TEXT COLLATE "C"
    CHECK (urgency IN ('khan', 'thuong-khan', 'hoa-toc'));

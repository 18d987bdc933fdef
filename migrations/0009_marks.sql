-- Version 9: the marks a directive carries.
--
-- A state-secret document is stamped Mật, Tối mật or Tuyệt mật (độ mật) and
-- an urgent one Khẩn, Thượng khẩn or Hỏa tốc (độ khẩn). Stored as slugs;
-- NULL: no mark. A marked directive's title stays out of every report that
-- travels (`--show-secret` aside).
ALTER TABLE directive ADD COLUMN secrecy TEXT
    CHECK (secrecy IN ('mat', 'toi-mat', 'tuyet-mat'));
ALTER TABLE directive ADD COLUMN urgency TEXT
    CHECK (urgency IN ('khan', 'thuong-khan', 'hoa-toc'));

//! Column headers of tables.

use super::{Text, t};

// Table headers.

pub const H_CODE: Text = t("Mã", "Code");
pub const H_UNIT: Text = t("Đơn vị", "Unit");
pub const H_KIND: Text = t("Loại đơn vị", "Kind");
pub const H_PARENT: Text = t("Cấp trên trực tiếp", "Parent");
pub const H_DIRECTIVE: Text = t("Văn bản", "Directive");
pub const H_SYMBOL: Text = t("Số, ký hiệu", "Number and symbol");
pub const H_TYPE: Text = t("Loại văn bản", "Type");
pub const H_ISSUER: Text = t("Cơ quan ban hành", "Issuer");
pub const H_ISSUED_ON: Text = t("Ngày ban hành", "Issued on");
pub const H_TITLE: Text = t("Trích yếu", "Subject");
pub const H_TASK: Text = t("Nhiệm vụ", "Task");
pub const H_DUE: Text = t("Hạn hoàn thành", "Due");
pub const H_DAYS_OVERDUE: Text = t("Số ngày quá hạn", "Days overdue");
pub const H_UNITS: Text = t("Số phải thực hiện", "To carry it out");
pub const H_DAYS_LEFT: Text = t("Số ngày còn lại", "Time left");
pub const H_COMPLETED_ON: Text = t("Ngày hoàn thành", "Completed on");
pub const H_STATUS: Text = t("Tình trạng", "Status");
pub const H_UNIT_NOTE: Text = t("Ghi chú", "Note");
pub const H_TOTAL: Text = t("Tổng số", "Total");
pub const H_STT: Text = t("STT", "No.");
pub const H_RATING: Text = t("Xếp loại", "Rating");
pub const H_EVIDENCE: Text = t("Minh chứng (báo cáo, biên bản)", "Evidence");
pub const H_NOT_RATED_REASON: Text = t("Lý do không xếp loại", "Why not rated");
pub const H_FIRST_DUE: Text = t("Hạn ban đầu", "First due");
pub const H_EXTENSION_REASON: Text = t("Lý do gia hạn", "Why extended");
/// A spreadsheet's column of the percentage beside a count (`progress`).
pub const H_SHARE: Text = t("{status} (tỷ lệ)", "{status} (share)");
/// A directive's marks: độ mật and độ khẩn.
pub const H_MARKS: Text = t("Độ mật, độ khẩn", "Marks");
pub const H_SECRECY: Text = t("Độ mật", "Classification");
pub const H_URGENCY: Text = t("Độ khẩn", "Urgency");
pub const H_TARGET: Text = t("Đối tượng thực hiện", "Applies to");

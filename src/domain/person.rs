//! Leaders (cán bộ lãnh đạo, quản lý) whose review the committee follows.

use chrono::NaiveDate;

/// A person as recorded: a post in one unit, from one day to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// Chức vụ, e.g. "Bí thư Đảng ủy phường".
    pub position: String,
    pub unit_id: i64,
    pub from_on: Option<NaiveDate>,
    /// The last day in the post; the person's history stays.
    pub to_on: Option<NaiveDate>,
}

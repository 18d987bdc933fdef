//! The ratings report: counts per level per group, the rules checked, and
//! what is still to be done or looked at.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Cell, Report};
use crate::domain::Status;
use crate::i18n::{self, tr};
use crate::text::date::format_dmy;

/// One group's ratings under one task: the units directly under one parent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingGroupRow {
    pub task: String,
    /// The parent's code and name.
    pub group: String,
    pub group_name: String,
    pub htxsnv: u64,
    pub httnv: u64,
    pub htnv: u64,
    pub khtnv: u64,
    pub not_rated: u64,
    /// Units that have not reported a result yet.
    pub unrated: u64,
    /// The quota in force: HTXSNV at most this percentage of HTTNV.
    pub quota_pct: f64,
    pub quota_kept: bool,
}

/// One thing to look at: a broken rule, a forced record, a missing result.
/// The figures behind it are fields of their own; the table says it in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingIssueRow {
    pub task: String,
    /// `quota`, `too_young`, `forced` or `missing`.
    pub issue: &'static str,
    /// Whether it breaks a rule (`--exit-code` exits 1).
    pub violation: bool,
    /// The unit, or the group for a quota.
    pub unit_code: String,
    pub unit: String,
    /// On `quota`: the group's HTXSNV and HTTNV, and the quota in force (%).
    pub htxsnv: Option<u64>,
    pub httnv: Option<u64>,
    pub quota_pct: Option<f64>,
    /// On `too_young`: when the unit was founded, and the minimum age in months.
    pub founded_on: Option<NaiveDate>,
    pub min_age_months: Option<u32>,
}

impl RatingIssueRow {
    /// The issue in words, in the language in force.
    pub fn detail(&self) -> String {
        match (self.issue, self.founded_on) {
            ("quota", _) => tr!(
                i18n::ISSUE_QUOTA,
                group = self.unit,
                excellent = self.htxsnv.unwrap_or_default(),
                good = self.httnv.unwrap_or_default(),
                share = share(
                    self.htxsnv.unwrap_or_default(),
                    self.httnv.unwrap_or_default()
                ),
                pct = self.quota_pct.unwrap_or_default()
            ),
            ("too_young", Some(founded)) => tr!(
                i18n::ISSUE_YOUNG,
                founded = format_dmy(founded),
                months = self.min_age_months.unwrap_or_default()
            ),
            ("forced", _) => i18n::ISSUE_FORCED.get().to_string(),
            _ => i18n::ISSUE_MISSING.get().to_string(),
        }
    }
}

/// A count, as a number.
fn count(n: u64) -> Cell {
    Cell::int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The groups table.
#[derive(Debug, Clone)]
pub struct RatingGroups {
    pub as_of: NaiveDate,
    pub titles: TaskTitles,
}

/// The issues table.
#[derive(Debug, Clone)]
pub struct RatingIssues {
    pub titles: TaskTitles,
}

/// Task titles by code: a table names a task by what it is, JSON and CSV by
/// its code.
#[derive(Debug, Clone, Default)]
pub struct TaskTitles(pub std::collections::HashMap<String, String>);

impl TaskTitles {
    /// The title of the task with this code (the code when unknown).
    pub fn of<'a>(&'a self, code: &'a str) -> &'a str {
        self.0.get(code).map_or(code, String::as_str)
    }
}

impl Report for RatingGroups {
    type Row = RatingGroupRow;
    const FIELDS: &'static [&'static str] = &[
        "task",
        "group",
        "group_name",
        "htxsnv",
        "httnv",
        "htnv",
        "khtnv",
        "not_rated",
        "unrated",
        "quota_pct",
        "quota_kept",
    ];

    fn headers(&self) -> Vec<String> {
        let mut headers = vec![
            i18n::H_TASK.get().to_string(),
            i18n::H_GROUP.get().to_string(),
        ];
        headers.extend(["HTXSNV", "HTTNV", "HTNV", "KHTNV"].map(String::from));
        for h in [i18n::H_NOT_RATED, i18n::H_UNRATED, i18n::H_VERDICT] {
            headers.push(h.get().to_string());
        }
        headers
    }

    fn cells(&self, row: &RatingGroupRow) -> Vec<Cell> {
        let results = row.htxsnv + row.httnv + row.htnv + row.khtnv + row.not_rated;
        let verdict = if results == 0 {
            Cell::status(i18n::QUOTA_NO_RESULTS.get(), Status::Open)
        } else if row.quota_kept {
            Cell::status(i18n::QUOTA_OK.get(), Status::DoneOnTime)
        } else {
            Cell::status(
                tr!(i18n::QUOTA_BROKEN, pct = row.quota_pct),
                Status::Overdue,
            )
        };
        vec![
            self.titles.of(&row.task).into(),
            row.group_name.as_str().into(),
            count(row.htxsnv),
            count(row.httnv),
            count(row.htnv),
            count(row.khtnv),
            count(row.not_rated),
            count(row.unrated),
            verdict,
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        Some(tr!(i18n::RATINGS_HEADING, date = format_dmy(self.as_of)))
    }

    fn as_of(&self) -> Option<NaiveDate> {
        Some(self.as_of)
    }

    fn empty_message(&self) -> String {
        i18n::RATINGS_NONE.get().to_string()
    }
}

impl Report for RatingIssues {
    type Row = RatingIssueRow;
    const FIELDS: &'static [&'static str] = &[
        "task",
        "issue",
        "violation",
        "unit_code",
        "unit",
        "htxsnv",
        "httnv",
        "quota_pct",
        "founded_on",
        "min_age_months",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[i18n::H_TASK, i18n::H_UNIT, i18n::H_ISSUE])
    }

    fn cells(&self, row: &RatingIssueRow) -> Vec<Cell> {
        let tone = if row.violation {
            Status::Overdue
        } else {
            Status::Open
        };
        vec![
            self.titles.of(&row.task).into(),
            row.unit.as_str().into(),
            Cell::status(i18n::capitalized(&row.detail()), tone),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        Some(i18n::ISSUES_HEADING.get().to_string())
    }

    fn empty_message(&self) -> String {
        i18n::ISSUES_NONE.get().to_string()
    }
}

/// HTXSNV as a share of HTTNV, as the quota reads it: `50%`, `33,3%`; no
/// HTTNV at all is said so.
pub fn share(excellent: u64, good: u64) -> String {
    if good == 0 {
        return i18n::NO_HTTNV.get().to_string();
    }
    let pct = excellent as f64 * 100.0 / good as f64;
    let text = if pct.fract() == 0.0 {
        format!("{pct:.0}%")
    } else {
        format!("{pct:.1}%")
    };
    match i18n::lang() {
        i18n::Lang::Vi => text.replace('.', ","),
        i18n::Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_rows() {
        let group = RatingGroupRow {
            task: "t".into(),
            group: "g".into(),
            group_name: "G".into(),
            htxsnv: 0,
            httnv: 0,
            htnv: 0,
            khtnv: 0,
            not_rated: 0,
            unrated: 0,
            quota_pct: 20.0,
            quota_kept: true,
        };
        check_fields(&group, RatingGroups::FIELDS);
        let issue = RatingIssueRow {
            task: "t".into(),
            issue: "missing",
            violation: false,
            unit_code: "u".into(),
            unit: "U".into(),
            htxsnv: None,
            httnv: None,
            quota_pct: None,
            founded_on: None,
            min_age_months: None,
        };
        check_fields(&issue, RatingIssues::FIELDS);
    }
}

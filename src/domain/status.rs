//! The four buckets of a government task-monitoring report, as of a date.

use chrono::NaiveDate;
use serde::Serialize;

/// Where an obligation stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Hoàn thành đúng hạn.
    DoneOnTime,
    /// Hoàn thành quá hạn.
    DoneLate,
    /// Chưa hoàn thành, trong hạn.
    Open,
    /// Chưa hoàn thành, quá hạn.
    Overdue,
    /// Hủy bỏ, không còn hiệu lực: the directive was revoked or replaced,
    /// or the unit dissolved or merged, before it was done.
    Cancelled,
}

impl Status {
    /// Every status, in the order above.
    pub const ALL: [Status; 5] = [
        Status::DoneOnTime,
        Status::DoneLate,
        Status::Open,
        Status::Overdue,
        Status::Cancelled,
    ];

    /// The name in files and JSON (as serde writes it).
    pub fn slug(self) -> &'static str {
        match self {
            Status::DoneOnTime => "done_on_time",
            Status::DoneLate => "done_late",
            Status::Open => "open",
            Status::Overdue => "overdue",
            Status::Cancelled => "cancelled",
        }
    }

    /// The status as of `as_of`. A completion dated after `as_of` has not
    /// happened yet, so a report for a past day shows that day as it was.
    /// The due day itself is still on time: late starts the day after.
    pub fn as_of(due_on: NaiveDate, completed_on: Option<NaiveDate>, as_of: NaiveDate) -> Status {
        Status::with_cancellation(due_on, completed_on, None, as_of)
    }

    /// As `as_of`, for an obligation that may have been cancelled: what was
    /// done by the as-of day stays done; what was open is cancelled from the
    /// day of cancellation on.
    pub fn with_cancellation(
        due_on: NaiveDate,
        completed_on: Option<NaiveDate>,
        cancelled_on: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> Status {
        match completed_on {
            Some(done) if done <= as_of => {
                if done <= due_on {
                    Status::DoneOnTime
                } else {
                    Status::DoneLate
                }
            }
            _ if cancelled_on.is_some_and(|c| c <= as_of) => Status::Cancelled,
            _ if as_of > due_on => Status::Overdue,
            _ => Status::Open,
        }
    }
}

/// Whole days past the due date on `as_of` (0 when not yet late).
pub fn days_overdue(due_on: NaiveDate, as_of: NaiveDate) -> i64 {
    (as_of - due_on).num_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (due, completed, as of, status)
    const CASES: &[(&str, Option<&str>, &str, Status)] = &[
        ("2023-12-06", None, "2023-12-06", Status::Open),
        ("2023-12-06", None, "2023-12-07", Status::Overdue),
        ("2023-12-12", None, "2023-12-07", Status::Open),
        ("2023-12-12", None, "2023-12-13", Status::Overdue),
        (
            "2023-12-06",
            Some("2023-12-05"),
            "2023-12-07",
            Status::DoneOnTime,
        ),
        (
            "2023-12-06",
            Some("2023-12-06"),
            "2023-12-07",
            Status::DoneOnTime,
        ),
        (
            "2023-12-06",
            Some("2023-12-08"),
            "2023-12-13",
            Status::DoneLate,
        ),
        // Not yet done on the as-of day: the later completion does not count.
        (
            "2023-12-06",
            Some("2023-12-08"),
            "2023-12-07",
            Status::Overdue,
        ),
        ("2023-12-06", Some("2023-12-05"), "2023-12-01", Status::Open),
    ];

    #[test]
    fn buckets() {
        for (due, done, as_of, want) in CASES {
            assert_eq!(
                Status::as_of(d(due), done.map(d), d(as_of)),
                *want,
                "{due} {done:?} {as_of}"
            );
        }
    }

    #[test]
    fn cancellation() {
        let s = |done: Option<&str>, cancelled: &str, as_of: &str| {
            Status::with_cancellation(d("2023-12-06"), done.map(d), Some(d(cancelled)), d(as_of))
        };
        assert_eq!(s(None, "2023-12-10", "2023-12-09"), Status::Overdue);
        assert_eq!(s(None, "2023-12-10", "2023-12-10"), Status::Cancelled);
        assert_eq!(
            s(Some("2023-12-05"), "2023-12-10", "2023-12-20"),
            Status::DoneOnTime
        );
        assert_eq!(s(None, "2023-12-01", "2023-12-03"), Status::Cancelled);
    }

    #[test]
    fn days_late() {
        assert_eq!(days_overdue(d("2023-12-06"), d("2023-12-07")), 1);
        assert_eq!(days_overdue(d("2023-12-06"), d("2023-12-13")), 7);
        assert_eq!(days_overdue(d("2023-12-06"), d("2023-12-01")), 0);
    }
}

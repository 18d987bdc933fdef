//! The rules that check the annual ratings, and the ratings checked
//! against them.

use chrono::{Months, NaiveDate};

use super::{resolve_task, resolve_unit};
use crate::domain::error::Result;
use crate::domain::{Rating, Rules};
use crate::report::ratings::{RatingGroupRow, RatingIssueRow};
use crate::store::{Db, RatingFact};

/// Changes one rule. Returns its value before and after.
pub fn set_rule(db: &dyn Db, name: &str, value: &str) -> Result<(String, String)> {
    let name = name.trim();
    let was = db.set_rule(name, value)?;
    Ok((was, db.rules()?.value(name)))
}

/// What is wrong, or to be looked at, in one result or group.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// More HTXSNV in the group than the quota allows.
    Quota { excellent: u64, good: u64, pct: f64 },
    /// Rated although younger than the rules allow on the review's due date.
    TooYoung { founded: NaiveDate, months: u32 },
    /// Recorded although a rule said no.
    Forced,
    /// No result yet.
    Missing,
}

impl Issue {
    /// The stable name, in JSON and CSV.
    pub fn slug(&self) -> &'static str {
        match self {
            Issue::Quota { .. } => "quota",
            Issue::TooYoung { .. } => "too_young",
            Issue::Forced => "forced",
            Issue::Missing => "missing",
        }
    }

    /// Whether it breaks a rule (`ratings --exit-code` exits 1).
    pub fn violation(&self) -> bool {
        matches!(self, Issue::Quota { .. } | Issue::TooYoung { .. })
    }
}

/// One issue of one unit (or group) under one task.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingIssue {
    pub task: String,
    pub issue: Issue,
    /// The unit, or the group for a quota.
    pub unit_code: String,
    pub unit: String,
}

impl RatingIssue {
    /// The issue as the ratings report prints it.
    pub fn row(&self) -> RatingIssueRow {
        let mut row = RatingIssueRow {
            task: self.task.clone(),
            issue: self.issue.slug(),
            violation: self.issue.violation(),
            unit_code: self.unit_code.clone(),
            unit: self.unit.clone(),
            htxsnv: None,
            httnv: None,
            quota_pct: None,
            founded_on: None,
            min_age_months: None,
        };
        match self.issue {
            Issue::Quota {
                excellent,
                good,
                pct,
            } => {
                row.htxsnv = Some(excellent);
                row.httnv = Some(good);
                row.quota_pct = Some(pct);
            }
            Issue::TooYoung { founded, months } => {
                row.founded_on = Some(founded);
                row.min_age_months = Some(months);
            }
            Issue::Forced | Issue::Missing => {}
        }
        row
    }
}

/// The ratings of each group, and what is to be looked at.
#[derive(Debug, Clone)]
pub struct Checked {
    pub groups: Vec<RatingGroupRow>,
    /// Violations first, then what was forced, then what is missing.
    pub issues: Vec<RatingIssue>,
}

/// The ratings report's question: which rating task (default: all), under
/// which unit (default: all), as of which day.
#[derive(Debug, Clone, Copy)]
pub struct RatingsQuery<'a> {
    pub task: Option<&'a str>,
    pub within: Option<&'a str>,
    pub as_of: NaiveDate,
}

/// Counts the ratings per group and checks every rule in force.
pub fn ratings(db: &dyn Db, q: &RatingsQuery<'_>) -> Result<Checked> {
    let task = q.task.map(|t| resolve_task(db, t)).transpose()?;
    let within = q.within.map(|u| resolve_unit(db, u)).transpose()?;
    let rules = db.rules()?;
    let facts = db.rating_facts(task.map(|t| t.id), within.map(|u| u.id), q.as_of)?;
    // Task codes by id, read once.
    let codes: foldhash::HashMap<i64, String> = db
        .tasks(None, None)?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    Ok(check(&facts, &rules, |id| {
        codes.get(&id).cloned().unwrap_or_default()
    }))
}

/// Counts the ratings per group and checks every rule.
pub fn check(facts: &[RatingFact], rules: &Rules, task_code: impl Fn(i64) -> String) -> Checked {
    let mut groups: Vec<RatingGroupRow> = Vec::new();
    let mut issues = Vec::new();
    for fact in facts {
        let task = task_code(fact.task_id);
        let group_code = fact.parent_code.clone().unwrap_or_default();
        let fresh = groups
            .last()
            .is_none_or(|g| g.task != task || g.group != group_code);
        if fresh {
            groups.push(RatingGroupRow {
                task: task.clone(),
                group: group_code.clone(),
                group_name: fact.parent.clone().unwrap_or_default(),
                htxsnv: 0,
                httnv: 0,
                htnv: 0,
                khtnv: 0,
                not_rated: 0,
                unrated: 0,
                quota_pct: rules.excellent_quota_pct,
                quota_kept: true,
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        let of_unit = |issue| RatingIssue {
            task: task.clone(),
            issue,
            unit_code: fact.unit_code.clone(),
            unit: fact.unit.clone(),
        };
        match (fact.rating, &fact.not_rated) {
            (Some(Rating::Htxsnv), _) => group.htxsnv += 1,
            (Some(Rating::Httnv), _) => group.httnv += 1,
            (Some(Rating::Htnv), _) => group.htnv += 1,
            (Some(Rating::Khtnv), _) => group.khtnv += 1,
            (None, Some(_)) => group.not_rated += 1,
            (None, None) => {
                group.unrated += 1;
                issues.push(of_unit(Issue::Missing));
            }
        }
        // Younger than the rules allow on the due date of the review: not rated.
        if let (Some(founded), Some(_)) = (fact.founded_on, fact.rating) {
            let limit = fact
                .due_on
                .checked_sub_months(Months::new(rules.min_age_months));
            if limit.is_some_and(|limit| founded > limit) {
                issues.push(of_unit(Issue::TooYoung {
                    founded,
                    months: rules.min_age_months,
                }));
            }
        }
        if fact.forced {
            issues.push(of_unit(Issue::Forced));
        }
    }
    for group in &mut groups {
        group.quota_kept = rules.quota_kept(group.htxsnv, group.httnv);
        if !group.quota_kept {
            issues.push(RatingIssue {
                task: group.task.clone(),
                issue: Issue::Quota {
                    excellent: group.htxsnv,
                    good: group.httnv,
                    pct: rules.excellent_quota_pct,
                },
                unit_code: group.group.clone(),
                unit: group.group_name.clone(),
            });
        }
    }
    // Violations first, then what is forced, then what is missing.
    issues.sort_by_key(|i| (!i.issue.violation(), i.issue == Issue::Missing));
    Checked { groups, issues }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::completions::{Completion, record};
    use crate::app::testing::{change, day, son_tay};
    use crate::domain::error::Error;
    use crate::store::Storage;

    fn rate<'a>(unit: &'a str, rating: Rating) -> Completion<'a> {
        Completion {
            task: "kd",
            unit: Some(unit),
            on: Some(day("05/12/2023")),
            rating: Some(rating),
            force: true,
            ..Completion::default()
        }
    }

    #[test]
    fn the_quota_is_counted_per_group() -> Result<()> {
        let mut store = son_tay(true)?;
        change(&mut store, |db| {
            record(db, &rate("nq1", Rating::Htxsnv), "cv", day("13/12/2023"))?;
            record(db, &rate("nq2", Rating::Httnv), "cv", day("13/12/2023"))
        })?;
        let checked = {
            let reader = store.read();
            ratings(
                &*reader,
                &RatingsQuery {
                    task: None,
                    within: None,
                    as_of: day("13/12/2023"),
                },
            )?
        };
        // Under the ward: 1 HTXSNV against 1 HTTNV breaks the 20% quota.
        let ward = checked
            .groups
            .iter()
            .find(|g| g.group == "nq")
            .expect("the ward's group");
        assert_eq!((ward.htxsnv, ward.httnv, ward.quota_kept), (1, 1, false));
        let first = &checked.issues[0];
        assert!(
            matches!(
                first.issue,
                Issue::Quota {
                    excellent: 1,
                    good: 1,
                    ..
                }
            ),
            "{first:?}"
        );
        // The units under the committee have not reported: missing, last.
        let missing: Vec<&str> = checked
            .issues
            .iter()
            .filter(|i| i.issue == Issue::Missing)
            .map(|i| i.unit_code.as_str())
            .collect();
        assert_eq!(missing, ["cb", "nq"]);
        Ok(())
    }

    #[test]
    fn the_young_are_not_rated_and_rules_are_checked_when_set() -> Result<()> {
        let mut store = son_tay(true)?;
        change(&mut store, |db| {
            db.set_founded(db.unit_by_code("cb")?.expect("cb").id, day("01/09/2023"))?;
            record(db, &rate("cb", Rating::Httnv), "cv", day("13/12/2023"))
        })?;
        let checked = {
            let reader = store.read();
            ratings(
                &*reader,
                &RatingsQuery {
                    task: Some("kd"),
                    within: None,
                    as_of: day("13/12/2023"),
                },
            )?
        };
        assert!(
            checked.issues.iter().any(
                |i| i.unit_code == "cb" && matches!(i.issue, Issue::TooYoung { months: 6, .. })
            ),
            "{:?}",
            checked.issues
        );
        let bad = change(&mut store, |db| set_rule(db, "min-age-months", "500"));
        assert!(matches!(bad, Err(Error::BadRuleValue { .. })), "{bad:?}");
        let (was, now) = change(&mut store, |db| set_rule(db, " min-age-months ", "3"))?;
        assert_eq!((was.as_str(), now.as_str()), ("6", "3"));
        Ok(())
    }
}

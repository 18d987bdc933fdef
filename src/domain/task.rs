//! Tasks (nhiệm vụ): what a directive asks of units, with a due date per
//! kind of unit.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::UnitKind;
use crate::text::date::{DateError, parse_date};

/// A due date for every unit of one kind: `chi-bo-co-so=06/12/2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DueRule {
    pub kind: UnitKind,
    pub due_on: NaiveDate,
}

/// Why a `KIND=DATE` text is not a due rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DueRuleError {
    #[error("expected KIND=DATE")]
    Shape,
    #[error("unknown unit kind")]
    Kind(String),
    #[error("bad date")]
    Date(String, DateError),
}

impl DueRule {
    /// Parses `KIND=DATE`, the kind by slug or name, the date in any
    /// accepted form.
    pub fn parse(s: &str) -> Result<DueRule, DueRuleError> {
        DueRule::parse_with(s, UnitKind::parse)
    }

    /// As `parse`, with the kind read by `kind` (the edge also reads kinds
    /// by their names in the interface language).
    pub fn parse_with(
        s: &str,
        kind: impl Fn(&str) -> Option<UnitKind>,
    ) -> Result<DueRule, DueRuleError> {
        let (kind_text, date) = s.split_once('=').ok_or(DueRuleError::Shape)?;
        let kind = kind(kind_text).ok_or_else(|| DueRuleError::Kind(kind_text.trim().into()))?;
        let due_on = parse_date(date).map_err(|e| DueRuleError::Date(date.trim().into(), e))?;
        Ok(DueRule { kind, due_on })
    }
}

/// A task as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    #[serde(skip)]
    pub directive_id: i64,
    pub title: String,
    /// A rating task: completions carry a rating.
    pub rated: bool,
    /// Owed by the people in post in the units, not by the units.
    pub for_people: bool,
    pub dues: Vec<DueRule>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_rules() {
        let r = DueRule::parse("chi-bo-co-so=06/12/2023").unwrap();
        assert_eq!(r.kind, UnitKind::ChiBoCoSo);
        assert_eq!(r.due_on, NaiveDate::from_ymd_opt(2023, 12, 6).unwrap());
        let r = DueRule::parse("đảng bộ cơ sở = 12-12-2023").unwrap();
        assert_eq!(r.kind, UnitKind::DangBoCoSo);
        assert_eq!(DueRule::parse("chi-bo-co-so"), Err(DueRuleError::Shape));
        assert!(matches!(
            DueRule::parse("chi-bo=06/12/2023"),
            Err(DueRuleError::Kind(_))
        ));
        assert!(matches!(
            DueRule::parse("chi-bo-co-so=31/02/2023"),
            Err(DueRuleError::Date(..))
        ));
    }
}

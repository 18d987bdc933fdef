//! What a correction changed: each field by its stable name, with its value
//! before and after as data (ISO dates, codes, slugs, the text recorded),
//! the same in any language. The change log keeps them; the log line says
//! them in the reader's language.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::UnitKind;
use crate::domain::directive::Directive;
use crate::domain::task::Task;

/// A field a correction may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum ChangedField {
    /// A completion's date.
    CompletedOn,
    /// A completion's rating (its code).
    Rating,
    /// Why a unit or person is not rated.
    NotRated,
    /// A completion's evidence.
    Evidence,
    /// A completion's note.
    Note,
    /// A directive's symbol.
    Symbol,
    /// A directive's number (one known only by number).
    Number,
    /// A directive's type (its slug).
    Type,
    Issuer,
    IssuedOn,
    /// A directive's subject or a task's title.
    Title,
    /// A task's code.
    Code,
    /// A unit's kind (its slug).
    Kind,
    /// A task's due date for one kind of unit (the kind beside it).
    DueOn,
    /// A directive's classification (its slug; none when unmarked).
    Secrecy,
    /// A directive's urgency (its slug; none when unmarked).
    Urgency,
}

impl ChangedField {
    pub const ALL: [ChangedField; 16] = [
        ChangedField::CompletedOn,
        ChangedField::Rating,
        ChangedField::NotRated,
        ChangedField::Evidence,
        ChangedField::Note,
        ChangedField::Symbol,
        ChangedField::Number,
        ChangedField::Type,
        ChangedField::Issuer,
        ChangedField::IssuedOn,
        ChangedField::Title,
        ChangedField::Code,
        ChangedField::Kind,
        ChangedField::DueOn,
        ChangedField::Secrecy,
        ChangedField::Urgency,
    ];

    /// The stable name, in the log's details (as the JSON of the lists names it).
    pub fn name(self) -> &'static str {
        match self {
            ChangedField::CompletedOn => "completed_on",
            ChangedField::Rating => "rating",
            ChangedField::NotRated => "not_rated",
            ChangedField::Evidence => "evidence",
            ChangedField::Note => "note",
            ChangedField::Symbol => "symbol",
            ChangedField::Number => "number",
            ChangedField::Type => "type",
            ChangedField::Issuer => "issuer",
            ChangedField::IssuedOn => "issued_on",
            ChangedField::Title => "title",
            ChangedField::Code => "code",
            ChangedField::Kind => "kind",
            ChangedField::DueOn => "due_on",
            ChangedField::Secrecy => "secrecy",
            ChangedField::Urgency => "urgency",
        }
    }

    /// The field with this name.
    pub fn from_name(name: &str) -> Option<ChangedField> {
        ChangedField::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether its values are days (`YYYY-MM-DD`).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            ChangedField::CompletedOn | ChangedField::IssuedOn | ChangedField::DueOn
        )
    }
}

impl From<ChangedField> for &'static str {
    fn from(f: ChangedField) -> Self {
        f.name()
    }
}

/// One field changed: its value before and after (`None`: none recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: ChangedField,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A day as a change records it: ISO, or `None` when unknown.
pub fn day_value(day: impl Into<Option<NaiveDate>>) -> Option<String> {
    day.into().map(|d| d.format("%Y-%m-%d").to_string())
}

/// Adds to `changes` the change of `field` from `from` to `to`, if they differ.
pub fn push_change(
    changes: &mut Vec<FieldChange>,
    field: ChangedField,
    from: Option<String>,
    to: Option<String>,
) {
    if from != to {
        changes.push(FieldChange { field, from, to });
    }
}

/// The fields of a directive a correction changed, in the order a list shows them.
pub fn directive_changes(old: &Directive, new: &Directive) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    // The symbol as recorded; as first typed when only the spelling changed.
    let (from, to) = if old.symbol == new.symbol {
        (old.symbol_as_written.clone(), new.symbol_as_written.clone())
    } else {
        (old.symbol.clone(), new.symbol.clone())
    };
    push_change(&mut changes, ChangedField::Symbol, from, to);
    if old.symbol == new.symbol {
        push_change(
            &mut changes,
            ChangedField::Number,
            Some(old.number.clone()),
            Some(new.number.clone()),
        );
    }
    push_change(
        &mut changes,
        ChangedField::Type,
        Some(old.doc_type.slug().into()),
        Some(new.doc_type.slug().into()),
    );
    push_change(
        &mut changes,
        ChangedField::Issuer,
        Some(old.issuer.clone()),
        Some(new.issuer.clone()),
    );
    push_change(
        &mut changes,
        ChangedField::IssuedOn,
        day_value(old.issued_on),
        day_value(new.issued_on),
    );
    push_change(
        &mut changes,
        ChangedField::Title,
        Some(old.title.clone()),
        Some(new.title.clone()),
    );
    push_change(
        &mut changes,
        ChangedField::Secrecy,
        old.secrecy.map(|m| m.slug().into()),
        new.secrecy.map(|m| m.slug().into()),
    );
    push_change(
        &mut changes,
        ChangedField::Urgency,
        old.urgency.map(|m| m.slug().into()),
        new.urgency.map(|m| m.slug().into()),
    );
    changes
}

/// The fields of a task a correction changed.
pub fn task_changes(old: &Task, new: &Task) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    push_change(
        &mut changes,
        ChangedField::Code,
        Some(old.code.clone()),
        Some(new.code.clone()),
    );
    push_change(
        &mut changes,
        ChangedField::Title,
        Some(old.title.clone()),
        Some(new.title.clone()),
    );
    changes
}

/// A task's due date for one kind of unit changed: moved (`task edit
/// --due`), added (`--add-due`, `from` none) or removed (`--remove-due`,
/// `to` none), with what became of the obligations of that kind. In the
/// log as a field change (`field` is `due_on`) with its kind and counts;
/// counts of none are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueChange {
    pub field: ChangedField,
    pub kind: UnitKind,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Open obligations given the new due date.
    #[serde(skip_serializing_if = "is_zero")]
    pub moved: usize,
    /// Done ones given it too (`--all`).
    #[serde(skip_serializing_if = "is_zero")]
    pub moved_done: usize,
    /// Done ones that keep the due date they were judged against.
    #[serde(skip_serializing_if = "is_zero")]
    pub kept_done: usize,
    /// Open ones extended on their own to a later day, which they keep.
    #[serde(skip_serializing_if = "is_zero")]
    pub kept_extended: usize,
    /// Obligations made for the units (or people) of a kind added.
    #[serde(skip_serializing_if = "is_zero")]
    pub added: usize,
    /// Obligations that went with a kind removed.
    #[serde(skip_serializing_if = "is_zero")]
    pub removed: usize,
}

impl DueChange {
    /// The change of `kind`'s due date from `from` to `to`, no counts yet.
    pub fn new(kind: UnitKind, from: Option<NaiveDate>, to: Option<NaiveDate>) -> DueChange {
        DueChange {
            field: ChangedField::DueOn,
            kind,
            from: day_value(from),
            to: day_value(to),
            moved: 0,
            moved_done: 0,
            kept_done: 0,
            kept_extended: 0,
            added: 0,
            removed: 0,
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DocType;

    fn directive() -> Directive {
        Directive {
            id: 1,
            symbol: Some("44-QĐ/TU".into()),
            doc_type: DocType::QuyetDinh,
            number: "44".into(),
            issuer: "Ban Thường vụ Thị ủy Sơn Tây".into(),
            issued_on: NaiveDate::from_ymd_opt(2023, 11, 23),
            title: "Đánh giá".into(),
            symbol_as_written: Some("44-QĐ/TU".into()),
            secrecy: None,
            urgency: None,
        }
    }

    #[test]
    fn only_the_fields_that_changed_are_named() {
        let old = directive();
        let new = Directive {
            doc_type: DocType::QuyDinh,
            issued_on: NaiveDate::from_ymd_opt(2023, 11, 24),
            ..old.clone()
        };
        let changes = directive_changes(&old, &new);
        assert_eq!(
            changes,
            [
                FieldChange {
                    field: ChangedField::Type,
                    from: Some("quyet-dinh".into()),
                    to: Some("quy-dinh".into()),
                },
                FieldChange {
                    field: ChangedField::IssuedOn,
                    from: Some("2023-11-23".into()),
                    to: Some("2023-11-24".into()),
                },
            ]
        );
        assert!(directive_changes(&old, &old).is_empty());
        let json = serde_json::to_value(&changes[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "type", "from": "quyet-dinh", "to": "quy-dinh"})
        );
        for f in ChangedField::ALL {
            assert_eq!(ChangedField::from_name(f.name()), Some(f));
        }
    }
}

//! Errors in the user's language: the one place where the error values of
//! the layers below become sentences.

use super::{Text, candidates, describe, tr};
use crate::domain::error::{
    Candidates, Entity, Error, ExportProblem, ExportRow, ExportRule, Field, FileAction, RowProblem,
    SpecProblem,
};
use crate::domain::{DocType, Rating, UnitKind};
use crate::text::date::format_dmy;
use crate::text::symbol::TYPE_CODES;

/// The whole error chain on one line, in the language in force: each of our
/// own errors said in words, any other cause as it says itself.
pub fn error_line(err: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<Error>() {
            parts.push(message(e));
            // `message` says the causes below it.
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join(": ")
}

/// One error of ours, with its causes, in the language in force.
pub fn message(e: &Error) -> String {
    match e {
        Error::NotFound { what, input } => {
            let text = match what {
                Entity::Directive => super::DIRECTIVE_NOT_FOUND,
                Entity::Unit => super::UNIT_NOT_FOUND,
                Entity::Task => super::TASK_NOT_FOUND,
                Entity::Person => super::PERSON_NOT_FOUND,
            };
            tr!(text, input = input)
        }
        Error::Ambiguous { input, candidates } => {
            let (text, list) = ambiguity(candidates);
            tr!(text, input = input, candidates = list)
        }
        Error::CodeTaken { what, code, holder } => match what {
            Entity::Unit => tr!(super::UNIT_CODE_TAKEN, code = code, name = holder),
            Entity::Person => tr!(super::PERSON_CODE_TAKEN, code = code, name = holder),
            Entity::Task | Entity::Directive => tr!(super::TASK_CODE_TAKEN, code = code),
        },
        Error::DirectiveExists { existing } => {
            tr!(super::DIRECTIVE_EXISTS, directive = describe(existing))
        }
        Error::MoveCycle { unit } => tr!(super::UNIT_MOVE_CYCLE, unit = unit),
        Error::BadParent { kind, parent } => {
            let allowed = kind
                .allowed_parents()
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            match parent {
                Some((parent_kind, name)) => tr!(
                    super::UNIT_BAD_PARENT,
                    kind = kind,
                    parent = name,
                    parent_kind = parent_kind,
                    allowed = allowed
                ),
                None => tr!(super::UNIT_NEEDS_PARENT, kind = kind, allowed = allowed),
            }
        }
        Error::BadCode { code } => tr!(super::UNIT_BAD_CODE, code = code),
        Error::EmptyText { field } => tr!(super::EMPTY_TEXT, what = field_name(*field).get()),
        Error::UndoAlready { id, by } => tr!(super::UNDO_ALREADY, id = id, by = by),
        Error::UndoBlocked { id, later } => tr!(super::UNDO_LATER_CHANGE, id = id, later = later),
        Error::UndoDependedOn { table } => tr!(super::UNDO_DEPENDED_ON, table = table),
        Error::UnknownRule { input, accepted } => tr!(
            super::BAD_RULE_NAME,
            input = input,
            accepted = accepted.join(", ")
        ),
        Error::BadRuleValue {
            name,
            input,
            accepted,
        } => tr!(
            super::BAD_RULE_VALUE,
            input = input,
            name = name,
            accepted = accepted
        ),
        Error::DatabaseMissing(path) => tr!(super::DB_NOT_FOUND, path = path.display()),
        Error::DatabaseTooNew { path, found, known } => tr!(
            super::DB_TOO_NEW,
            path = path.display(),
            found = found,
            known = known
        ),
        Error::Migration { version, source } => format!(
            "{}: {}",
            tr!(super::DB_MIGRATE, version = version),
            message(source)
        ),
        Error::File {
            action,
            path,
            source,
        } => {
            let text = match action {
                FileAction::Open => super::DB_OPEN,
                FileAction::CreateDir => super::DB_CREATE_DIR,
                FileAction::Backup => super::BACKUP_FAILED,
            };
            let cause = match source.downcast_ref::<Error>() {
                Some(inner) => message(inner),
                None => source.to_string(),
            };
            format!("{}: {cause}", tr!(text, path = path.display()))
        }
        Error::BackupExists(path) => tr!(super::BACKUP_EXISTS, path = path.display()),
        Error::NotAnExport {
            source_name,
            version,
        } => tr!(
            super::EXPORT_NOT_OURS,
            path = source_name,
            version = version
        ),
        Error::ExportTooNew {
            source_name,
            found,
            known,
        } => tr!(
            super::EXPORT_TOO_NEW,
            path = source_name,
            found = found,
            known = known
        ),
        Error::ImportNotEmpty => super::IMPORT_NOT_EMPTY.get().to_string(),
        Error::ImportBadRow {
            source_name,
            table,
            source,
        } => format!(
            "{}: {}",
            tr!(super::EXPORT_BAD_ROW, path = source_name, table = table),
            message(source)
        ),
        Error::BadDirective { input, problem } => match problem {
            SpecProblem::NeedsType => tr!(super::NEEDS_TYPE, input = input),
            SpecProblem::UnknownType(code) => tr!(
                super::BAD_TYPE_CODE,
                input = input,
                code = code,
                accepted = TYPE_CODES.join(", ")
            ),
            SpecProblem::Shape => tr!(super::BAD_SYMBOL, input = input),
        },
        Error::DuplicateDueKind { kind } => tr!(super::TASK_DUPLICATE_KIND, kind = kind.slug()),
        Error::TaskHasNoUnits { kinds, within } => tr!(
            super::TASK_NO_UNITS,
            kinds = kinds
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            scope = within
                .clone()
                .unwrap_or_else(|| super::TASK_SCOPE_ALL.get().to_string())
        ),
        Error::NotApplicable { task, who, person } => {
            if *person {
                tr!(super::DONE_PERSON_NOT_APPLICABLE, task = task, name = who)
            } else {
                tr!(super::DONE_NOT_APPLICABLE, task = task, unit = who)
            }
        }
        Error::UnitNeeded => super::DONE_NEEDS_UNIT.get().to_string(),
        Error::PersonNeeded { task } => tr!(super::DONE_UNIT_OR_PERSON, task = task),
        Error::InFuture { date, today } => tr!(
            super::DONE_FUTURE,
            date = format_dmy(*date),
            today = format_dmy(*today)
        ),
        Error::NotARatingTask { task } => tr!(super::RATING_NOT_RATED_TASK, task = task),
        Error::LowerLevelsOpen { unit, open } => tr!(
            super::ORDER_REFUSED,
            unit = unit,
            n = open.len(),
            units = candidates(open.iter().cloned())
        ),
        Error::AlreadyDone { who, task, on } => tr!(
            super::DONE_ALREADY,
            unit = who,
            task = task,
            date = format_dmy(*on)
        ),
        Error::ExtendDone { unit, task, on } => tr!(
            super::EXTEND_DONE_ALREADY,
            unit = unit,
            task = task,
            date = format_dmy(*on)
        ),
        Error::ExtendNotLater { from, to } => tr!(
            super::EXTEND_NOT_LATER,
            from = format_dmy(*from),
            to = format_dmy(*to)
        ),
        Error::RevokedAlready { directive, on } => tr!(
            super::REVOKED_ALREADY,
            directive = super::label(directive),
            date = format_dmy(*on)
        ),
        Error::DissolvedAlready { unit, on } => tr!(
            super::DISSOLVED_ALREADY,
            unit = unit,
            date = format_dmy(*on)
        ),
        Error::HasChildren { unit, children } => tr!(
            super::DISSOLVE_HAS_CHILDREN,
            unit = unit,
            children = candidates(children.iter().cloned())
        ),
        Error::MergeIntoItself { unit } => tr!(super::MERGE_INTO_ITSELF, unit = unit),
        Error::NoSuchChange { id } => tr!(super::UNDO_NOT_FOUND, id = id),
        Error::NothingToUndo { actor } => tr!(super::UNDO_NOTHING, actor = actor),
        Error::BadRows { source_name, rows } => {
            let mut rows: Vec<(u64, String)> = rows
                .iter()
                .map(|(line, problem)| (*line, row_problem(problem)))
                .collect();
            rows.sort();
            let lines = rows
                .iter()
                .map(|(l, _)| l)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            let details = rows
                .iter()
                .map(|(line, reason)| tr!(super::IMPORT_ROW, line = line, reason = reason))
                .collect::<Vec<_>>()
                .join("; ");
            tr!(
                super::IMPORT_FAILED,
                path = source_name,
                n = lines,
                errors = details
            )
        }
        Error::BadExport {
            source_name,
            problems,
            more,
        } => {
            const SHOWN: usize = 10;
            let total = problems.len() + more;
            let mut list = problems
                .iter()
                .take(SHOWN)
                .map(export_problem)
                .collect::<Vec<_>>()
                .join("; ");
            if total > SHOWN {
                list.push_str(&tr!(super::MORE, n = total - SHOWN));
            }
            tr!(
                super::EXPORT_REFUSED,
                path = source_name,
                n = total,
                problems = list
            )
        }
        Error::TreeCycle { unit } => tr!(super::TREE_CYCLE, unit = unit),
        Error::SecondRoot { root } => tr!(super::UNIT_SECOND_ROOT, root = root),
        Error::Output(e) => e.to_string(),
        Error::Storage(e) => {
            let mut line = e.to_string();
            let mut cause = e.source();
            while let Some(c) = cause {
                line.push_str(": ");
                line.push_str(&c.to_string());
                cause = c.source();
            }
            line
        }
    }
}

/// One bad value of an export: where, what, and what is accepted.
fn export_problem(p: &ExportProblem) -> String {
    let at = export_row(&p.table, p.row);
    let reason = match &p.rule {
        ExportRule::Shape => tr!(super::EXPORT_SHAPE),
        ExportRule::UnknownTable => tr!(super::EXPORT_UNKNOWN_TABLE),
        ExportRule::UnknownColumn => tr!(super::EXPORT_UNKNOWN_COLUMN),
        ExportRule::Missing => tr!(super::EXPORT_MISSING),
        ExportRule::Integer => tr!(super::EXPORT_INTEGER),
        ExportRule::Id => tr!(super::EXPORT_ID),
        ExportRule::Flag => tr!(super::EXPORT_FLAG),
        ExportRule::Text => tr!(super::EXPORT_TEXT),
        ExportRule::Date { first } => tr!(super::EXPORT_DATE, first = first),
        ExportRule::Timestamp => tr!(super::EXPORT_TIMESTAMP),
        ExportRule::Json => tr!(super::EXPORT_JSON),
        ExportRule::UnitKind => one_of(UnitKind::ALL.iter().map(|k| k.slug())),
        ExportRule::DocType => one_of(DocType::ALL.iter().map(|t| t.slug())),
        ExportRule::Rating => one_of(Rating::ALL.iter().map(|r| r.code())),
        ExportRule::LoggedTable { accepted } => one_of(accepted.iter().copied()),
        ExportRule::Symbol => tr!(super::EXPORT_SYMBOL),
        ExportRule::Number => tr!(super::EXPORT_NUMBER),
        ExportRule::Range => tr!(super::EXPORT_RANGE),
        ExportRule::Reference(table) => tr!(super::EXPORT_REFERENCE, table = table),
        ExportRule::Duplicate(other) => {
            tr!(
                super::EXPORT_DUPLICATE,
                other = export_row(&p.table, *other)
            )
        }
        ExportRule::Cycle => tr!(super::EXPORT_CYCLE),
        ExportRule::Refused(e) => message(e),
    };
    match &p.field {
        Some(field) => tr!(
            super::EXPORT_FIELD,
            at = at,
            field = field,
            value = p.value,
            reason = reason
        ),
        None => tr!(super::EXPORT_WHOLE, at = at, reason = reason),
    }
}

/// A row of an export's table, as a message names it.
fn export_row(table: &str, row: ExportRow) -> String {
    match row {
        ExportRow::Id(id) => tr!(super::EXPORT_AT_ROW, table = table, row = id),
        ExportRow::Position(n) => tr!(super::EXPORT_AT_POSITION, table = table, n = n),
        ExportRow::Table => table.to_string(),
    }
}

/// "one of: a, b, c".
fn one_of<'a>(values: impl Iterator<Item = &'a str>) -> String {
    tr!(
        super::EXPORT_ONE_OF,
        accepted = values.collect::<Vec<_>>().join(", ")
    )
}

/// What is wrong with one row of a file.
fn row_problem(problem: &RowProblem) -> String {
    match problem {
        RowProblem::Said(text) => text.clone(),
        RowProblem::Error(e) => message(e),
        RowProblem::Duplicate { code, line } => {
            tr!(super::IMPORT_DUPLICATE, code = code, line = line)
        }
        RowProblem::UnknownParent(parent) => tr!(super::IMPORT_PARENT_UNKNOWN, parent = parent),
        RowProblem::Cycle(parent) => tr!(super::IMPORT_CYCLE, parent = parent),
    }
}

/// The message for an ambiguous reference and its candidates, one line.
fn ambiguity(found: &Candidates) -> (Text, String) {
    match found {
        Candidates::Directives(v) => (
            super::DIRECTIVE_AMBIGUOUS,
            candidates(v.iter().map(describe)),
        ),
        Candidates::Units(v) => (
            super::UNIT_AMBIGUOUS,
            candidates(v.iter().map(|u| format!("{} ({})", u.name, u.code))),
        ),
        Candidates::Tasks(v) => (
            super::TASK_AMBIGUOUS,
            candidates(v.iter().map(|t| format!("{} ({})", t.code, t.title))),
        ),
        Candidates::People(v) => (
            super::PERSON_AMBIGUOUS,
            candidates(
                v.iter()
                    .map(|p| format!("{} ({}, {})", p.name, p.position, p.code)),
            ),
        ),
    }
}

/// How a field is named in "… must not be empty".
fn field_name(field: Field) -> Text {
    match field {
        Field::UnitName => super::WHAT_NAME,
        Field::PersonName => super::WHAT_PERSON_NAME,
        Field::Position => super::WHAT_POSITION,
        Field::Issuer => super::WHAT_ISSUER,
        Field::Title => super::WHAT_TITLE,
        Field::RevokeReason => super::WHAT_REASON_REVOKE,
        Field::ExtendReason => super::WHAT_REASON,
    }
}

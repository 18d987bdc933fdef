//! Errors in the user's language: the one place where the error values of
//! the layers below become sentences.

use std::borrow::Cow;

use super::{Text, candidates, describe, tr};
use crate::domain::error::{
    Candidates, ConversionProblem, DateRule, DateSubject, DueProblem, Entity, Error, ExportProblem,
    ExportRow, ExportRule, Field, FileAction, KeyProblem, RenewProblem, RowProblem, SpecProblem,
    UnitCandidate,
};
use crate::domain::error::{CertProblem, ServerProblem, TlsProblem};
use crate::domain::{DocType, Rating, TaskName, UnitKind};
use crate::text::date::format_dmy;
use crate::text::symbol::TYPE_CODES;
use crate::text::{cut, fold};

/// The most characters of an error line, its prefix included.
pub const LINE_MAX: usize = 300;

/// The most characters of one value (a name, an input, a code) said in an
/// error; a longer one is cut with `…`.
pub const VALUE_MAX: usize = 100;

/// The most characters of a task's title in an error.
const TITLE_MAX: usize = 60;

/// The most characters of a path, or of a directive described, in an error.
const LONG_VALUE_MAX: usize = 160;

/// Lower levels first, by the rule's one name (a rule of theodoi's, not a
/// Party regulation), as `rules` and the log call it, of a review too.
fn order_rule() -> &'static str {
    super::ORDER_RULE.get()
}

/// A value as an error says it: cut to `VALUE_MAX` characters.
pub fn short(value: &str) -> Cow<'_, str> {
    cut(value, VALUE_MAX)
}

/// A path, or a longer description, as an error says it.
fn long(value: &str) -> Cow<'_, str> {
    cut(value, LONG_VALUE_MAX)
}

/// An error as the one line printed on stderr: the prefix, then `message`
/// with line breaks made spaces and every other control character written
/// as a visible escape (nothing reaches the terminal to act on), cut with
/// `…` to `LINE_MAX` characters in all.
pub fn error_output(message: &str) -> String {
    let prefix = super::ERR_PREFIX.get();
    let flat = message.replace(['\r', '\n'], " ");
    let line = crate::text::visible(&flat, false);
    let room = LINE_MAX.saturating_sub(prefix.chars().count());
    format!("{prefix}{}", crate::text::cut_at_word(&line, room))
}

/// What the rows of a table of the record are, in the clerk's words; a
/// table of no record (derived data, another program's) by its name.
fn table_words(table: &str) -> String {
    let text = match table {
        "unit" => super::TABLE_UNIT,
        "unit_past" => super::TABLE_UNIT_PAST,
        "unit_alias" => super::TABLE_UNIT_ALIAS,
        "person" => super::TABLE_PERSON,
        "directive" => super::TABLE_DIRECTIVE,
        "task" => super::TABLE_TASK,
        "task_due" => super::TABLE_TASK_DUE,
        "obligation" => super::TABLE_OBLIGATION,
        "change" | "change_row" => super::TABLE_CHANGE,
        other => return short(other).into_owned(),
    };
    text.get().to_string()
}

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
        if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            parts.push(io_words(e));
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join(": ")
}

/// What the system said of a file or an output, in words for the common
/// cases (the system's own words otherwise).
fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let words = match e.kind() {
        NotFound => super::IO_NOT_FOUND,
        PermissionDenied => super::IO_DENIED,
        StorageFull => super::IO_FULL,
        IsADirectory => super::IO_DIRECTORY,
        AlreadyExists => super::IO_EXISTS,
        ReadOnlyFilesystem => super::IO_READ_ONLY,
        _ => return e.to_string(),
    };
    words.get().to_string()
}

/// One error of ours, with its causes, in the language in force.
pub fn message(e: &Error) -> String {
    match e {
        // Nothing given (an empty cell of a file): said so, not as a name
        // between empty quotes.
        Error::NotFound { what, input } if input.trim().is_empty() => tr!(
            super::NOT_GIVEN,
            what = match what {
                Entity::Directive => super::WHAT_DIRECTIVE,
                Entity::Unit => super::WHAT_UNIT,
                Entity::Task => super::WHAT_TASK,
                Entity::Person => super::WHAT_PERSON,
            }
            .get()
        ),
        Error::NotFound { what, input } => {
            let text = match what {
                Entity::Directive => super::DIRECTIVE_NOT_FOUND,
                Entity::Unit => super::UNIT_NOT_FOUND,
                Entity::Task => super::TASK_NOT_FOUND,
                Entity::Person => super::PERSON_NOT_FOUND,
            };
            tr!(text, input = short(input))
        }
        Error::Ambiguous {
            input,
            candidates: Candidates::Units(units),
        } => {
            // Each unit with its code, kind and parent, in what the line has room for.
            // Not all of them shown: where to see them all, in the line too.
            // The search as the shell takes it, always quoted.
            let quoted = super::shell_quoted(&short(input));
            let input = short(input);
            let fits = |text: Text| {
                let fixed = tr!(text, input = input, candidates = "", quoted = quoted);
                let room = LINE_MAX
                    .saturating_sub(super::ERR_PREFIX.get().chars().count())
                    .saturating_sub(fixed.chars().count());
                let (list, all) = unit_candidates_shown(units, room);
                (
                    tr!(text, input = input, candidates = list, quoted = quoted),
                    all,
                )
            };
            match fits(super::UNIT_AMBIGUOUS) {
                (line, true) => line,
                (_, false) => fits(super::UNIT_AMBIGUOUS_MANY).0,
            }
        }
        Error::Ambiguous {
            input,
            candidates: Candidates::Directives(found),
        } if found.iter().filter_map(|d| d.issued_on).count() > 1 => {
            // Picked by the date after the symbol, in every command, when
            // the dates differ; by the number and symbol when they do not.
            let (_, items, more) = ambiguity(&Candidates::Directives(found.clone()));
            let mut dates: Vec<_> = found.iter().map(|d| d.issued_on).collect();
            dates.sort();
            dates.dedup();
            let example = match found.iter().find(|d| d.symbol.is_some()) {
                Some(d) if dates.len() < found.len() => Some(d.citation()),
                _ => None,
            };
            let date = found.iter().find_map(|d| d.issued_on).map(format_dmy);
            with_list(&items, more, |list| match &example {
                Some(example) => tr!(
                    super::DIRECTIVE_AMBIGUOUS_SYMBOL,
                    input = short(input),
                    example = short(example),
                    candidates = list
                ),
                None => tr!(
                    super::DIRECTIVE_AMBIGUOUS_DATED,
                    input = short(input),
                    date = date.clone().unwrap_or_default(),
                    candidates = list
                ),
            })
        }
        Error::Ambiguous { input, candidates } => {
            let (text, items, more) = ambiguity(candidates);
            with_list(&items, more, |list| {
                tr!(text, input = short(input), candidates = list)
            })
        }
        Error::CodeTaken { what, code, holder } => match what {
            Entity::Unit => tr!(
                super::UNIT_CODE_TAKEN,
                code = short(code),
                name = short(holder)
            ),
            Entity::Person => tr!(
                super::PERSON_CODE_TAKEN,
                code = short(code),
                name = short(holder)
            ),
            Entity::Task | Entity::Directive => tr!(super::TASK_CODE_TAKEN, code = short(code)),
        },
        Error::DirectiveExists { existing } => {
            tr!(
                super::DIRECTIVE_EXISTS,
                directive = long(&describe(existing))
            )
        }
        Error::MoveCycle { unit } => tr!(super::UNIT_MOVE_CYCLE, unit = short(unit)),
        Error::BadParent { kind, parent } => {
            // Kinds are common nouns in a sentence: "chi bộ trực thuộc chỉ
            // được đặt dưới đảng bộ cơ sở hoặc đảng bộ bộ phận".
            let kinds: Vec<String> = kind
                .allowed_parents()
                .iter()
                .map(|k| super::in_sentence(&k.to_string()))
                .collect();
            let allowed = super::either(&kinds);
            let kind = super::in_sentence(&kind.to_string());
            match parent {
                Some((parent_kind, name)) => tr!(
                    super::UNIT_BAD_PARENT,
                    kind = kind,
                    parent = short(name),
                    parent_kind = super::in_sentence(&parent_kind.to_string()),
                    allowed = allowed
                ),
                None => tr!(super::UNIT_NEEDS_PARENT, kind = kind, allowed = allowed),
            }
        }
        Error::BadCode { code } => tr!(super::UNIT_BAD_CODE, code = short(code)),
        Error::EmptyText { field } => tr!(super::EMPTY_TEXT, what = field_name(*field).get()),
        Error::UndoAlready { id, by } => tr!(super::UNDO_ALREADY, id = id, by = by),
        Error::UndoBlocked { id, later } => tr!(super::UNDO_LATER_CHANGE, id = id, later = later),
        Error::UndoDependedOn { table } => {
            tr!(super::UNDO_DEPENDED_ON, table = record_name(table).get())
        }
        Error::UnknownRule { input, accepted } => tr!(
            super::BAD_RULE_NAME,
            input = short(input),
            accepted = accepted.join(", ")
        ),
        Error::BadRuleValue {
            name,
            input,
            accepted,
        } => tr!(
            super::BAD_RULE_VALUE,
            input = short(input),
            name = format!("{} ({})", super::rule_name(name).get(), short(name)),
            // A switch in the words of the table (bật, tắt), which are
            // accepted too.
            accepted = match *accepted {
                "on, off" => format!("{}, {}", super::SWITCH_ON.get(), super::SWITCH_OFF.get()),
                other => other.to_string(),
            }
        ),
        Error::DatabaseMissing(path) => tr!(super::DB_NOT_FOUND, path = path.display()),
        Error::DatabaseTooNew { path, found, known } => tr!(
            super::DB_TOO_NEW,
            path = path.display(),
            found = found,
            known = known
        ),
        Error::Migration { version, source } => match &**source {
            Error::ReadOnly {
                path,
                folder: Some(folder),
            } => tr!(
                super::DB_OLD_READ_ONLY_FOLDER,
                path = path.display(),
                version = version,
                folder = folder.display()
            ),
            Error::ReadOnly { path, folder: None } => tr!(
                super::DB_OLD_READ_ONLY_FILE,
                path = path.display(),
                version = version
            ),
            Error::BrokenReference {
                table,
                row,
                parent,
                id,
            } => tr!(
                super::MIGRATE_BROKEN_REFERENCE,
                version = version,
                was = version - 1,
                child = table_words(table),
                row = row,
                parent = match id {
                    Some(id) => tr!(
                        super::MIGRATE_PARENT_ID,
                        parent = table_words(parent),
                        id = short(id)
                    ),
                    None => tr!(super::MIGRATE_PARENT_ANY, parent = table_words(parent)),
                },
                table = short(table),
                parent_table = short(parent)
            ),
            source => format!(
                "{}: {}",
                tr!(super::DB_MIGRATE, version = version),
                message(source)
            ),
        },
        Error::BrokenReference {
            table,
            row,
            parent,
            id,
        } => format!(
            "{table} #{row} → {parent} #{}",
            id.as_deref().unwrap_or("?")
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
                FileAction::Export => super::EXPORT_FAILED,
            };
            let cause = match (
                source.downcast_ref::<Error>(),
                source.downcast_ref::<std::io::Error>(),
            ) {
                (Some(inner), _) => message(inner),
                (_, Some(io)) => io_words(io),
                _ => source.to_string(),
            };
            format!("{}: {cause}", tr!(text, path = path.display()))
        }
        Error::BackupExists(path) => tr!(
            super::BACKUP_EXISTS,
            path = path.display(),
            // The same kind of file, dated today.
            example = format!(
                "theodoi-{}.{}",
                chrono::Local::now().date_naive().format("%Y-%m-%d"),
                path.extension()
                    .and_then(|e| e.to_str())
                    .filter(|e| !e.is_empty() && e.len() <= 5)
                    .unwrap_or("db")
            )
        ),
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
            SpecProblem::NeedsType => tr!(super::NEEDS_TYPE, input = short(input)),
            SpecProblem::UnknownType(code) => tr!(
                super::BAD_TYPE_CODE,
                input = short(input),
                code = short(code),
                accepted = TYPE_CODES
                    .iter()
                    .map(|code| match *code {
                        // Used in practice, but Hướng dẫn 36-HD/VPTW writes CTr
                        // for every chương trình.
                        "CTHĐ" => tr!(super::NON_STANDARD_CODE, code = code, standard = "CTr"),
                        code => code.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SpecProblem::Shape => tr!(super::BAD_SYMBOL, input = short(input)),
            SpecProblem::TooLong { len, max } => tr!(
                super::DIRECTIVE_TOO_LONG,
                input = short(input),
                len = len,
                max = max
            ),
            SpecProblem::TypeContradicts { code, given } => tr!(
                super::TYPE_CONTRADICTS,
                input = short(input),
                code = code,
                given = super::doc_type(*given).get(),
                coded = DocType::from_code(code)
                    .map_or_else(String::new, |t| super::doc_type(t).get().to_string())
            ),
        },
        Error::BadCharacter { field, ch } => tr!(
            super::TEXT_BAD_CHAR,
            what = field_name(*field).get(),
            code = format!("U+{:04X}", *ch as u32)
        ),
        Error::NoLetterOrDigit { field } => {
            tr!(super::TEXT_NO_LETTERS, what = field_name(*field).get())
        }
        Error::TooLong { field, max, len } => tr!(
            super::TEXT_TOO_LONG,
            what = field_name(*field).get(),
            len = len,
            max = max
        ),
        Error::DateOrder {
            rule,
            date,
            limit,
            subject,
        } => {
            let text = match rule {
                DateRule::DoneBeforeIssue => super::DONE_BEFORE_ISSUE,
                DateRule::RevokeBeforeIssue => super::REVOKE_BEFORE_ISSUE,
                DateRule::ReplaceBeforeIssue => super::REPLACE_BEFORE_ISSUE,
                DateRule::DueBeforeIssue => super::DUE_BEFORE_ISSUE,
                DateRule::LeaveBeforeJoin => super::LEAVE_BEFORE_JOIN,
                DateRule::DissolveBeforeFounded => super::DISSOLVE_BEFORE_FOUNDED,
                DateRule::ChangeBeforeLastChange => super::CHANGE_BEFORE_LAST_CHANGE,
                DateRule::DoneAfterEnd => super::DONE_AFTER_END,
                DateRule::EndBeforeLastChange => super::END_BEFORE_LAST_CHANGE,
            };
            let subject = match subject {
                DateSubject::Directive(d) => super::label(d),
                DateSubject::Named(name) => name.clone(),
            };
            tr!(
                text,
                date = format_dmy(*date),
                limit = format_dmy(*limit),
                subject = short(&subject)
            )
        }
        Error::ReplaceItself { directive } => tr!(
            super::REPLACE_ITSELF,
            directive = short(&super::label(directive))
        ),
        Error::ReplaceCycle { old, new } => tr!(
            super::REPLACE_CYCLE,
            old = short(&super::label(old)),
            new = short(&super::label(new))
        ),
        Error::RatingNeeded { task, who } => {
            tr!(super::RATING_NEEDED, task = named(task), unit = short(who))
        }
        Error::DuplicateDueKind { kind } => {
            tr!(
                super::TASK_DUPLICATE_KIND,
                kind = super::kind_in_text(*kind)
            )
        }
        Error::TaskHasNoUnits {
            kinds,
            within,
            people,
        } => tr!(
            if *people {
                super::TASK_NO_PEOPLE
            } else {
                super::TASK_NO_UNITS
            },
            kinds = super::either(
                &kinds
                    .iter()
                    .map(|k| super::kind_in_text(*k))
                    .collect::<Vec<_>>()
            ),
            scope = within
                .clone()
                .map(|w| short(&w).into_owned())
                .unwrap_or_else(|| super::TASK_SCOPE_ALL.get().to_string())
        ),
        Error::NotApplicable {
            task,
            who,
            person,
            code,
            due_needed,
        } => {
            // With the command that gives it, should the unit owe it: whole,
            // as a shell takes it (the unit by its code), `--due` where the
            // task sets no due date for the unit's kind; the sentence before
            // it is cut, never the command.
            let task_word = super::shell_word(&task.code);
            let hint = match code {
                Some(code) => tr!(
                    if *due_needed {
                        super::NOT_APPLICABLE_DUE_HINT
                    } else {
                        super::NOT_APPLICABLE_HINT
                    },
                    task = task_word,
                    unit = super::shell_word(code)
                ),
                None => tr!(super::NOT_APPLICABLE_PERSON_HINT, task = task_word),
            };
            let room = LINE_MAX
                .saturating_sub(super::ERR_PREFIX.get().chars().count())
                .saturating_sub(hint.chars().count());
            let said = not_applicable(task, who, *person);
            cut(&said, room).into_owned() + &hint
        }
        Error::UnitNeeded => super::DONE_NEEDS_UNIT.get().to_string(),
        Error::PersonNeeded { task } => tr!(super::DONE_UNIT_OR_PERSON, task = named(task)),
        Error::InFuture { date, today } => tr!(
            super::DONE_FUTURE,
            date = format_dmy(*date),
            today = format_dmy(*today)
        ),
        Error::NotARatingTask { task } => tr!(super::RATING_NOT_RATED_TASK, task = named(task)),
        Error::LowerLevelsOpen { unit, open, .. } => {
            let open: Vec<String> = open.iter().map(|u| short(u).into_owned()).collect();
            with_list(&open, super::UNITS_MORE, |list| {
                tr!(
                    super::ORDER_REFUSED,
                    rule = order_rule(),
                    unit = short(unit),
                    n = open.len(),
                    units = list
                )
            })
        }
        Error::AlreadyDone {
            who,
            task,
            on,
            rating,
        } => {
            let rating = match rating {
                Some(Some(r)) => tr!(super::DONE_ALREADY_RATED, rating = super::rating(*r).get()),
                Some(None) => super::DONE_ALREADY_NOT_RATED.get().to_string(),
                None => String::new(),
            };
            tr!(
                super::DONE_ALREADY,
                unit = short(who),
                task = named(task),
                date = format_dmy(*on),
                rating = rating
            )
        }
        Error::ExtendDone { unit, task, on } => tr!(
            super::EXTEND_DONE_ALREADY,
            unit = short(unit),
            task = named(task),
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
            unit = short(unit),
            date = format_dmy(*on)
        ),
        Error::HasChildren { unit, children } => {
            let children: Vec<String> = children.iter().map(|u| short(u).into_owned()).collect();
            with_list(&children, super::UNITS_MORE, |list| {
                tr!(
                    super::DISSOLVE_HAS_CHILDREN,
                    unit = short(unit),
                    children = list
                )
            })
        }
        Error::MergeIntoItself { unit } => tr!(super::MERGE_INTO_ITSELF, unit = short(unit)),
        Error::NoSuchChange { id } => tr!(super::UNDO_NOT_FOUND, id = id),
        Error::NothingToUndo { actor } => {
            tr!(
                super::UNDO_NOTHING,
                actor = short(&super::actor_name(actor))
            )
        }
        Error::BadRows { source_name, rows } => {
            let rows: Vec<(u64, String)> = rows
                .iter()
                .map(|(line, problem)| (*line, row_problem(problem)))
                .collect();
            bad_rows(source_name, rows)
        }
        Error::NothingChanged => super::NOTHING_CHANGED.get().to_string(),
        Error::DatabaseEmpty(path) => tr!(super::DB_EMPTY, path = path.display()),
        Error::CannotOpen => super::IO_CANNOT_OPEN.get().to_string(),
        Error::NotADatabase(path) => tr!(super::DB_NOT_SQLITE, path = path.display()),
        Error::ForeignDatabase(path) => tr!(super::DB_FOREIGN, path = path.display()),
        Error::ReadOnly { path, folder } => match folder {
            Some(folder) => tr!(
                super::DB_READ_ONLY_FOLDER,
                path = path.display(),
                folder = folder.display()
            ),
            None => tr!(super::DB_READ_ONLY_FILE, path = path.display()),
        },
        Error::BadExport {
            source_name,
            problems,
            more,
        } => {
            let total = problems.len() + more;
            let items: Vec<String> = problems.iter().map(export_problem).collect();
            let path = long(source_name);
            // Every bad value named, each with a fair share of one line.
            let fixed = tr!(super::EXPORT_REFUSED, path = path, n = total, problems = "");
            let room = LINE_MAX
                .saturating_sub(super::ERR_PREFIX.get().chars().count())
                .saturating_sub(fixed.chars().count());
            let mut list = fit_list(&items, room);
            if *more > 0 {
                list.push_str(&tr!(super::MORE, n = more));
            }
            tr!(
                super::EXPORT_REFUSED,
                path = path,
                n = total,
                problems = list
            )
        }
        Error::TreeCycle { unit } => tr!(super::TREE_CYCLE, unit = unit),
        Error::SecondRoot { root } => tr!(super::UNIT_SECOND_ROOT, root = root),
        Error::LowerLevelsLater {
            unit,
            on,
            below,
            rated: _,
        } => {
            let items: Vec<String> = below
                .iter()
                .map(|(name, done)| {
                    let done = match done {
                        Some(d) => format_dmy(*d),
                        None => super::NOT_DONE_YET.get().to_string(),
                    };
                    format!("{} ({done})", short(name))
                })
                .collect();
            with_list(&items, super::UNITS_MORE, |list| {
                tr!(
                    super::ORDER_BY_DATE_REFUSED,
                    rule = order_rule(),
                    unit = short(unit),
                    date = format_dmy(*on),
                    n = below.len(),
                    units = list
                )
            })
        }
        Error::AfterUpperLevel {
            unit,
            on,
            above,
            rated: _,
        } => {
            let items: Vec<String> = above
                .iter()
                .map(|(name, done)| format!("{} ({})", short(name), format_dmy(*done)))
                .collect();
            with_list(&items, super::UNITS_MORE, |list| {
                tr!(
                    super::ORDER_AFTER_UPPER_REFUSED,
                    rule = order_rule(),
                    unit = short(unit),
                    date = format_dmy(*on),
                    units = list
                )
            })
        }
        Error::FarFromDue { date, due } => tr!(
            super::DONE_FAR_FROM_DUE,
            date = format_dmy(*date),
            due = format_dmy(*due)
        ),
        Error::AliasTaken { alias, holder } => {
            tr!(
                super::ALIAS_TAKEN,
                alias = short(alias),
                unit = short(holder)
            )
        }
        Error::NoSuchAlias {
            unit,
            alias,
            aliases,
        } => {
            if aliases.is_empty() {
                tr!(super::NO_ALIASES, unit = short(unit), alias = short(alias))
            } else {
                tr!(
                    super::NO_SUCH_ALIAS,
                    unit = short(unit),
                    alias = short(alias),
                    aliases = candidates(aliases.iter().cloned())
                )
            }
        }
        Error::ReplaceDateUnknown { new } => {
            tr!(
                super::REPLACE_DATE_UNKNOWN,
                new = short(&super::label(new)),
                reference = super::shell_word(&new.citation())
            )
        }
        Error::TreeBrokenOn { day, cause } => {
            let cause = match cause.as_ref() {
                Error::TreeCycle { unit } => tr!(super::CYCLE_BY_CHANGE, unit = short(unit)),
                other => message(other),
            };
            match day {
                Some(day) => tr!(
                    super::TREE_BROKEN_ON,
                    date = format_dmy(*day),
                    cause = cause
                ),
                None => tr!(super::TREE_BROKEN, cause = cause),
            }
        }
        Error::UnderEnded { unit, parent } => tr!(
            super::UNDER_ENDED,
            unit = short(unit),
            parent = short(parent)
        ),
        Error::NothingToCorrect { who, task } => tr!(
            super::NOTHING_TO_CORRECT,
            who = short(who),
            task = named(task)
        ),
        Error::Renew {
            task,
            year,
            problem,
        } => renew_refused(task, *year, problem),
        Error::DueReasonNeeded => super::DUE_REASON_NEEDED.get().to_string(),
        Error::DueEdit {
            task,
            kind,
            problem,
        } => due_refused(task, *kind, problem),
        Error::NotInScope { task, unit, within } => tr!(
            super::ASSIGN_NOT_IN_SCOPE,
            task = named(task),
            unit = short(unit),
            within = short(within)
        ),
        Error::NoDueForKind {
            task,
            unit,
            kind,
            kinds,
        } => tr!(
            super::ASSIGN_NO_DUE_FOR_KIND,
            task = named(task),
            unit = short(unit),
            kind = super::kind_in_text(*kind),
            kinds = kinds
                .iter()
                .map(|k| super::kind_in_text(*k))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Error::DueBeforeFounded {
            task,
            unit,
            due,
            founded,
            given,
        } => {
            let text = match given {
                true => super::ASSIGN_GIVEN_DUE_BEFORE_FOUNDED,
                false => super::ASSIGN_DUE_BEFORE_FOUNDED,
            };
            tr!(
                text,
                task = named(task),
                unit = short(unit),
                due = format_dmy(*due),
                founded = format_dmy(*founded)
            )
        }
        Error::NoPeopleInPost { task, unit } => tr!(
            super::ASSIGN_NO_PEOPLE,
            task = named(task),
            unit = short(unit)
        ),
        Error::UnknownSetting { .. } | Error::BadSetting { .. } | Error::OutputExists(_) => {
            super::documents::error(e).unwrap_or_default()
        }
        Error::Output(e) => io_words(e),
        Error::BadStoredDate {
            table,
            column,
            row,
            of,
            value,
            moment,
        } => tr!(
            if *moment {
                super::BAD_STORED_MOMENT
            } else {
                super::BAD_STORED_DATE
            },
            table = table,
            column = column,
            row = row,
            of = of
                .as_deref()
                .map(|of| tr!(super::BAD_STORED_DATE_OF, of = short(of)))
                .unwrap_or_default(),
            value = short(value)
        ),
        Error::WalWithoutShm { path, .. } => tr!(
            super::WAL_WITHOUT_SHM,
            path = long(&path.display().to_string()),
            name = short(
                &path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            )
        ),
        Error::StoredValue(detail) => {
            tr!(super::STORED_VALUE_UNREADABLE, detail = long(detail))
        }
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
        Error::KeyNeeded(path) => tr!(super::KEY_NEEDED, path = long(&path.display().to_string())),
        Error::WrongKey(path) => tr!(super::WRONG_KEY, path = long(&path.display().to_string())),
        Error::BadKey { path, problem } => key_problem(path.as_deref(), problem),
        Error::AlreadyEncrypted(path) => tr!(
            super::ALREADY_ENCRYPTED,
            path = long(&path.display().to_string())
        ),
        Error::NotEncrypted(path) => {
            tr!(
                super::NOT_ENCRYPTED,
                path = long(&path.display().to_string())
            )
        }
        Error::DatabaseLinked(path) => {
            tr!(super::DB_LINKED, path = long(&path.display().to_string()))
        }
        Error::DatabaseInUse(path) => {
            tr!(super::DB_IN_USE, path = long(&path.display().to_string()))
        }
        Error::ConversionFailed { path, problem } => {
            let detail = match problem {
                ConversionProblem::Integrity(first) => format!("integrity_check: {}", short(first)),
                ConversionProblem::Version { expected, found } => format!("{found} ≠ {expected}"),
                ConversionProblem::Rows {
                    table,
                    expected,
                    found,
                } => tr!(
                    super::CONVERSION_ROWS,
                    table = short(table),
                    expected = expected,
                    found = found
                ),
                ConversionProblem::Form => super::CONVERSION_FORM.get().to_string(),
            };
            tr!(
                super::CONVERSION_FAILED,
                path = long(&path.display().to_string()),
                detail = detail
            )
        }
        Error::PgConnect { address, reason } => tr!(
            super::PG_CONNECT,
            address = long(address),
            reason = long(reason)
        ),
        Error::BadAddress(text) => tr!(super::BAD_ADDRESS, text = long(text)),
        Error::PgNoAnswer { address, seconds } => {
            tr!(
                super::PG_NO_ANSWER,
                address = long(address),
                seconds = seconds
            )
        }
        Error::ForeignPgDatabase(address) => tr!(super::PG_FOREIGN, address = long(address)),
        Error::PgBackup(address) => tr!(super::PG_BACKUP, address = long(address)),
        Error::PgEncrypt(address) => tr!(super::PG_ENCRYPT, address = long(address)),
        Error::OfficeNeedsServer(path) => {
            tr!(
                super::OFFICE_NEEDS_SERVER,
                path = long(&path.display().to_string())
            )
        }
        Error::OfficeOutside {
            office,
            unit,
            scope,
        } => tr!(
            super::OFFICE_OUTSIDE,
            office = short(office),
            unit = short(unit),
            scope = short(scope)
        ),
        Error::OfficeNotAllowed { office, scope } => tr!(
            super::OFFICE_NOT_ALLOWED,
            office = short(office),
            scope = short(scope)
        ),
        Error::OfficeReadOnly { office, login } => tr!(
            super::OFFICE_READ_ONLY,
            office = short(office),
            login = short(login)
        ),
        Error::OfficeNotOwner { login, owner } => tr!(
            super::OFFICE_NOT_OWNER,
            login = short(login),
            owner = short(owner)
        ),
        Error::OfficeTaken { name, login } => {
            tr!(
                super::OFFICE_TAKEN,
                name = short(name),
                login = short(login)
            )
        }
        Error::OfficeNotFound(name) => tr!(super::OFFICE_NOT_FOUND, name = short(name)),
        Error::OfficeBadLogin(login) => tr!(super::OFFICE_BAD_LOGIN, login = short(login)),
        Error::OfficeOwnerLogin(login) => tr!(super::OFFICE_OWNER_LOGIN, login = short(login)),
        Error::OfficeUndoOthers { office, id } => {
            tr!(super::OFFICE_UNDO_OTHERS, office = short(office), id = id)
        }
        Error::NameTaken { name, code } => tr!(
            super::UNIT_NAME_TAKEN,
            name = short(name),
            code = short(code)
        ),
        Error::PgTls { address, problem } => tls_problem(address, problem),
        Error::PgServer { address, problem } => server_problem(address, problem),
        Error::OfficeUnboundLogin(login) => tr!(super::OFFICE_UNBOUND_LOGIN, login = short(login)),
        Error::SecretTitleEdit(what) => tr!(super::SECRET_TITLE_EDIT, what = what),
        Error::UnitNeededNotPerson { task } => {
            tr!(super::DONE_UNIT_NOT_PERSON, task = named(task))
        }
        Error::PersonTaken { person, unit, code } => tr!(
            super::PERSON_TAKEN,
            person = short(person),
            unit = short(unit),
            code = short(code)
        ),
        Error::UnknownLogin { login, known } if known.is_empty() => {
            tr!(super::LOGIN_ON_FILE, login = short(login))
        }
        Error::UnknownLogin { login, known } => tr!(
            super::UNKNOWN_LOGIN,
            login = short(login),
            known = known.join(", ")
        ),
        Error::OfficeLoginMissing { login, owner } => tr!(
            super::OFFICE_LOGIN_MISSING,
            login = short(login),
            owner = short(owner)
        ),
        Error::UndoOutsideOffice { id, office, scope } => tr!(
            super::UNDO_OUTSIDE_OFFICE,
            id = id,
            office = short(office),
            scope = short(scope)
        ),
        Error::LoginNoRights { login } => tr!(super::LOGIN_NO_RIGHTS, login = short(login)),
        Error::AskCommittee(inner) => match inner.as_ref() {
            Error::NotApplicable {
                task, who, person, ..
            } => not_applicable(task, who, *person) + super::OFFICE_ASK_ASSIGN.get(),
            Error::NotARatingTask { task } => {
                tr!(super::RATING_NOT_RATED_TASK_OFFICE, task = named(task))
            }
            Error::UndoBlocked { id, later } => {
                tr!(super::UNDO_LATER_CHANGE_OFFICE, id = id, later = later)
            }
            other => message(other),
        },
        Error::OfficeLoginTaken { login, office } => tr!(
            super::OFFICE_LOGIN_TAKEN,
            login = short(login),
            office = short(office)
        ),
    }
}

/// A task in an error: its title as reports show it, quoted (a secret
/// directive's task masked, `“188-KH/TU (Mật)”`), cut to `TITLE_MAX`
/// characters so that a command the line goes on to suggest stays whole.
fn named(task: &TaskName) -> String {
    format!("“{}”", cut(&task.title, TITLE_MAX))
}

/// That `who` (a unit, or a person) does not owe `task`: the refusal
/// before its way out.
fn not_applicable(task: &TaskName, who: &str, person: bool) -> String {
    if person {
        tr!(
            super::DONE_PERSON_NOT_APPLICABLE,
            task = named(task),
            name = short(who)
        )
    } else {
        tr!(
            super::DONE_NOT_APPLICABLE,
            task = named(task),
            unit = short(who)
        )
    }
}

/// Why no TLS connection was made to `address`.
fn tls_problem(address: &str, problem: &TlsProblem) -> String {
    let address = long(address);
    match problem {
        TlsProblem::BadMode(mode) => {
            tr!(
                super::PG_TLS_BAD_MODE,
                mode = short(mode),
                address = address
            )
        }
        TlsProblem::NoRootCert { mode, path } => tr!(
            super::PG_TLS_NO_ROOT,
            mode = mode,
            address = address,
            path = long(path)
        ),
        TlsProblem::BadRootCert { path, detail } => tr!(
            super::PG_TLS_BAD_ROOT,
            path = long(path),
            address = address,
            detail = detail
                .as_deref()
                .map(|d| format!(" ({})", short(d)))
                .unwrap_or_default()
        ),
        TlsProblem::NotOffered { mode } => {
            tr!(super::PG_TLS_NOT_OFFERED, address = address, mode = mode)
        }
        TlsProblem::Untrusted { root, why } => {
            let why = match why {
                CertProblem::Issuer => tr!(super::CERT_ISSUER, root = long(root)),
                CertProblem::Expired => super::CERT_EXPIRED.get().to_string(),
                CertProblem::NotYetValid => super::CERT_NOT_YET_VALID.get().to_string(),
                CertProblem::Other(detail) => tr!(super::CERT_OTHER, detail = short(detail)),
            };
            tr!(super::PG_TLS_UNTRUSTED, address = address, why = why)
        }
        TlsProblem::WrongName { host } => tr!(
            super::PG_TLS_WRONG_NAME,
            address = address,
            host = short(host)
        ),
        TlsProblem::Other(detail) => {
            tr!(
                super::PG_TLS_OTHER,
                address = address,
                detail = long(detail)
            )
        }
    }
}

/// The password file a clerk keeps: `~/.pgpass`, or Windows' place.
fn passfile() -> &'static str {
    if cfg!(windows) {
        "%APPDATA%\\postgresql\\pgpass.conf"
    } else {
        "~/.pgpass"
    }
}

/// What the server at `address` refused or ended.
fn server_problem(address: &str, problem: &ServerProblem) -> String {
    let address = long(address);
    match problem {
        ServerProblem::PasswordMissing { user } => tr!(
            super::PG_PASSWORD_MISSING,
            address = address,
            user = short(user),
            passfile = passfile()
        ),
        ServerProblem::WrongPassword { user } => tr!(
            super::PG_WRONG_PASSWORD,
            address = address,
            user = short(user),
            passfile = passfile()
        ),
        ServerProblem::NoRole { user } => {
            tr!(super::PG_NO_ROLE, address = address, user = short(user))
        }
        ServerProblem::NoDatabase { db } => {
            tr!(super::PG_NO_DATABASE, address = address, db = short(db))
        }
        ServerProblem::NotAllowed { user, db } => tr!(
            super::PG_NOT_ALLOWED,
            address = address,
            user = short(user),
            db = short(db)
        ),
        ServerProblem::TooMany => tr!(super::PG_TOO_MANY, address = address),
        ServerProblem::Denied { user, what } => tr!(
            super::PG_DENIED,
            address = address,
            user = short(user),
            what = what
                .as_deref()
                .map(|name| tr!(super::PG_DENIED_ON, name = short(name)))
                .unwrap_or_default()
        ),
        ServerProblem::Closed => tr!(super::PG_CLOSED, address = address),
        ServerProblem::LockTimeout { limit } => tr!(
            super::PG_LOCK_TIMEOUT,
            address = address,
            limit = short(limit)
        ),
        ServerProblem::Conflict { tries } => {
            tr!(super::PG_CONFLICT, address = address, tries = tries)
        }
        ServerProblem::NotRunning { host } => {
            tr!(super::PG_NOT_RUNNING, host = short(host))
        }
    }
}

/// Why a key cannot be used, naming where it came from and what is accepted.
fn key_problem(path: Option<&std::path::Path>, problem: &KeyProblem) -> String {
    let source = match path {
        Some(path) => tr!(
            super::KEY_SOURCE_FILE,
            path = long(&path.display().to_string())
        ),
        None => super::KEY_SOURCE_TYPED.get().to_string(),
    };
    match problem {
        KeyProblem::Unreadable(kind) => tr!(
            super::KEY_UNREADABLE,
            source = source,
            reason = io_words(&std::io::Error::from(*kind))
        ),
        KeyProblem::Mode(mode) => tr!(
            super::KEY_MODE,
            source = source,
            mode = format!("{mode:04o}"),
            path = path.map(|p| p.display().to_string()).unwrap_or_default()
        ),
        KeyProblem::Empty => tr!(super::KEY_EMPTY, source = source),
        KeyProblem::NotText => tr!(super::KEY_NOT_TEXT, source = source),
        KeyProblem::TooLong { max } => tr!(super::KEY_TOO_LONG, source = source, max = max),
        KeyProblem::TooShort { min } => tr!(super::KEY_TOO_SHORT, source = source, min = min),
        KeyProblem::Differ => super::KEYS_DIFFER.get().to_string(),
        KeyProblem::NotAFile => tr!(super::KEY_NOT_A_FILE, source = source),
    }
}

/// A file refused for its bad rows, in one line that fits `LINE_MAX`: every
/// bad line named with what is wrong with it, as much of each reason as a
/// fair share of the line allows; when there are too many for that, the
/// first ones and how many more.
pub fn bad_rows(source: &str, mut rows: Vec<(u64, String)>) -> String {
    rows.sort();
    let lines = rows
        .iter()
        .map(|(l, _)| l)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    // Several rows: each says what is wrong; the advice after it (`; xem
    // danh sách bằng …`, `; nếu cần sửa, …`) is the same on every row and
    // would crowd out the rows themselves.
    let several = rows.len() > 1;
    let facts: Vec<(u64, &str)> = rows
        .iter()
        .map(|(line, reason)| match reason.split_once("; ") {
            Some((fact, _)) if several => (*line, fact),
            _ => (*line, reason.as_str()),
        })
        .collect();
    let items = grouped_rows(&facts);
    let path = long(source);
    let fixed = tr!(super::IMPORT_FAILED, path = path, n = lines, errors = "");
    let room = LINE_MAX
        .saturating_sub(super::ERR_PREFIX.get().chars().count())
        .saturating_sub(fixed.chars().count());
    tr!(
        super::IMPORT_FAILED,
        path = path,
        n = lines,
        errors = fit_rows(&items, room)
    )
}

/// The rows' items, in the order of their first line: rows that say one
/// thing of a value at its end (`không tìm thấy tổ chức đảng 'X'`) said
/// once, with their lines and values (`dòng 2–4, 7: không tìm thấy tổ chức
/// đảng 'A', 'B', 'C', 'D'`); every other row on its own.
fn grouped_rows(facts: &[(u64, &str)]) -> Vec<String> {
    // What is said before the value, when the value ends the fact.
    let shape = |fact: &str| -> Option<(String, String)> {
        let (before, rest) = fact.split_once('\'')?;
        let value = rest.strip_suffix('\'')?;
        (!value.contains('\'')).then(|| (before.trim_end().to_string(), value.to_string()))
    };
    let mut groups: Vec<(Option<String>, Vec<u64>, Vec<String>)> = Vec::new();
    for (line, fact) in facts {
        match shape(fact) {
            Some((before, value)) => {
                match groups
                    .iter_mut()
                    .find(|(b, ..)| b.as_deref() == Some(before.as_str()))
                {
                    Some((_, lines, values)) => {
                        lines.push(*line);
                        values.push(value);
                    }
                    None => groups.push((Some(before), vec![*line], vec![value])),
                }
            }
            None => groups.push((None, vec![*line], vec![fact.to_string()])),
        }
    }
    groups
        .into_iter()
        .map(|(before, lines, values)| match before {
            Some(before) if lines.len() > 1 => tr!(
                super::IMPORT_ROWS,
                lines = line_runs(&lines),
                reason = format!(
                    "{before} {}",
                    values
                        .iter()
                        .map(|v| format!("'{}'", short(v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            ),
            Some(before) => tr!(
                super::IMPORT_ROW,
                line = lines[0],
                reason = long(&format!("{before} '{}'", values[0]))
            ),
            None => tr!(
                super::IMPORT_ROW,
                line = lines[0],
                reason = long(&values[0])
            ),
        })
        .collect()
}

/// Line numbers in runs: `2–4, 7`.
fn line_runs(lines: &[u64]) -> String {
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for &line in lines {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == line => *last = line,
            _ => runs.push((line, line)),
        }
    }
    runs.iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rows of a file's errors in at most `room` characters, as `fit_list`
/// fits any list, the rest counted as lines.
fn fit_rows(items: &[String], room: usize) -> String {
    const MIN_ITEM: usize = 32;
    let lens: Vec<usize> = items.iter().map(|i| i.chars().count()).collect();
    fit_with(&lens, room, MIN_ITEM, super::ROWS_MORE, |i, cap| {
        cut_at_clause(&items[i], cap).into_owned()
    })
    .0
}

/// `items` joined with `; ` in at most `room` characters when it can be:
/// short items whole, long ones cut with `…` to a fair share of what is
/// left; if a share would be too small to read, only the first items, and
/// how many more.
fn fit_list(items: &[String], room: usize) -> String {
    /// The least of an item worth showing (`dòng 12: …` and a few words).
    const MIN_ITEM: usize = 32;
    let lens: Vec<usize> = items.iter().map(|i| i.chars().count()).collect();
    fit_with(&lens, room, MIN_ITEM, super::MORE, |i, cap| {
        cut_at_clause(&items[i], cap).into_owned()
    })
    .0
}

/// As `fit_list`, for items of lengths `lens` that `render(i, cap)` writes
/// in at most `cap` characters (the whole item when `cap` is its length),
/// none cut to fewer than `min_item` characters.
fn fit_with(
    lens: &[usize],
    room: usize,
    min_item: usize,
    more_text: Text,
    render: impl Fn(usize, usize) -> String,
) -> (String, bool) {
    const SEP: &str = "; ";
    let count = lens.len();
    let seps = |n: usize| SEP.len() * n.saturating_sub(1);
    if lens.iter().sum::<usize>() + seps(count) <= room {
        let line = (0..count)
            .map(|i| render(i, lens[i]))
            .collect::<Vec<_>>()
            .join(SEP);
        return (line, true);
    }
    let more = |shown: usize| match count - shown {
        0 => String::new(),
        n => tr!(more_text, n = n),
    };
    let mut shown = count;
    let mut left = room.saturating_sub(seps(shown));
    while shown > 1 && left / shown < min_item {
        shown -= 1;
        left = room.saturating_sub(seps(shown) + more(shown).chars().count());
    }
    // Water-filling: the shortest take what they need, the rest share.
    let mut caps = vec![0; shown];
    let mut order: Vec<usize> = (0..shown).collect();
    order.sort_by_key(|&i| lens[i]);
    for (k, &i) in order.iter().enumerate() {
        let share = left / (shown - k);
        caps[i] = lens[i].min(share);
        left -= caps[i];
    }
    let mut out = caps
        .into_iter()
        .enumerate()
        .map(|(i, cap)| render(i, cap))
        .collect::<Vec<_>>()
        .join(SEP);
    out.push_str(&more(shown));
    (out, shown == count)
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
        ExportRule::LinkCycle => tr!(super::EXPORT_LINK_CYCLE),
        ExportRule::BeforeDirective { issued } => {
            tr!(super::EXPORT_BEFORE_DIRECTIVE, date = format_dmy(*issued))
        }
        ExportRule::StateRange => tr!(super::EXPORT_STATE_RANGE),
        ExportRule::Refused(e) => message(e),
        ExportRule::Secrecy => one_of(crate::domain::Secrecy::ALL.iter().map(|m| m.slug())),
        ExportRule::Urgency => one_of(crate::domain::Urgency::ALL.iter().map(|m| m.slug())),
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

/// The options a message about a command names, as a file's columns
/// where the value came from a row: `(--parent)` is `(cột 'Trực thuộc')`.
const FLAG_COLUMNS: &[(&str, Text)] = &[
    ("(--parent)", super::COLUMN_PARENT),
    ("(--position)", super::COLUMN_POSITION),
    ("(--note)", super::COLUMN_NOTE),
    ("(--evidence)", super::COLUMN_EVIDENCE),
];

/// A message about a command's values, said of a row of a file.
fn in_file(mut text: String) -> String {
    for (flag, column) in FLAG_COLUMNS {
        if text.contains(flag) {
            text = text.replace(flag, &format!("({})", column.get()));
        }
    }
    // The file's line says once that nothing was written.
    let nothing = format!("; {}. ", super::NOTHING_WRITTEN.get());
    if let Some(at) = text.find(&nothing) {
        let rest = &text[at + nothing.len()..];
        text = format!("{}; {}", &text[..at], super::in_sentence(rest));
    }
    text
}

/// What is wrong with one row of a file.
fn row_problem(problem: &RowProblem) -> String {
    match problem {
        RowProblem::Said(text) => long(text).into_owned(),
        RowProblem::Error(e) => in_file(message(e)),
        RowProblem::Duplicate { code, line } => {
            tr!(super::IMPORT_DUPLICATE, code = short(code), line = line)
        }
        RowProblem::UnknownParent(parent) => {
            tr!(super::IMPORT_PARENT_UNKNOWN, parent = short(parent))
        }
        RowProblem::Cycle(parent) => tr!(super::IMPORT_CYCLE, parent = short(parent)),
        RowProblem::SameName { name, line } => {
            tr!(super::IMPORT_SAME_NAME, name = short(name), line = line)
        }
        RowProblem::AmbiguousParent { parent, lines } => tr!(
            super::IMPORT_PARENT_AMBIGUOUS,
            parent = short(parent),
            lines = lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Units that match one reference, each with its code, kind and parent
/// (`Chi bộ thôn 1 (bt-thon-1, chi bộ trực thuộc, thuộc Đảng bộ xã Ba
/// Trại)`), in at most `room` characters. When they do not all fit, the
/// kinds go first, then the parents of units whose names no other shares;
/// then only the first units are named whole, and how many more; two units
/// too long to name whole are cut in their names and parents, never in their
/// codes.
pub fn unit_candidates(units: &[UnitCandidate], room: usize) -> String {
    unit_candidates_shown(units, room).0
}

/// `unit_candidates`, and whether every unit is named in it.
fn unit_candidates_shown(units: &[UnitCandidate], room: usize) -> (String, bool) {
    const SEP: &str = "; ";
    let names: Vec<String> = units.iter().map(|u| fold(&u.unit.name)).collect();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for name in &names {
        *counts.entry(name).or_default() += 1;
    }
    let shared = |i: usize| counts.get(names[i].as_str()).is_some_and(|n| *n > 1);
    let full: Vec<String> = units
        .iter()
        .map(|u| said(u, usize::MAX, usize::MAX, Detail::Full))
        .collect();
    let no_kind: Vec<String> = units
        .iter()
        .map(|u| said(u, usize::MAX, usize::MAX, Detail::Parent))
        .collect();
    let details: Vec<Detail> = (0..units.len())
        .map(|i| {
            if shared(i) {
                Detail::Parent
            } else {
                Detail::Code
            }
        })
        .collect();
    let least: Vec<String> = units
        .iter()
        .zip(&details)
        .map(|(u, d)| said(u, usize::MAX, usize::MAX, *d))
        .collect();
    let length = |items: &[String]| {
        items.iter().map(|i| i.chars().count()).sum::<usize>()
            + SEP.len() * items.len().saturating_sub(1)
    };
    for items in [&full, &no_kind, &least] {
        if length(items) <= room {
            return (items.join(SEP), true);
        }
    }
    // The first units whole, as many as fit with the count of the others.
    let more = |shown: usize| match units.len() - shown {
        0 => String::new(),
        n => tr!(super::UNITS_MORE, n = n),
    };
    // Lengths add up item by item: the first that does not fit ends the run.
    let mut shown = 0;
    let mut used = 0;
    for (k, item) in least.iter().enumerate() {
        used += item.chars().count() + if k > 0 { SEP.len() } else { 0 };
        if used + more(k + 1).chars().count() > room {
            break;
        }
        shown = k + 1;
    }
    if shown >= 2 {
        return (
            format!("{}{}", least[..shown].join(SEP), more(shown)),
            shown == units.len(),
        );
    }
    // Enough of each to read its name, its code and its parent.
    const MIN_ITEM: usize = 56;
    let lens: Vec<usize> = least.iter().map(|i| i.chars().count()).collect();
    fit_with(&lens, room, MIN_ITEM, super::UNITS_MORE, |i, cap| {
        if cap >= lens[i] {
            return least[i].clone();
        }
        let u = &units[i];
        let name = u.unit.name.chars().count();
        let parent = match details[i] {
            Detail::Parent => u.parent.as_ref().map_or(0, |p| p.chars().count()),
            _ => 0,
        };
        let budget = cap.saturating_sub(lens[i] - name - parent);
        if budget < 8 {
            return cut(&least[i], cap).into_owned();
        }
        // Name and parent share what is left; either takes what the other
        // does not need.
        let name_max = name.min((budget / 2).max(budget.saturating_sub(parent)));
        let parent_max = parent.min(budget - name_max).max(1);
        cut(&said(u, name_max, parent_max, details[i]), cap).into_owned()
    })
}

/// A text of at most `max` characters: a longer one keeps its start and
/// its end, where names differ (`Chi bộ thôn…Đông 2`), with `…` between.
fn cut_middle(s: &str, max: usize) -> Cow<'_, str> {
    let len = s.chars().count();
    if len <= max {
        return Cow::Borrowed(s);
    }
    let keep = max.saturating_sub(1);
    let head = keep.div_ceil(2);
    let tail = keep - head;
    let start: String = s.chars().take(head).collect();
    let end: String = s.chars().skip(len - tail).collect();
    Cow::Owned(format!("{}…{}", start.trim_end(), end.trim_start()))
}

/// How much a candidate unit says of itself besides its name.
#[derive(Debug, Clone, Copy)]
enum Detail {
    /// Its code, kind and parent.
    Full,
    /// Its code and parent.
    Parent,
    /// Its code.
    Code,
}

/// One candidate unit, its name and parent cut to `name_max` and
/// `parent_max` characters.
fn said(u: &UnitCandidate, name_max: usize, parent_max: usize, detail: Detail) -> String {
    let cut = cut_middle;
    let name = cut(&u.unit.name, name_max);
    let code = short(&u.unit.code);
    let kind = super::kind_in_text(u.unit.kind);
    match (detail, &u.parent) {
        (Detail::Full, Some(parent)) => tr!(
            super::UNIT_CANDIDATE,
            name = name,
            code = code,
            kind = kind,
            parent = cut(parent, parent_max)
        ),
        (Detail::Full, None) => tr!(
            super::UNIT_CANDIDATE_TOP,
            name = name,
            code = code,
            kind = kind
        ),
        (Detail::Parent, Some(parent)) => tr!(
            super::UNIT_CANDIDATE_NO_KIND,
            name = name,
            code = code,
            parent = cut(parent, parent_max)
        ),
        (_, _) => tr!(super::UNIT_CANDIDATE_CODE, name = name, code = code),
    }
}

/// The message for an ambiguous reference, its candidates, and the words
/// for those not shown.
fn ambiguity(found: &Candidates) -> (Text, Vec<String>, Text) {
    match found {
        Candidates::Directives(v) => (
            super::DIRECTIVE_AMBIGUOUS,
            v.iter().map(|d| long(&describe(d)).into_owned()).collect(),
            super::DIRECTIVES_MORE,
        ),
        Candidates::Units(v) => (
            super::UNIT_AMBIGUOUS,
            vec![unit_candidates(v, LINE_MAX)],
            super::UNITS_MORE,
        ),
        Candidates::Tasks(v) => (
            super::TASK_AMBIGUOUS,
            // A secret directive's task by its code and the directive's
            // mark: an error goes to the screen and to a cron job's mail.
            v.iter()
                .map(|c| match c.secrecy {
                    Some(mark) => format!(
                        "{} ({}, {})",
                        c.task.code,
                        c.directive,
                        mark.official_name()
                    ),
                    None => format!("{} ({})", c.task.code, c.task.title),
                })
                .map(|item| short(&item).into_owned())
                .collect(),
            super::TASKS_MORE,
        ),
        Candidates::People(v) => (
            super::PERSON_AMBIGUOUS,
            v.iter()
                .map(|p| short(&format!("{} ({}, {})", p.name, p.position, p.code)).into_owned())
                .collect(),
            super::PEOPLE_MORE,
        ),
    }
}

/// A message naming several things, in one line of `LINE_MAX` characters:
/// `render(list)` with as many of `items` whole as the line has room for,
/// then how many more (`more`: `… và 3 tổ chức đảng khác`), never a name
/// cut in the middle of a word.
fn with_list(items: &[String], more: Text, render: impl Fn(&str) -> String) -> String {
    let fixed = render("");
    let room = LINE_MAX
        .saturating_sub(super::ERR_PREFIX.get().chars().count())
        .saturating_sub(fixed.chars().count());
    render(&fit_whole(items, room, more))
}

/// `items` joined with `; `, as many whole as fit in `room` with the count
/// of the others; when not even the first fits, the first cut at a word.
fn fit_whole(items: &[String], room: usize, more: Text) -> String {
    const SEP: &str = "; ";
    let tail = |shown: usize| match items.len() - shown {
        0 => String::new(),
        n => tr!(more, n = n),
    };
    let (mut shown, mut used) = (0, 0);
    for (k, item) in items.iter().enumerate() {
        used += item.chars().count() + if k > 0 { SEP.len() } else { 0 };
        if used + tail(k + 1).chars().count() > room {
            break;
        }
        shown = k + 1;
    }
    match (shown, items.first()) {
        (_, None) => String::new(),
        (0, Some(first)) => {
            let tail = tail(1);
            match room.saturating_sub(tail.chars().count()) {
                // No room for a name: how many, alone.
                cap if cap < 16 => tr!(more, n = items.len()).trim_start().to_string(),
                cap => format!("{}{tail}", cut_at_word(first, cap)),
            }
        }
        _ => format!("{}{}", items[..shown].join(SEP), tail(shown)),
    }
}

/// A text of at most `max` characters, cut after a clause (`; `) when one
/// ends in the first `max` (the rest, a hint, left out), else with `…`.
fn cut_at_clause(s: &str, max: usize) -> Cow<'_, str> {
    if s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let end = s
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(s.len(), |(i, _)| i);
    match s[..end].rfind("; ").filter(|&at| at >= end / 3) {
        Some(at) => Cow::Owned(s[..at].to_string()),
        None => cut(s, max),
    }
}

/// A text of at most `max` characters, cut after a clause (`; `) when one
/// ends in the first `max` (the rest, a hint, left out), else after a
/// whole word, with `…`.
fn cut_at_word(s: &str, max: usize) -> Cow<'_, str> {
    if s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let end = s
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(s.len(), |(i, _)| i);
    let head = &s[..end];
    if let Some(at) = head.rfind("; ").filter(|&at| at >= end / 3) {
        return Cow::Owned(head[..at].to_string());
    }
    match head.rfind(' ').filter(|&at| at >= end / 3) {
        Some(at) => Cow::Owned(format!("{}…", head[..at].trim_end_matches([',', ';', ':']))),
        None => cut(s, max),
    }
}

/// What the rows of a table are, in words.
fn record_name(table: &str) -> Text {
    match table {
        "directive" => super::RECORD_DIRECTIVES,
        "unit" => super::RECORD_UNITS,
        "person" => super::RECORD_PEOPLE,
        "task" | "task_due" => super::RECORD_TASKS,
        "obligation" => super::RECORD_OBLIGATIONS,
        _ => super::RECORD_OTHER,
    }
}

/// How a field is named in "… must not be empty", "… is too long".
fn field_name(field: Field) -> Text {
    match field {
        Field::UnitName => super::WHAT_NAME,
        Field::PersonName => super::WHAT_PERSON_NAME,
        Field::Position => super::WHAT_POSITION,
        Field::Issuer => super::WHAT_ISSUER,
        Field::Title => super::WHAT_TITLE,
        Field::RevokeReason => super::WHAT_REASON_REVOKE,
        Field::ExtendReason => super::WHAT_REASON,
        Field::Note => super::WHAT_NOTE,
        Field::Evidence => super::WHAT_EVIDENCE,
        Field::NotRatedReason => super::WHAT_NOT_RATED,
        Field::Actor => super::WHAT_ACTOR,
        Field::Alias => super::WHAT_ALIAS,
        Field::DueReason => super::WHAT_DUE_REASON,
        Field::Setting => super::WHAT_SETTING,
    }
}

/// Why a task is not renewed for `year`.
fn renew_refused(task: &TaskName, year: i32, problem: &RenewProblem) -> String {
    let task = named(task);
    match problem {
        RenewProblem::SameYear => tr!(
            super::RENEW_SAME_YEAR,
            task = task,
            year = year,
            next = year + 1
        ),
        RenewProblem::Exists { code, title } => crate::domain::marks::unnest(&tr!(
            super::RENEW_EXISTS,
            year = year,
            code = short(code),
            title = short(super::beside_code(code, title))
        )),
        RenewProblem::OutOfRange { due } => tr!(
            super::RENEW_OUT_OF_RANGE,
            due = format_dmy(*due),
            task = task,
            year = year,
            from = format!("01/01/{}", crate::text::date::MIN_YEAR),
            to = format!("31/12/{}", crate::text::date::MAX_YEAR)
        ),
        RenewProblem::ScopeGone { unit, on } => tr!(
            super::RENEW_SCOPE_GONE,
            task = task,
            unit = short(unit),
            date = format_dmy(*on)
        ),
        RenewProblem::DirectiveEnded { directive, on } => tr!(
            super::RENEW_DIRECTIVE_ENDED,
            directive = super::citation_label(directive),
            date = format_dmy(*on),
            year = year
        ),
        RenewProblem::SecretTitle { from, to } => tr!(
            super::RENEW_SECRET_TITLE,
            from = from,
            to = super::citation_label(to)
        ),
    }
}

/// Why a task's due date for `kind` does not change so.
fn due_refused(task: &TaskName, kind: UnitKind, problem: &DueProblem) -> String {
    let task = named(task);
    let name = super::kind_in_text(kind);
    match problem {
        DueProblem::NotDue { kinds } => tr!(
            super::DUE_NOT_DUE,
            task = task,
            kind = name,
            // What a clerk reads, and what is typed in --due.
            kinds = kinds
                .iter()
                .map(|k| format!("{} ({})", super::kind_in_text(*k), k.slug()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        DueProblem::AlreadyDue { due } => tr!(
            super::DUE_ALREADY,
            task = task,
            date = format_dmy(*due),
            kind = name,
            slug = kind.slug()
        ),
        DueProblem::Completions { n } => {
            tr!(super::DUE_HAS_COMPLETIONS, kind = name, task = task, n = n)
        }
        DueProblem::NoUnits { within } => tr!(
            super::DUE_NO_UNITS,
            kind = name,
            scope = within
                .as_deref()
                .map(|w| short(w).into_owned())
                .unwrap_or_else(|| super::TASK_SCOPE_ALL.get().to_string()),
            task = task
        ),
        DueProblem::LastKind => tr!(super::DUE_LAST_KIND, kind = name, task = task),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An older file that cannot be upgraded where it is says so, and what
    /// to do; not that reports still work, which is what a newer file's
    /// read-only message says.
    #[test]
    fn an_older_read_only_file_says_it_needs_upgrading() {
        for folder in [None, Some(std::path::PathBuf::from("/cd"))] {
            let e = Error::Migration {
                version: 15,
                source: Box::new(Error::ReadOnly {
                    path: "/cd/theodoi.db".into(),
                    folder: folder.clone(),
                }),
            };
            let line = message(&e);
            assert!(line.contains("cũ hơn") && line.contains("15"), "{line}");
            assert!(line.contains("chép tệp sang thư mục ghi được"), "{line}");
            assert!(!line.contains("vẫn xem được"), "{line}");
            assert_eq!(folder.is_some(), line.contains("thư mục /cd "), "{line}");
        }
    }

    #[test]
    fn a_list_too_long_for_the_line_ends_with_how_many_more_not_a_cut_name() {
        let open: Vec<String> = (1..=12)
            .map(|i| format!("Chi bộ tổ dân phố {i} phường Trung Sơn Trầm"))
            .collect();
        let e = Error::LowerLevelsOpen {
            unit: "Đảng bộ phường Trung Sơn Trầm".into(),
            open: open.clone(),
            rated: false,
        };
        let line = error_output(&message(&e));
        assert!(line.chars().count() <= LINE_MAX, "{line}");
        let (_, list) = line.split_once("chưa hoàn thành: ").expect("the list");
        let (list, _) = list.rsplit_once(". ").expect("the hint after the list");
        let more = tr!(super::super::UNITS_MORE, n = 0);
        let (_, more_word) = more.split_once('0').expect("a count");
        let (names, rest) = list.split_once(" … ").expect("how many more");
        let shown: Vec<&str> = names.split("; ").collect();
        for name in &shown {
            assert!(open.iter().any(|o| o == name), "'{name}' cut: {line}");
        }
        assert!(
            rest.contains(&(open.len() - shown.len()).to_string()) && rest.ends_with(more_word),
            "{line}"
        );
        // A hint after a clause is left out rather than cut mid-word.
        assert_eq!(
            cut_at_clause(
                "dòng 2: không tìm thấy 'x'; xem danh sách bằng `theodoi unit list`",
                40
            ),
            "dòng 2: không tìm thấy 'x'"
        );
        assert_eq!(
            cut_at_word("Ban Thường vụ Thị ủy Sơn Tây", 20),
            "Ban Thường vụ Thị…"
        );
    }
}

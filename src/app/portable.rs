//! Import of a whole database from an export (`theodoi import`). An import
//! is a write like any other: every row of the document is checked against
//! the rules the commands keep when they write such a row (codes, names,
//! dates, kinds, ratings, the unit tree, references between tables) before
//! anything is written, and all of it is written or none. Columns derived
//! from others (`*_fold`, `name_key`) are not checked: the store computes
//! them again.
//!
//! The document is `{"format": "theodoi", "version": 1, "schema": N,
//! "tables": {"unit": [{...}, ...], ...}}` (see `store::sqlite::portable`).

use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt, HashSet};
use serde_json::{Map, Value};

use crate::domain::error::{Error, ExportProblem, ExportRow, ExportRule, Field, Result};
use crate::domain::rating::{RULES, RuleError};
use crate::domain::setting::SettingKey;
use crate::domain::unit::is_stored_code;
use crate::domain::{DocType, Rating, Rules, UnitKind};
use crate::store::{EXPORT_VERSION, Storage};
use crate::text::fold;
use crate::text::symbol::parse_symbol;

/// The first day a date of the record may be: the Party was founded in 1930.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1930, 1, 1) {
    Some(day) => day,
    None => panic!("1930-01-01 is a day"),
};

/// How many bad values an error lists; the others are counted.
const LISTED: usize = 1000;

/// Restores an export into `storage`, which must be empty, after checking
/// every row. Returns how many rows were written.
pub fn import(storage: &mut dyn Storage, mut document: Value, source: &str) -> Result<usize> {
    if document["format"] != "theodoi" || document["version"] != EXPORT_VERSION {
        return Err(Error::NotAnExport {
            source_name: source.to_string(),
            version: EXPORT_VERSION,
        });
    }
    let schema = document["schema"].as_i64().unwrap_or(i64::MAX);
    let known = storage.version()?;
    if schema > known {
        return Err(Error::ExportTooNew {
            source_name: source.to_string(),
            found: schema,
            known,
        });
    }
    let (problems, more) = check(&mut document);
    if !problems.is_empty() {
        return Err(Error::BadExport {
            source_name: source.to_string(),
            problems,
            more,
        });
    }
    // The tree on every day, as the commands keep it.
    storage.import(&document, source, &|db| {
        super::units::check_tree_in_time(db)
    })
}

/// Checks every table of an export's document, and normalizes its names
/// as the commands do (`app::text`). Returns the bad values in the order of
/// the document (the first thousand), and how many more there are.
pub fn check(document: &mut Value) -> (Vec<ExportProblem>, usize) {
    let mut checker = Checker::default();
    let Some(tables) = document.get_mut("tables").and_then(Value::as_object_mut) else {
        let value = document.get("tables").unwrap_or(&Value::Null);
        checker.problem("tables", ExportRow::Table, None, value, ExportRule::Shape);
        return (checker.problems, checker.more);
    };
    for (name, rows) in tables.iter() {
        match table_spec(name) {
            None => {
                // A name from the file, said as JSON: on one line, whatever it holds.
                let name = shown(&Value::from(name.as_str()));
                checker.problem(
                    &name,
                    ExportRow::Table,
                    None,
                    rows,
                    ExportRule::UnknownTable,
                )
            }
            Some(_) if !rows.is_array() => {
                checker.problem(name, ExportRow::Table, None, rows, ExportRule::Shape)
            }
            Some(spec) => checker.collect_ids(spec, rows),
        }
    }
    for spec in TABLES {
        if let Some(Value::Array(rows)) = tables.get_mut(spec.name) {
            checker.table(spec, rows);
        }
    }
    checker.tree();
    checker.links();
    checker.completions();
    checker.states();
    (checker.problems, checker.more)
}

/// What a column holds, and how its value is checked.
#[derive(Debug, Clone, Copy)]
enum Col {
    /// The row's id: a positive integer, once per table.
    Id,
    /// The id of a row of this table, in the same export.
    Ref(&'static str),
    /// Any integer.
    Int,
    /// 0 or 1.
    Flag,
    /// A unit's, person's or task's code, as the commands take it; once per
    /// table in any letter case.
    Code,
    /// A name the commands require (`app::text`): normalized here.
    Name(Field),
    /// Any text.
    Text,
    /// A day: `YYYY-MM-DD`, one that exists, not before `FIRST_DAY`.
    Date,
    /// A moment, RFC 3339.
    Stamp,
    /// A unit kind's slug.
    UnitKind,
    /// A document type's slug.
    DocType,
    /// A rating's code.
    Rating,
    /// A directive's symbol in canonical form, with the row's number.
    Symbol,
    /// A directive's number: digits.
    Number,
    /// Computed by the store from another column: the file's value is ignored.
    Derived,
    /// A text holding JSON (what a change was about).
    Json,
    /// A row of the table `tbl` names, as JSON text (the log's before and after).
    Snapshot,
    /// The name of a table the change log records.
    LoggedTable,
    /// A rule's name, and its value (checked as `rules set` checks it).
    RuleName,
    RuleValue,
    /// A setting's key, and its value (checked as `settings set` checks it).
    SettingName,
    SettingValue,
    /// A classification's slug (độ mật).
    SecrecyMark,
    /// An urgency's slug (độ khẩn).
    UrgencyMark,
}

/// Whether a column must have a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// NOT NULL, no default: present and not null.
    Required,
    /// NOT NULL with a default: may be left out, not null.
    Defaulted,
    /// May be null or left out.
    Optional,
}

#[derive(Debug)]
struct Column {
    name: &'static str,
    col: Col,
    need: Need,
}

const fn c(name: &'static str, col: Col, need: Need) -> Column {
    Column { name, col, need }
}

/// One exported table: its columns, and the keys no two rows may share.
#[derive(Debug)]
struct TableSpec {
    name: &'static str,
    columns: &'static [Column],
    /// Each a set of columns no two rows may have the same values in.
    unique: &'static [&'static [&'static str]],
    /// Whether the change log records its rows (`change_row.tbl`).
    logged: bool,
}

impl TableSpec {
    fn has_id(&self) -> bool {
        self.columns.iter().any(|c| matches!(c.col, Col::Id))
    }

    fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

use Col::*;
use Need::{Defaulted as Def, Optional as Opt, Required as Req};

/// Every exported table, parents before children, as `schema.sql` has them.
const TABLES: &[TableSpec] = &[
    TableSpec {
        name: "meta",
        columns: &[c("key", Text, Req), c("value", Text, Req)],
        unique: &[&["key"]],
        logged: false,
    },
    TableSpec {
        name: "directive",
        columns: &[
            c("id", Id, Req),
            c("doc_type", DocType, Req),
            c("number", Number, Req),
            c("symbol", Symbol, Opt),
            c("symbol_as_written", Text, Opt),
            c("issuer", Name(Field::Issuer), Req),
            c("issuer_fold", Derived, Opt),
            c("issued_on", Date, Opt),
            c("title", Name(Field::Title), Req),
            c("title_fold", Derived, Opt),
            c("created_at", Stamp, Req),
            c("revoked_on", Date, Opt),
            c("revoked_reason", Text, Opt),
            c("replaced_by", Ref("directive"), Opt),
            c("secrecy", SecrecyMark, Opt),
            c("urgency", UrgencyMark, Opt),
        ],
        unique: &[&["issuer", "symbol", "issued_on"]],
        logged: true,
    },
    TableSpec {
        name: "unit",
        columns: &[
            c("id", Id, Req),
            c("code", Code, Req),
            c("name", Name(Field::UnitName), Req),
            c("name_fold", Derived, Opt),
            c("name_key", Derived, Opt),
            c("kind", UnitKind, Req),
            c("parent_id", Ref("unit"), Opt),
            c("created_at", Stamp, Req),
            c("dissolved_on", Date, Opt),
            c("successor_id", Ref("unit"), Opt),
            c("founded_on", Date, Opt),
            c("since_on", Date, Opt),
        ],
        unique: &[&["code"]],
        logged: true,
    },
    TableSpec {
        name: "unit_past",
        columns: &[
            c("id", Id, Req),
            c("unit_id", Ref("unit"), Req),
            c("from_on", Date, Opt),
            c("until_on", Date, Req),
            c("name", Name(Field::UnitName), Req),
            c("name_fold", Derived, Opt),
            c("name_key", Derived, Opt),
            c("kind", UnitKind, Req),
            c("parent_id", Ref("unit"), Opt),
        ],
        unique: &[&["unit_id", "until_on"]],
        logged: true,
    },
    TableSpec {
        name: "unit_alias",
        columns: &[
            c("id", Id, Req),
            c("unit_id", Ref("unit"), Req),
            c("alias", Name(Field::UnitName), Req),
            c("alias_fold", Derived, Opt),
        ],
        unique: &[&["unit_id", "alias"]],
        logged: true,
    },
    TableSpec {
        name: "person",
        columns: &[
            c("id", Id, Req),
            c("code", Code, Req),
            c("name", Name(Field::PersonName), Req),
            c("name_fold", Derived, Opt),
            c("name_key", Derived, Opt),
            c("position", Name(Field::Position), Req),
            c("position_fold", Derived, Opt),
            c("unit_id", Ref("unit"), Req),
            c("from_on", Date, Opt),
            c("to_on", Date, Opt),
            c("created_at", Stamp, Req),
        ],
        unique: &[&["code"]],
        logged: true,
    },
    TableSpec {
        name: "task",
        columns: &[
            c("id", Id, Req),
            c("code", Code, Req),
            c("directive_id", Ref("directive"), Req),
            c("title", Name(Field::Title), Req),
            c("title_fold", Derived, Opt),
            c("within_id", Ref("unit"), Opt),
            c("created_at", Stamp, Req),
            c("rated", Flag, Def),
            c("for_people", Flag, Def),
        ],
        unique: &[&["code"]],
        logged: true,
    },
    TableSpec {
        name: "task_due",
        columns: &[
            c("task_id", Ref("task"), Req),
            c("kind", UnitKind, Req),
            c("due_on", Date, Req),
        ],
        unique: &[&["task_id", "kind"]],
        logged: true,
    },
    TableSpec {
        name: "obligation",
        columns: &[
            c("id", Id, Req),
            c("task_id", Ref("task"), Req),
            c("unit_id", Ref("unit"), Req),
            c("person_id", Ref("person"), Opt),
            c("due_on", Date, Req),
            c("completed_on", Date, Opt),
            c("evidence", Text, Opt),
            c("note", Text, Opt),
            c("recorded_by", Text, Opt),
            c("recorded_at", Stamp, Opt),
            c("original_due_on", Date, Opt),
            c("extension_reason", Text, Opt),
            c("cancelled_on", Date, Opt),
            c("cancelled_reason", Text, Opt),
            c("opened_on", Date, Opt),
            c("rating", Rating, Opt),
            c("not_rated_reason", Text, Opt),
            c("forced", Flag, Def),
            c("passed_from", Ref("unit"), Opt),
        ],
        unique: &[&["task_id", "unit_id", "person_id"]],
        logged: true,
    },
    TableSpec {
        name: "rule",
        columns: &[
            c("id", Id, Req),
            c("name", RuleName, Req),
            c("value", RuleValue, Req),
        ],
        unique: &[&["name"]],
        logged: true,
    },
    TableSpec {
        name: "setting",
        columns: &[
            c("id", Id, Req),
            c("name", SettingName, Req),
            c("value", SettingValue, Req),
        ],
        unique: &[&["name"]],
        logged: true,
    },
    TableSpec {
        name: "change",
        columns: &[
            c("id", Id, Req),
            c("at", Stamp, Req),
            c("actor", Text, Req),
            c("action", Text, Req),
            c("details", Json, Req),
            // No reference: the log outlives the rows it names.
            c("unit_id", Int, Opt),
            c("directive_id", Int, Opt),
            c("undoes", Ref("change"), Opt),
            c("undone_by", Ref("change"), Opt),
        ],
        unique: &[],
        logged: false,
    },
    TableSpec {
        name: "change_row",
        columns: &[
            c("change_id", Ref("change"), Req),
            c("seq", Int, Req),
            c("tbl", LoggedTable, Req),
            c("first_id", Int, Req),
            c("last_id", Int, Req),
            c("before", Snapshot, Opt),
            c("after", Snapshot, Opt),
        ],
        unique: &[&["change_id", "seq"]],
        logged: false,
    },
];

fn table_spec(name: &str) -> Option<&'static TableSpec> {
    TABLES.iter().find(|t| t.name == name)
}

/// The tables the change log records, by name.
fn logged_tables() -> Vec<&'static str> {
    TABLES.iter().filter(|t| t.logged).map(|t| t.name).collect()
}

/// A unit as the tree check sees it.
#[derive(Debug)]
struct TreeUnit {
    id: i64,
    name: String,
    kind: Option<UnitKind>,
    parent: Option<Value>,
    live: bool,
}

/// The checks in progress: the ids of every table (first), the problems
/// found, the units for the tree.
#[derive(Default)]
struct Checker {
    ids: HashMap<&'static str, HashSet<i64>>,
    /// The first `LISTED` problems, and how many came after.
    problems: Vec<ExportProblem>,
    more: usize,
    units: Vec<TreeUnit>,
    /// Each row's link to another row of its table that the commands never
    /// let loop (a directive's replacement, a merged unit's successor):
    /// (table, column, id, the id it points at).
    links: Vec<(&'static str, &'static str, i64, i64)>,
    /// Each directive's issue date, each task's directive, and each done
    /// obligation (id, task, day done, forced): a completion before its
    /// directive needs `--force`, as `done` says.
    issued: HashMap<i64, NaiveDate>,
    task_directive: HashMap<i64, i64>,
    done: Vec<(i64, i64, NaiveDate, bool)>,
    /// Each unit's current state's first day, and each past state (id,
    /// unit, first day, last day): the states of a unit follow each other.
    since: HashMap<i64, NaiveDate>,
    states: Vec<(i64, i64, Option<NaiveDate>, NaiveDate)>,
}

/// The links between rows of one table that must not loop.
const LINKS: &[(&str, &str)] = &[("directive", "replaced_by"), ("unit", "successor_id")];

/// Where the values being checked are, for the problems found.
struct Place<'a> {
    /// The table the problems name.
    table: &'a str,
    at: ExportRow,
    /// Before the column's name: `before` or `after` inside a logged row.
    prefix: &'a str,
    /// A row of its table (references are checked), not a logged one.
    whole: bool,
}

impl Place<'_> {
    fn field(&self, column: &str) -> String {
        if self.prefix.is_empty() {
            column.to_string()
        } else {
            format!("{}.{column}", self.prefix)
        }
    }
}

/// A JSON value as an error shows it: compact, at most 60 characters.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A text from the file inside a message: control characters and breaks
/// escaped, so that the message stays one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || (c.is_whitespace() && c != ' ') {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// An integer (a JSON number with no fraction, in range).
fn integer(value: &Value) -> Option<i64> {
    value.as_i64()
}

/// Where a row is: its id, its rowid, else its place.
fn row_of(row: &Value, position: usize) -> ExportRow {
    match integer(&row["id"]).or_else(|| integer(&row["$rowid"])) {
        Some(id) => ExportRow::Id(id),
        None => ExportRow::Position(position + 1),
    }
}

/// `YYYY-MM-DD`, digits only, a day that exists, from `FIRST_DAY`.
fn iso_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|day| *day >= FIRST_DAY)
}

impl Checker {
    fn problem(
        &mut self,
        table: &str,
        row: ExportRow,
        field: Option<&str>,
        value: &Value,
        rule: ExportRule,
    ) {
        if self.problems.len() == LISTED {
            self.more += 1;
            return;
        }
        self.problems.push(ExportProblem {
            table: table.to_string(),
            row,
            field: field.map(str::to_string),
            // A whole row or table is not shown: its place is.
            value: field.map(|_| shown(value)).unwrap_or_default(),
            rule,
        });
    }

    /// First pass: the ids each table has, so that any row may refer to
    /// any other, before or after it.
    fn collect_ids(&mut self, spec: &'static TableSpec, rows: &Value) {
        if !spec.has_id() {
            return;
        }
        let ids = self.ids.entry(spec.name).or_default();
        for row in rows.as_array().into_iter().flatten() {
            if let Some(id) = integer(&row["id"]) {
                ids.insert(id);
            }
        }
    }

    /// Every row of one table.
    fn table(&mut self, spec: &'static TableSpec, rows: &mut [Value]) {
        // Where each rowid and each key was first seen.
        let mut ids: HashMap<i64, usize> = HashMap::new();
        let mut keys: Vec<HashMap<String, (ExportRow, usize)>> =
            vec![HashMap::new(); spec.unique.len()];
        for (position, row) in rows.iter_mut().enumerate() {
            let at = row_of(row, position);
            let Some(map) = row.as_object_mut() else {
                self.problem(spec.name, at, None, row, ExportRule::Shape);
                continue;
            };
            // The rowid: the id itself where the table has one, else `$rowid`
            // (which an export always writes). Rows that share one are named
            // by their places.
            let rowid = if spec.has_id() { "id" } else { "$rowid" };
            match map.get("$rowid").filter(|v| !v.is_null()) {
                Some(value) if integer(value).is_none_or(|id| id < 1) => {
                    self.problem(spec.name, at, Some("$rowid"), value, ExportRule::Id);
                }
                None if !spec.has_id() => {
                    self.problem(
                        spec.name,
                        at,
                        Some("$rowid"),
                        &Value::Null,
                        ExportRule::Missing,
                    );
                }
                _ => {}
            }
            if let Some(id) = map.get(rowid).and_then(integer)
                && let Some(other) = ids.insert(id, position)
            {
                self.problem(
                    spec.name,
                    ExportRow::Position(position + 1),
                    Some(rowid),
                    &Value::from(id),
                    ExportRule::Duplicate(ExportRow::Position(other + 1)),
                );
            }
            let place = Place {
                table: spec.name,
                at,
                prefix: "",
                whole: true,
            };
            self.row(spec, map, &place);
            for (columns, seen) in spec.unique.iter().zip(keys.iter_mut()) {
                if let Some(key) = unique_key(spec, columns, map)
                    && let Some((other, other_position)) = seen.insert(key, (at, position))
                {
                    let (at, other) = if at == other {
                        (
                            ExportRow::Position(position + 1),
                            ExportRow::Position(other_position + 1),
                        )
                    } else {
                        (at, other)
                    };
                    let mut values: Vec<Value> = columns
                        .iter()
                        .map(|c| map.get(*c).cloned().unwrap_or_default())
                        .collect();
                    let value = match values.len() {
                        1 => values.remove(0),
                        _ => Value::Array(values),
                    };
                    self.problem(
                        spec.name,
                        at,
                        Some(&columns.join("+")),
                        &value,
                        ExportRule::Duplicate(other),
                    );
                }
            }
            if spec.name == "change_row"
                && let (Some(first), Some(last)) = (
                    map.get("first_id").and_then(integer),
                    map.get("last_id").and_then(integer),
                )
                && (first < 1 || first > last)
            {
                let value = Value::from(vec![first, last]);
                self.problem(
                    spec.name,
                    at,
                    Some("first_id+last_id"),
                    &value,
                    ExportRule::Range,
                );
            }
            let id = map.get("id").and_then(integer);
            for &(table, column) in LINKS {
                if let (true, Some(id), Some(to)) =
                    (spec.name == table, id, map.get(column).and_then(integer))
                {
                    self.links.push((table, column, id, to));
                }
            }
            let day = |column: &str| map.get(column).and_then(Value::as_str).and_then(iso_day);
            match (spec.name, id) {
                ("directive", Some(id)) => {
                    if let Some(on) = day("issued_on") {
                        self.issued.insert(id, on);
                    }
                }
                ("task", Some(id)) => {
                    if let Some(d) = map.get("directive_id").and_then(integer) {
                        self.task_directive.insert(id, d);
                    }
                }
                ("unit", Some(id)) => {
                    if let Some(on) = day("since_on") {
                        self.since.insert(id, on);
                    }
                }
                ("unit_past", Some(id)) => {
                    if let (Some(unit), Some(until)) =
                        (map.get("unit_id").and_then(integer), day("until_on"))
                    {
                        self.states.push((id, unit, day("from_on"), until));
                    }
                }
                ("obligation", Some(id)) => {
                    if let (Some(task), Some(on)) =
                        (map.get("task_id").and_then(integer), day("completed_on"))
                    {
                        let forced = map.get("forced").and_then(integer).unwrap_or(0) != 0;
                        self.done.push((id, task, on, forced));
                    }
                }
                _ => {}
            }
            if spec.name == "unit" {
                self.units.push(TreeUnit {
                    id: map.get("id").and_then(integer).unwrap_or_default(),
                    name: map
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                    kind: map
                        .get("kind")
                        .and_then(Value::as_str)
                        .and_then(UnitKind::from_slug),
                    parent: map.get("parent_id").filter(|p| !p.is_null()).cloned(),
                    live: map.get("dissolved_on").is_none_or(Value::is_null),
                });
            }
        }
    }

    /// The columns of one row of `spec`, said at `place` (a row of its
    /// table, or of `change_row` for a row the log holds).
    fn row(&mut self, spec: &'static TableSpec, map: &mut Map<String, Value>, place: &Place<'_>) {
        for name in map.keys() {
            if name != "$rowid" && spec.column(name).is_none() {
                let value = &map[name];
                let field = place.field(&shown(&Value::from(name.as_str())));
                self.problem(
                    place.table,
                    place.at,
                    Some(&field),
                    value,
                    ExportRule::UnknownColumn,
                );
            }
        }
        for column in spec.columns {
            let value = map.get(column.name).unwrap_or(&Value::Null);
            if value.is_null() {
                let missing = match column.need {
                    Need::Required => !matches!(column.col, Derived),
                    Need::Defaulted => map.contains_key(column.name),
                    Need::Optional => false,
                };
                if missing {
                    self.problem(
                        place.table,
                        place.at,
                        Some(&place.field(column.name)),
                        value,
                        ExportRule::Missing,
                    );
                }
                continue;
            }
            match self.value(column, value, map, place) {
                Ok(Some(normalized)) => {
                    map.insert(column.name.to_string(), normalized);
                }
                Ok(None) => {}
                Err(rule) => {
                    let value = value.clone();
                    let field = place.field(column.name);
                    self.problem(place.table, place.at, Some(&field), &value, rule);
                }
            }
        }
    }

    /// One value: `Ok(Some(v))` to store `v` instead (a normalized name, a
    /// logged row with its names normalized), `Ok(None)` to keep it, or
    /// what is wrong.
    fn value(
        &mut self,
        column: &Column,
        value: &Value,
        row: &Map<String, Value>,
        place: &Place<'_>,
    ) -> std::result::Result<Option<Value>, ExportRule> {
        let text = || value.as_str().ok_or(ExportRule::Text);
        match column.col {
            Id => match integer(value) {
                Some(id) if id >= 1 => Ok(None),
                _ => Err(ExportRule::Id),
            },
            Ref(table) => {
                let id = integer(value).ok_or(ExportRule::Integer)?;
                if place.whole && !self.ids.get(table).is_some_and(|ids| ids.contains(&id)) {
                    return Err(ExportRule::Reference(table));
                }
                Ok(None)
            }
            Int => integer(value).map(|_| None).ok_or(ExportRule::Integer),
            Flag => match integer(value) {
                Some(0 | 1) => Ok(None),
                _ => Err(ExportRule::Flag),
            },
            Code => {
                let code = text()?;
                if !is_stored_code(code) {
                    return Err(ExportRule::Refused(Box::new(Error::BadCode {
                        code: one_line(code),
                    })));
                }
                Ok(None)
            }
            Name(field) => {
                let name = text()?;
                let normal =
                    super::text(name, field).map_err(|e| ExportRule::Refused(Box::new(e)))?;
                Ok((normal != name).then(|| Value::from(normal)))
            }
            Text => text().map(|_| None),
            Date => match iso_day(text()?) {
                Some(_) => Ok(None),
                None => Err(ExportRule::Date { first: FIRST_DAY }),
            },
            Stamp => match chrono::DateTime::parse_from_rfc3339(text()?) {
                Ok(_) => Ok(None),
                Err(_) => Err(ExportRule::Timestamp),
            },
            UnitKind => match UnitKind::from_slug(text()?) {
                Some(_) => Ok(None),
                None => Err(ExportRule::UnitKind),
            },
            DocType => match DocType::from_slug(text()?) {
                Some(_) => Ok(None),
                None => Err(ExportRule::DocType),
            },
            Rating => match Rating::from_code(text()?) {
                Some(_) => Ok(None),
                None => Err(ExportRule::Rating),
            },
            SecrecyMark => match crate::domain::Secrecy::from_slug(text()?) {
                Some(_) => Ok(None),
                None => Err(ExportRule::Secrecy),
            },
            UrgencyMark => match crate::domain::Urgency::from_slug(text()?) {
                Some(_) => Ok(None),
                None => Err(ExportRule::Urgency),
            },
            Symbol => {
                let symbol = text()?;
                long_spec(symbol)?;
                match parse_symbol(symbol) {
                    Ok(parsed)
                        if parsed.to_string() == symbol
                            && row.get("number").and_then(Value::as_str)
                                == Some(parsed.number.as_str()) =>
                    {
                        Ok(None)
                    }
                    _ => Err(ExportRule::Symbol),
                }
            }
            Number => {
                let number = text()?;
                long_spec(number)?;
                if number.is_empty() || !number.chars().all(char::is_numeric) {
                    return Err(ExportRule::Number);
                }
                Ok(None)
            }
            Derived => Ok(None),
            Json => match serde_json::from_str::<Value>(text()?) {
                Ok(_) => Ok(None),
                Err(_) => Err(ExportRule::Json),
            },
            Snapshot => {
                let Some(table) = row.get("tbl").and_then(Value::as_str).and_then(table_spec)
                else {
                    // The table is said to be wrong already.
                    return Ok(None);
                };
                let Ok(Value::Object(mut logged)) = serde_json::from_str::<Value>(text()?) else {
                    return Err(ExportRule::Json);
                };
                // Checked as a row of its table, on its own: the rows it
                // names may be gone since.
                let inner = Place {
                    table: place.table,
                    at: place.at,
                    prefix: column.name,
                    whole: false,
                };
                self.row(table, &mut logged, &inner);
                let again = Value::from(Value::Object(logged).to_string());
                Ok((again != *value).then_some(again))
            }
            LoggedTable => match table_spec(text()?) {
                Some(table) if table.logged => Ok(None),
                _ => Err(ExportRule::LoggedTable {
                    accepted: logged_tables(),
                }),
            },
            RuleName => match Rules::defaults().set(text()?, "") {
                Err(RuleError::Unknown(input)) => {
                    Err(ExportRule::Refused(Box::new(Error::UnknownRule {
                        input: one_line(&input),
                        accepted: RULES.iter().map(|r| r.name).collect(),
                    })))
                }
                _ => Ok(None),
            },
            RuleValue => {
                let Some(name) = row.get("name").and_then(Value::as_str) else {
                    return Ok(None);
                };
                match Rules::defaults().set(name, text()?) {
                    Err(RuleError::Value(input, accepted)) => {
                        Err(ExportRule::Refused(Box::new(Error::BadRuleValue {
                            name: name.to_string(),
                            input: one_line(&input),
                            accepted,
                        })))
                    }
                    _ => Ok(None),
                }
            }
            SettingName => match SettingKey::from_slug(text()?) {
                Some(_) => Ok(None),
                None => Err(refused(Error::UnknownSetting {
                    input: one_line(text()?),
                })),
            },
            SettingValue => {
                let Some(key) = row
                    .get("name")
                    .and_then(Value::as_str)
                    .and_then(SettingKey::from_slug)
                else {
                    // The key is said to be wrong already.
                    return Ok(None);
                };
                let stored = text()?;
                let value = super::settings::stored_value(key, stored).map_err(refused)?;
                Ok((value != stored).then(|| Value::from(value)))
            }
        }
    }

    /// The unit tree: each unit under a parent of a kind it may sit under,
    /// one unit at the top (dissolved ones aside), no cycle.
    fn tree(&mut self) {
        let units = std::mem::take(&mut self.units);
        let index: HashMap<i64, usize> = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        // Each unit's parent, when it is a unit of the export.
        let parent: Vec<Option<usize>> = units
            .iter()
            .map(|u| {
                u.parent
                    .as_ref()
                    .and_then(integer)
                    .and_then(|p| index.get(&p))
                    .copied()
            })
            .collect();
        let mut root: Option<&str> = None;
        for (i, unit) in units.iter().enumerate() {
            let Some(kind) = unit.kind else { continue };
            let at = ExportRow::Id(unit.id);
            match (&unit.parent, parent[i]) {
                (None, _) => {
                    if !kind.may_sit_under(None) {
                        let e = Error::BadParent { kind, parent: None };
                        self.problem("unit", at, Some("parent_id"), &Value::Null, refused(e));
                    } else if unit.live {
                        match root {
                            Some(first) => {
                                let e = Error::SecondRoot {
                                    root: first.to_string(),
                                };
                                self.problem(
                                    "unit",
                                    at,
                                    Some("parent_id"),
                                    &Value::Null,
                                    refused(e),
                                );
                            }
                            None => root = Some(&unit.name),
                        }
                    }
                }
                (Some(_), Some(p)) => {
                    let above = &units[p];
                    if let Some(parent_kind) = above.kind
                        && !kind.may_sit_under(Some(parent_kind))
                    {
                        let e = Error::BadParent {
                            kind,
                            parent: Some((parent_kind, above.name.clone())),
                        };
                        let value = Value::from(kind.slug());
                        self.problem("unit", at, Some("kind"), &value, refused(e));
                    }
                }
                // An unknown parent is said already.
                (Some(_), None) => {}
            }
        }
        // Cycles: walk up from each unit; a unit met again on the same walk
        // closes a cycle, and every unit from there on is on it.
        const NEW: u8 = 0;
        const ON_WALK: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; units.len()];
        let mut on_cycle = vec![false; units.len()];
        for start in 0..units.len() {
            let mut walk = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    NEW => {
                        state[i] = ON_WALK;
                        walk.push(i);
                        at = parent[i];
                    }
                    ON_WALK => {
                        let from = walk.iter().position(|&w| w == i).unwrap_or_default();
                        for &w in &walk[from..] {
                            on_cycle[w] = true;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            for w in walk {
                state[w] = DONE;
            }
        }
        for (i, unit) in units.iter().enumerate() {
            if on_cycle[i] {
                let value = unit.parent.clone().unwrap_or_default();
                self.problem(
                    "unit",
                    ExportRow::Id(unit.id),
                    Some("parent_id"),
                    &value,
                    ExportRule::Cycle,
                );
            }
        }
    }
}

impl Checker {
    /// A row that replaces or succeeds itself, or a chain of them that loops.
    fn links(&mut self) {
        let links = std::mem::take(&mut self.links);
        for &(table, column) in LINKS {
            let next: HashMap<i64, i64> = links
                .iter()
                .filter(|l| l.0 == table && l.1 == column)
                .map(|l| (l.2, l.3))
                .collect();
            let mut looping: Vec<i64> = next
                .keys()
                .copied()
                .filter(|&start| {
                    // Follow the chain as far as it goes; coming back to the
                    // start is a loop (one that merely leads into a loop is
                    // said at the rows of the loop).
                    let mut at = next.get(&start).copied();
                    let mut steps = 0;
                    while let Some(id) = at {
                        if id == start {
                            return true;
                        }
                        steps += 1;
                        if steps > next.len() {
                            return false;
                        }
                        at = next.get(&id).copied();
                    }
                    false
                })
                .collect();
            looping.sort_unstable();
            for id in looping {
                let to = Value::from(next[&id]);
                self.problem(
                    table,
                    ExportRow::Id(id),
                    Some(column),
                    &to,
                    ExportRule::LinkCycle,
                );
            }
        }
    }

    /// The past states of each unit: each begins before it ends, ends
    /// before the next begins, and the last before the current state.
    fn states(&mut self) {
        let mut states = std::mem::take(&mut self.states);
        states.sort_unstable_by_key(|&(id, unit, _, until)| (unit, until, id));
        let mut bad = Vec::new();
        for (i, &(id, unit, from, until)) in states.iter().enumerate() {
            let next = states.get(i + 1).filter(|n| n.1 == unit);
            let overlaps = next.is_some_and(|n| n.2.is_none_or(|f| f <= until));
            let after_current = self.since.get(&unit).is_none_or(|since| until >= *since);
            if from.is_some_and(|f| f > until) || overlaps || after_current {
                bad.push((id, until));
            }
        }
        bad.sort_unstable();
        for (id, until) in bad {
            let value = Value::from(until.format("%Y-%m-%d").to_string());
            self.problem(
                "unit_past",
                ExportRow::Id(id),
                Some("until_on"),
                &value,
                ExportRule::StateRange,
            );
        }
    }

    /// A completion dated before its directive was issued, not recorded
    /// as forced.
    fn completions(&mut self) {
        let done = std::mem::take(&mut self.done);
        for (id, task, on, forced) in done {
            let issued = self
                .task_directive
                .get(&task)
                .and_then(|d| self.issued.get(d))
                .copied();
            if let (Some(issued), false) = (issued, forced)
                && on < issued
            {
                let value = Value::from(on.format("%Y-%m-%d").to_string());
                self.problem(
                    "obligation",
                    ExportRow::Id(id),
                    Some("completed_on"),
                    &value,
                    ExportRule::BeforeDirective { issued },
                );
            }
        }
    }
}

fn refused(e: Error) -> ExportRule {
    ExportRule::Refused(Box::new(e))
}

/// The key of `columns` in a row, as the database compares it (codes in
/// any letter case, issuers by their fold); `None` when the key does not
/// apply (a directive known only by number). Two directives whose issue
/// date is unknown are the same date, as the commands see them.
fn unique_key(spec: &TableSpec, columns: &[&str], row: &Map<String, Value>) -> Option<String> {
    let mut key = String::new();
    for column in columns {
        let value = row.get(*column).unwrap_or(&Value::Null);
        let part = match (spec.column(column).map(|c| c.col), value) {
            (_, Value::Null) if spec.name == "directive" && *column != "issued_on" => return None,
            (Some(Code), Value::String(s)) => s.to_ascii_lowercase(),
            (Some(Name(_)), Value::String(s)) => fold(s),
            (_, value) => value.to_string(),
        };
        key.push_str(&part);
        key.push('\u{0}');
    }
    Some(key)
}

/// A symbol or a number longer than a directive's may be: refused as
/// `directive add` refuses it, whatever the store.
fn long_spec(text: &str) -> std::result::Result<(), ExportRule> {
    let len = text.chars().count();
    let max = crate::domain::directive::SPEC_MAX;
    match len > max {
        true => Err(ExportRule::Refused(Box::new(Error::BadDirective {
            input: one_line(text),
            problem: crate::domain::error::SpecProblem::TooLong { len, max },
        }))),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::store::{CompletionNote, SqliteStore};

    /// Sơn Tây with a row in every exported table.
    fn everything() -> Result<SqliteStore> {
        let mut store = son_tay(true)?;
        change(&mut store, |db| {
            db.set_meta("kind", "demo")?;
            super::super::people::add(
                db,
                &super::super::people::NewPerson {
                    name: "Nguyễn Văn An",
                    position: "Bí thư Đảng ủy phường",
                    unit: "nq",
                    from: Some(day("01/01/2021")),
                    code: None,
                },
            )?;
            db.set_rule("htxsnv-quota-pct", "15")?;
            db.set_setting("ky-hieu", Some("BTCTU"))?;
            let ward = db.unit_by_code("nq")?.expect("nq");
            db.close_unit_state(ward.id, day("01/07/2025"))?;
            db.rename_unit(ward.id, "Đảng bộ phường Ngô Quyền mới")?;
            db.add_alias(ward.id, "NQ")?;
            let task = db.task_by_code("kd")?.expect("kd");
            let cell = db.unit_by_code("cb")?.expect("cb");
            let owed = db.obligation(task.id, cell.id)?.expect("owed");
            let note = CompletionNote {
                recorded_by: "chuyen-vien",
                rating: Some(Rating::Httnv),
                ..Default::default()
            };
            db.complete(owed.id, day("05/12/2023"), &note)
        })?;
        Ok(store)
    }

    fn document(store: &SqliteStore) -> Result<Value> {
        let mut out = Vec::new();
        store.export(&mut out)?;
        Ok(serde_json::from_slice(&out)?)
    }

    #[test]
    fn an_export_passes_and_every_column_is_known() -> Result<()> {
        let store = everything()?;
        let mut doc = document(&store)?;
        let before = doc.clone();
        let (problems, more) = check(&mut doc);
        assert!(problems.is_empty() && more == 0, "{problems:?}");
        // Nothing was changed: the names were normalized already.
        assert_eq!(doc, before);
        // Every table and column the store exports is described here, and
        // every column described is one the store has.
        let tables = doc["tables"].as_object().expect("tables");
        assert_eq!(
            tables.keys().collect::<Vec<_>>().len(),
            TABLES.len(),
            "{:?}",
            tables.keys()
        );
        for spec in TABLES {
            let rows = tables[spec.name].as_array().expect("rows");
            let first = rows.first().and_then(Value::as_object);
            let first = first.unwrap_or_else(|| panic!("no row of {}", spec.name));
            let mut theirs: Vec<&str> = first.keys().map(String::as_str).collect();
            theirs.retain(|c| *c != "$rowid");
            theirs.sort_unstable();
            let mut ours: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
            ours.sort_unstable();
            assert_eq!(ours, theirs, "the columns of {}", spec.name);
        }
        Ok(())
    }

    #[test]
    fn a_refused_import_writes_nothing_and_a_good_one_everything() -> Result<()> {
        let store = everything()?;
        let doc = document(&store)?;
        let mut bad = doc.clone();
        bad["tables"]["obligation"][0]["due_on"] = Value::from("2023-13-01");
        bad["tables"]["unit"][1]["name"] = Value::from("  Đảng   bộ  phường Ngô Quyền ");
        let mut fresh = SqliteStore::open_in_memory()?;
        let err = import(&mut fresh, bad, "x.json").expect_err("refused");
        let Error::BadExport { problems, more, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((problems.len(), *more), (1, 0), "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("due_on"));
        assert!(matches!(problems[0].rule, ExportRule::Date { .. }));
        assert!(!fresh.read().has_units()?);

        let n = import(&mut fresh, doc.clone(), "x.json")?;
        assert!(n > 20, "{n}");
        assert_eq!(document(&fresh)?, doc);
        Ok(())
    }

    #[test]
    fn names_are_normalized_as_the_commands_store_them() -> Result<()> {
        let store = everything()?;
        let mut doc = document(&store)?;
        doc["tables"]["unit"][1]["name"] = Value::from("  Đảng   bộ phường Ngo\u{302} Quyền ");
        let (problems, _) = check(&mut doc);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc["tables"]["unit"][1]["name"], "Đảng bộ phường Ngô Quyền");
        Ok(())
    }

    #[test]
    fn a_thousand_bad_values_are_listed_the_rest_counted() -> Result<()> {
        let store = everything()?;
        let mut doc = document(&store)?;
        let meta: Vec<Value> = (1..=1500)
            .map(|i| serde_json::json!({"$rowid": 10 + i, "key": format!("k{i}"), "value": i}))
            .collect();
        doc["tables"]["meta"]
            .as_array_mut()
            .expect("meta")
            .extend(meta);
        let (problems, more) = check(&mut doc);
        assert_eq!((problems.len(), more), (LISTED, 500));
        assert!(matches!(problems[0].rule, ExportRule::Text), "{problems:?}");
        assert_eq!(problems[0].row, ExportRow::Id(11));
        Ok(())
    }

    #[test]
    fn dates_are_iso_days_from_1930() {
        assert_eq!(iso_day("1930-01-01"), Some(FIRST_DAY));
        assert_eq!(iso_day("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "1929-12-31",
            "2023-02-29",
            "2023-2-01",
            "31/12/2023",
            "+2023-12-31",
            "2023-12-31 ",
            "２０２３-12-31",
            "",
        ] {
            assert_eq!(iso_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_states_of_a_unit_follow_each_other() -> Result<()> {
        let store = everything()?;
        let doc = document(&store)?;
        let state = |from: Value, until: &str| {
            let mut doc = doc.clone();
            doc["tables"]["unit_past"][0]["from_on"] = from;
            doc["tables"]["unit_past"][0]["until_on"] = Value::from(until);
            let (problems, _) = check(&mut doc);
            problems
                .iter()
                .filter(|p| matches!(p.rule, ExportRule::StateRange))
                .count()
        };
        // As exported: up to the day before the current state (01/07/2025).
        assert_eq!(state(Value::Null, "2025-06-30"), 0);
        // Up to a day of the current state, or beginning after it ends.
        assert_eq!(state(Value::Null, "2025-07-01"), 1);
        assert_eq!(state(Value::from("2025-01-02"), "2025-01-01"), 1);
        // Two states of one unit that overlap.
        let mut two = doc.clone();
        let mut second = two["tables"]["unit_past"][0].clone();
        second["id"] = Value::from(99);
        second["until_on"] = Value::from("2024-12-31");
        two["tables"]["unit_past"]
            .as_array_mut()
            .expect("rows")
            .push(second);
        let (problems, _) = check(&mut two);
        assert_eq!(
            problems
                .iter()
                .filter(|p| matches!(p.rule, ExportRule::StateRange))
                .count(),
            1,
            "{problems:?}"
        );
        Ok(())
    }

    #[test]
    fn a_tree_needs_one_top_the_right_kinds_and_no_cycle() -> Result<()> {
        let store = everything()?;
        let base = document(&store)?;
        let units = |doc: &Value| -> Vec<(String, i64)> {
            doc["tables"]["unit"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|u| {
                    (
                        u["code"].as_str().unwrap_or("").to_string(),
                        u["id"].as_i64().unwrap_or(0),
                    )
                })
                .collect()
        };
        let id = |code: &str| units(&base).into_iter().find(|u| u.0 == code).map(|u| u.1);
        let (st, nq, nq1) = (id("st").unwrap(), id("nq").unwrap(), id("nq1").unwrap());
        let position = |doc: &Value, unit: i64| {
            doc["tables"]["unit"]
                .as_array()
                .and_then(|a| a.iter().position(|u| u["id"] == unit))
                .unwrap()
        };
        // A cycle with no wrong kind: the top under a đảng bộ cấp trên under it.
        let mut doc = base.clone();
        let mut above = doc["tables"]["unit"][position(&doc, st)].clone();
        above["id"] = Value::from(1000);
        above["$rowid"] = Value::from(1000);
        above["code"] = Value::from("khoi");
        above["parent_id"] = Value::from(st);
        doc["tables"]["unit"].as_array_mut().unwrap().push(above);
        let at = position(&doc, st);
        doc["tables"]["unit"][at]["parent_id"] = Value::from(1000);
        let (problems, _) = check(&mut doc);
        let cycle: Vec<ExportRow> = problems
            .iter()
            .filter(|p| matches!(p.rule, ExportRule::Cycle))
            .map(|p| p.row)
            .collect();
        assert_eq!(
            cycle,
            [ExportRow::Id(st), ExportRow::Id(1000)],
            "{problems:?}"
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        // A unit under its own child is on a cycle; a unit under that cycle is not.
        let mut doc = base.clone();
        let at = position(&doc, nq);
        doc["tables"]["unit"][at]["parent_id"] = Value::from(nq1);
        let (problems, _) = check(&mut doc);
        let cycle: Vec<ExportRow> = problems
            .iter()
            .filter(|p| matches!(p.rule, ExportRule::Cycle))
            .map(|p| p.row)
            .collect();
        assert_eq!(
            cycle,
            [ExportRow::Id(nq), ExportRow::Id(nq1)],
            "{problems:?}"
        );
        Ok(())
    }

    #[test]
    fn an_unknown_issue_date_is_null_and_checks_no_order() -> Result<()> {
        let store = everything()?;
        let mut doc = document(&store)?;
        let rows = doc["tables"]["directive"].as_array_mut().expect("rows");
        // Plan 223, whose review cb did on 05/12/2023, with no date: no order to check.
        rows[0]["issued_on"] = Value::Null;
        let undated = rows[0].clone();
        let (problems, _) = check(&mut doc.clone());
        assert!(problems.is_empty(), "{problems:?}");
        // Dated after that review: the completion comes before it.
        doc["tables"]["directive"][0]["issued_on"] = "2024-01-01".into();
        let (problems, _) = check(&mut doc.clone());
        assert!(
            matches!(
                problems[..],
                [ExportProblem {
                    rule: ExportRule::BeforeDirective { .. },
                    ..
                }]
            ),
            "{problems:?}"
        );
        // Two of the same symbol and issuer with no date are one directive twice.
        doc["tables"]["directive"][0] = undated.clone();
        let mut twin = undated;
        twin["id"] = 99.into();
        twin["symbol"] = "223-KH/TU".into();
        twin["symbol_as_written"] = "223-KH/TU".into();
        let mut other = twin.clone();
        other["id"] = 98.into();
        let rows = doc["tables"]["directive"].as_array_mut().expect("rows");
        rows.push(twin);
        rows.push(other);
        let (problems, _) = check(&mut doc);
        assert!(
            problems
                .iter()
                .any(|p| matches!(p.rule, ExportRule::Duplicate(ExportRow::Id(99)))),
            "{problems:?}"
        );
        Ok(())
    }

    #[test]
    fn settings_are_checked_as_settings_set_checks_them() -> Result<()> {
        let store = everything()?;
        let mut doc = document(&store)?;
        let good = doc["tables"]["setting"][0].clone();
        let mut unknown = good.clone();
        unknown["id"] = 50.into();
        unknown["name"] = "ngay-ky".into();
        let mut bad_code = good.clone();
        bad_code["id"] = 51.into();
        bad_code["name"] = "dia-danh".into();
        bad_code["value"] = "Sơn\u{1b}Tây".into();
        let mut typed = good;
        typed["id"] = 52.into();
        typed["name"] = "noi-nhan".into();
        typed["value"] = "- Lưu Ban Tổ chức.".into();
        let rows = doc["tables"]["setting"].as_array_mut().expect("rows");
        rows.extend([unknown, bad_code, typed]);
        let (problems, _) = check(&mut doc);
        let refused: Vec<(Option<&str>, &ExportRule)> = problems
            .iter()
            .map(|p| (p.field.as_deref(), &p.rule))
            .collect();
        assert!(
            matches!(
                refused[..],
                [
                    (Some("name"), ExportRule::Refused(_)),
                    (Some("value"), ExportRule::Refused(_))
                ]
            ),
            "{problems:?}"
        );
        // A value as a clerk typed it is stored as `settings set` stores it.
        assert_eq!(doc["tables"]["setting"][3]["value"], "Lưu Ban Tổ chức");
        Ok(())
    }
}

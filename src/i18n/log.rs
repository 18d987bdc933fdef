//! The lines of the change log, one template per action.

use super::{Text, short, t, tr};
use crate::domain::DocType;
use crate::domain::change::ChangedField;

/// The log line of a change, from its action and details.
pub fn change_summary(action: &str, details: &serde_json::Value) -> String {
    crate::domain::marks::unnest(&summary(action, details))
}

/// The line of an undo whose `details` took back an undo: the change that
/// undo had taken back, put back (`khôi phục #5 (hủy hoàn tác #6): …`).
pub fn redone(details: &serde_json::Value) -> Option<String> {
    redone_as(super::LOG_REDONE, details)
}

/// `redone` in the words of `template` (`{change}`, `{undo}`, `{summary}`).
pub fn redone_as(template: super::Text, details: &serde_json::Value) -> Option<String> {
    let undo = details.get("change")?.as_i64()?;
    let inner = details.get("details")?;
    let change = inner.get("change")?.as_i64()?;
    let summary = change_summary(inner.get("action")?.as_str()?, inner.get("details")?);
    Some(tr!(
        template,
        change = change,
        undo = undo,
        summary = summary
    ))
}

/// The log line of a change, a masked name perhaps in brackets in brackets.
fn summary(action: &str, details: &serde_json::Value) -> String {
    // An undo records the change it took back (its action and details), and
    // says it in the language of whoever reads the log.
    if let (Some(undone), Some(undone_details)) = (
        details.get("action").and_then(|a| a.as_str()),
        details.get("details"),
    ) {
        // An undo of an undo puts the first change back: said as that,
        // not as a double undo.
        if action == "undo"
            && undone == "undo"
            && let Some(redone) = redone(details)
        {
            return redone;
        }
        let mut details = details.clone();
        details["summary"] = change_summary(undone, undone_details).into();
        return fill_template(action, &details);
    }
    // A directive cited as the writer's language cited it (`Kế hoạch số
    // 223`), said in the reader's (`Plan no. 223`).
    let mut cited = details.clone();
    for key in ["directive", "old", "new"] {
        if matches!(action, "task.add" | "task.renew" | "directive.replace")
            && let Some(citation) = details.get(key).and_then(|d| d.as_str())
        {
            cited[key] = super::citation_label(citation).into();
        }
    }
    let details = &cited;
    // A change whose details hold lists: said here, piece by piece.
    let mut line = if action == "unit.edit"
        && let serde_json::Value::Object(map) = details
    {
        let mut map = map.clone();
        map.insert("changes".into(), unit_edit_changes(details).into());
        fill_template(action, &serde_json::Value::Object(map))
    } else if action == "unit.move"
        && let Some(changes) = details.get("changes").and_then(|c| c.as_array())
    {
        // A move that changed the kind as well.
        format!(
            "{}; {}",
            fill_template(action, details),
            field_changes(action, changes)
        )
    } else if action == "task.assign" {
        assign_line(details)
    } else if action == "task.add" || action == "task.renew" {
        // Who must carry it out: units, or the people of a task for people.
        let mut details = details.clone();
        let people = details.get("people").and_then(|p| p.as_bool()) == Some(true);
        let n = details.get("n").and_then(|n| n.as_u64()).unwrap_or(0);
        let whom = super::whom(people, usize::try_from(n).unwrap_or(usize::MAX));
        details["whom"] = whom.get().into();
        fill_template(action, &details)
    } else if action == "directive.add" || action == "directive.revoke" {
        let mut details = details.clone();
        if let Some(described) = described_directive(&details) {
            details["directive"] = described.into();
        }
        fill_template(action, &details)
    } else if action == "settings.set"
        && matches!(details.get("was"), None | Some(serde_json::Value::Null))
    {
        // A setting given for the first time: no dash for what it was.
        fill(SETTING_SET_FIRST.get(), &named_setting(details))
    } else if action == "rules.set" || action == "settings.set" || action == "settings.unset" {
        fill_template(action, &named_setting(details))
    } else {
        fill_template(action, details)
    };
    // A merger that closed obligations the successor owed already says so.
    if action == "unit.merge"
        && let Some(closed) = details.get("closed").and_then(|n| n.as_u64())
        && closed > 0
    {
        line.push_str(&tr!(
            LOG_MERGE_CLOSED,
            n = closed,
            passed = details.get("passed").and_then(|n| n.as_u64()).unwrap_or(0)
        ));
    }
    // A person out of post: what they still owed stopped being tracked.
    if action == "person.leave"
        && let Some(n) = details.get("n").and_then(|n| n.as_u64())
        && n > 0
    {
        line.push_str("; ");
        line.push_str(&super::stopped_tracking(
            usize::try_from(n).unwrap_or(usize::MAX),
        ));
    }
    // A change to the tree holds from a day, or corrects the record.
    if let Some(on) = details.get("on").filter(|_| TREE_CHANGES.contains(&action)) {
        let effect = match on.as_str() {
            Some(day) => tr!(super::LOG_FROM_DAY, date = day),
            None => super::LOG_CORRECTION.get().to_string(),
        };
        line.push_str(&format!(" ({effect})"));
    }
    // A first record of a rating task says the rating it recorded.
    if action == "done"
        && let Some(rating) = details
            .get("rating")
            .and_then(|r| r.as_str())
            .and_then(crate::domain::Rating::parse)
    {
        line.push_str(&tr!(
            super::DONE_RATING,
            rating = super::rating(rating).get()
        ));
    }
    // Or why it is not rated.
    if action == "done"
        && let Some(reason) = details.get("not_rated").and_then(|r| r.as_str())
    {
        line.push_str(&tr!(super::DONE_NOT_RATED, reason = short(reason)));
    }
    line.push_str(&assignment_notes(action, details));
    // The directives an announcement marked.
    if action == "extract.apply"
        && let Some(marked) = details.get("marked").and_then(serde_json::Value::as_array)
    {
        for d in marked {
            let slug = |key: &str| d.get(key).and_then(serde_json::Value::as_str);
            line.push_str(&tr!(
                super::LOG_EXTRACT_MARKED,
                directive = slug("directive").unwrap_or_default(),
                marks = super::marks_text(
                    slug("secrecy").and_then(crate::domain::Secrecy::from_slug),
                    slug("urgency").and_then(crate::domain::Urgency::from_slug)
                )
            ));
        }
    }
    // The marks a directive was recorded with.
    if action == "directive.add" {
        let secrecy = details
            .get("secrecy")
            .and_then(serde_json::Value::as_str)
            .and_then(crate::domain::Secrecy::from_slug);
        let urgency = details
            .get("urgency")
            .and_then(serde_json::Value::as_str)
            .and_then(crate::domain::Urgency::from_slug);
        let marks = super::marks_text(secrecy, urgency);
        if !marks.is_empty() {
            line.push_str(&format!(" ({marks})"));
        }
    }
    line
}

/// The details of a change as its log line says them: every task named
/// by its code (`task`, the `tasks` a unit came to owe, the `task` of each
/// due date a change of kind moved, the task a `task.renew` was made
/// from) named by its title instead, quoted, as `title_of` gives it (a
/// secret directive's task masked as reports mask it); a task it does not
/// know keeps the title the change recorded, else its code. An undo's
/// change undone alike. JSON and CSV keep the details as stored.
pub fn with_task_titles(
    action: &str,
    details: &serde_json::Value,
    title_of: &mut dyn FnMut(&str) -> Option<String>,
) -> serde_json::Value {
    use serde_json::Value;
    let mut details = details.clone();
    // The change an undo took back.
    if let (Some(undone), Some(inner)) = (
        details
            .get("action")
            .and_then(Value::as_str)
            .map(String::from),
        details.get("details").cloned(),
    ) {
        details["details"] = with_task_titles(&undone, &inner, title_of);
        return details;
    }
    let mut named = |code: &str, recorded: Option<&str>| -> String {
        let title = title_of(code).or_else(|| recorded.map(String::from));
        match title {
            Some(title) => super::task_said(code, &short(&title)),
            None => code.to_string(),
        }
    };
    let recorded = details
        .get("title")
        .and_then(Value::as_str)
        .map(String::from);
    // A task whose code this change corrected is found by its new code.
    let recoded = details
        .get("changes")
        .and_then(Value::as_array)
        .and_then(|changes| {
            changes
                .iter()
                .find(|c| c.get("field").and_then(Value::as_str) == Some("code"))
        })
        .and_then(|c| c.get("to"))
        .and_then(Value::as_str)
        .map(String::from);
    if let Some(code) = details
        .get("task")
        .and_then(Value::as_str)
        .map(String::from)
    {
        let code = recoded.unwrap_or(code);
        details["task"] = named(&code, recorded.as_deref()).into();
    }
    if action == "task.renew"
        && let Some(code) = details
            .get("from")
            .and_then(Value::as_str)
            .map(String::from)
    {
        details["from"] = named(&code, None).into();
    }
    if let Some(Value::Array(tasks)) = details.get_mut("tasks") {
        for task in tasks.iter_mut() {
            if let Some(code) = task.as_str().map(String::from) {
                *task = named(&code, None).into();
            }
        }
    }
    if let Some(Value::Array(dues)) = details.get_mut("dues") {
        for due in dues.iter_mut() {
            if let Some(code) = due.get("task").and_then(Value::as_str).map(String::from) {
                due["task"] = named(&code, None).into();
            }
        }
    }
    details
}

/// A directive as a log line describes it, in the language in force
/// (`188-KH/TU ngày 07/11/2023 của …`, `188-KH/TU of 07/11/2023 by …`):
/// from the facts the change recorded, or, in an older entry, from the
/// description it recorded in either language.
fn described_directive(details: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let text = |key: &str| details.get(key).and_then(Value::as_str);
    if let (Some(citation), Some(issuer)) = (text("citation"), text("issuer")) {
        let label = super::citation_label(citation);
        let date =
            text("issued_on").and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        return Some(described(
            &label,
            date.map(crate::text::date::format_dmy),
            issuer,
        ));
    }
    let recorded = text("directive")?;
    for (on, by) in [(" ngày ", " của "), (" of ", " by ")] {
        if let Some((label, rest)) = recorded.split_once(on)
            && let Some((date, issuer)) = rest.split_once(by)
            && crate::text::date::parse_date(date).is_ok()
        {
            return Some(described(
                &super::citation_label(label),
                Some(date.to_string()),
                issuer,
            ));
        }
    }
    for unknown in [" (chưa rõ ngày) của ", " (date unknown) by "] {
        if let Some((label, issuer)) = recorded.split_once(unknown) {
            return Some(described(&super::citation_label(label), None, issuer));
        }
    }
    None
}

/// `{label} ngày {date} của {issuer}`, or its form with no date.
fn described(label: &str, date: Option<String>, issuer: &str) -> String {
    match date {
        Some(date) => tr!(
            super::DIRECTIVE_DESCRIBED,
            label = label,
            date = date,
            issuer = issuer
        ),
        None => tr!(
            super::DIRECTIVE_DESCRIBED_UNDATED,
            label = label,
            issuer = issuer
        ),
    }
}

/// The details of a rule or setting changed, its slug (`name` of a rule,
/// `key` of a setting) made its name in the language in force and a
/// switch's `on`/`off` said in words: the log is read, not typed from.
fn named_setting(details: &serde_json::Value) -> serde_json::Value {
    let mut details = details.clone();
    if let Some(slug) = details.get("name").and_then(|n| n.as_str()) {
        let name = super::rule_name(slug).get();
        if !name.is_empty() {
            details["name"] = name.into();
        }
        for key in ["was", "value"] {
            if let Some(value) = details.get(key).and_then(|v| v.as_str()) {
                details[key] = super::switch(value).into();
            }
        }
    }
    if let Some(key) = details
        .get("key")
        .and_then(|k| k.as_str())
        .and_then(crate::domain::setting::SettingKey::from_slug)
    {
        details["key"] = super::setting_name(key).get().into();
    }
    details
}

/// Changes to a unit's name, kind or parent, which hold from a day.
const TREE_CHANGES: [&str; 3] = ["unit.rename", "unit.move", "unit.edit"];

/// What one `unit edit` changed, after its unit: `: thêm tên khác UBKT;
/// bỏ tên khác X`; nothing when the details say nothing of it.
fn unit_edit_changes(details: &serde_json::Value) -> String {
    let names = |key: &str| -> Vec<String> {
        details
            .get("aliases")
            .and_then(|a| a.get(key))
            .and_then(serde_json::Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .map(|n| n.as_str().map_or_else(|| n.to_string(), String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut parts = Vec::new();
    if let Some(changes) = details.get("changes").and_then(|c| c.as_array()) {
        let fields = field_changes("unit.edit", changes);
        if !fields.is_empty() {
            parts.push(fields);
        }
    }
    for (key, text) in [
        ("added", LOG_ALIASES_ADDED),
        ("removed", LOG_ALIASES_REMOVED),
    ] {
        let names = names(key);
        if !names.is_empty() {
            parts.push(tr!(text, aliases = names.join(", ")));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(": {}", parts.join("; "))
    }
}

const LOG_MERGE_CLOSED: Text = t(
    " ({passed} nhiệm vụ chuyển sang, {n} nhiệm vụ dừng theo dõi vì tổ chức đảng nhận sáp nhập đã có)",
    " ({passed} obligations passed on, {n} closed as the successor owed them already)",
);
const LOG_ALIASES_ADDED: Text = t("thêm tên khác {aliases}", "now also found as {aliases}");
const LOG_ALIASES_REMOVED: Text = t("bỏ tên khác {aliases}", "no longer found as {aliases}");

fn fill_template(action: &str, details: &serde_json::Value) -> String {
    // A correction that names what it changed, each field before and after.
    if let Some(changes) = details.get("changes").and_then(|c| c.as_array())
        && let Some((_, text)) = CORRECTION_LINES.iter().find(|(a, _)| *a == action)
    {
        let mut details = details.clone();
        let mut said = field_changes(action, changes);
        if let Some(rating) = details.get("kept_rating").and_then(|r| r.as_str()) {
            if !said.is_empty() {
                said.push_str("; ");
            }
            said.push_str(&super::fill(RATING_KEPT.get(), &[("rating", &rating)]));
        }
        if let Some(reason) = details.get("reason").and_then(|r| r.as_str()) {
            said.push_str("; ");
            said.push_str(&tr!(
                super::LOG_REASON,
                reason = format!("“{}”", short(reason))
            ));
        }
        details["changes"] = said.into();
        return fill(text.get(), &details);
    }
    let template = LOG_LINES
        .iter()
        .find(|(a, _)| *a == action)
        .map_or(action, |(_, text)| text.get());
    fill(template, details)
}

/// `template` with each `{key}` replaced by the value of `details`, in one
/// pass (a value is never read as a template); a key the details lack
/// (a line written by another program) reads `—`, never `{key}`.
fn fill(template: &str, details: &serde_json::Value) -> String {
    super::filled_by(template, |name| {
        Some(match details.get(name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => "—".to_string(),
            Some(other) => other.to_string(),
        })
    })
}

/// What a correction changed, each field named with its value before and
/// after (`ngày hoàn thành 06/12/2023 → 05/12/2023`), from the `changes`
/// of a change's details; `action` says whose fields they are.
pub fn field_changes(action: &str, changes: &[serde_json::Value]) -> String {
    changes
        .iter()
        .filter_map(|change| {
            let name = change.get("field")?.as_str()?;
            let field = ChangedField::from_name(name);
            let mut label = field
                .map_or(name, |f| field_label(action, f).get())
                .to_string();
            // A due date is one kind's: `thời hạn của chi bộ cơ sở`.
            let kind = change.get("kind").and_then(|k| k.as_str());
            if let Some(kind) = kind.and_then(crate::domain::UnitKind::from_slug) {
                label = tr!(LOG_DUE_OF, due = label, kind = super::kind_in_text(kind));
            }
            let value = |key| field_value(field, change.get(key));
            // A secret directive's title, masked: changed, its words hidden.
            if change.get("hidden").and_then(serde_json::Value::as_bool) == Some(true) {
                let masked = change.get("to").and_then(serde_json::Value::as_str);
                return Some(tr!(
                    super::LOG_FIELD_HIDDEN,
                    field = label,
                    label = masked.unwrap_or_default()
                ));
            }
            // A value set where there was none, or taken away: said so,
            // not as a dash (`bỏ độ mật (trước là Tối mật)`).
            let none = |key| {
                field != Some(ChangedField::IssuedOn)
                    && matches!(change.get(key), None | Some(serde_json::Value::Null))
            };
            let mut said = match (none("from"), none("to")) {
                (true, false) => tr!(LOG_FIELD_SET, field = label, to = value("to")),
                (false, true) => tr!(LOG_FIELD_CLEARED, field = label, from = value("from")),
                _ => format!("{label} {} → {}", value("from"), value("to")),
            };
            let counts = due_counts(change);
            if !counts.is_empty() {
                said.push_str(&format!(" ({counts})"));
            }
            Some(said)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A field's name in the language in force.
fn field_label(action: &str, field: ChangedField) -> Text {
    match field {
        ChangedField::CompletedOn => t("ngày hoàn thành", "completion date"),
        ChangedField::Rating => t("xếp loại", "rating"),
        ChangedField::NotRated => t("lý do không xếp loại", "reason not rated"),
        ChangedField::Evidence => t("minh chứng", "evidence"),
        ChangedField::Note => t("ghi chú", "note"),
        ChangedField::Symbol => t("số, ký hiệu", "number and symbol"),
        ChangedField::Number => t("số", "number"),
        ChangedField::Type => t("loại văn bản", "type"),
        ChangedField::Issuer => t("cơ quan ban hành", "issuer"),
        ChangedField::IssuedOn => t("ngày ban hành", "issued on"),
        ChangedField::Title if action == "task.edit" => t("tên nhiệm vụ", "title"),
        ChangedField::Title => t("trích yếu", "subject"),
        ChangedField::Code => t("mã", "code"),
        ChangedField::Kind => t("loại tổ chức", "kind"),
        ChangedField::DueOn => t("thời hạn", "due date"),
        ChangedField::Secrecy => t("độ mật", "classification"),
        ChangedField::Urgency => t("độ khẩn", "urgency"),
    }
}

/// A value before or after, as a person reads it: a day as dd/mm/yyyy, a
/// type by its name, a text quoted and cut, none as `—`.
fn field_value(field: Option<ChangedField>, value: Option<&serde_json::Value>) -> String {
    let Some(serde_json::Value::String(s)) = value else {
        return match value {
            // An issue date not known yet.
            None | Some(serde_json::Value::Null) if field == Some(ChangedField::IssuedOn) => {
                super::DATE_UNKNOWN.get().to_string()
            }
            None | Some(serde_json::Value::Null) => "—".to_string(),
            Some(other) => other.to_string(),
        };
    };
    match field {
        Some(f) if f.is_date() => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_or_else(|_| s.clone(), crate::text::date::format_dmy),
        Some(ChangedField::Type) => {
            DocType::from_slug(s).map_or_else(|| s.clone(), |d| super::doc_type(d).get().into())
        }
        Some(ChangedField::Kind) => {
            crate::domain::UnitKind::from_slug(s).map_or_else(|| s.clone(), super::kind_in_text)
        }
        Some(ChangedField::Secrecy) => crate::domain::Secrecy::from_slug(s)
            .map_or_else(|| s.clone(), |m| super::secrecy(m).get().into()),
        Some(ChangedField::Urgency) => crate::domain::Urgency::from_slug(s)
            .map_or_else(|| s.clone(), |m| super::urgency(m).get().into()),
        Some(
            ChangedField::Rating | ChangedField::Code | ChangedField::Symbol | ChangedField::Number,
        ) => short(s).into_owned(),
        _ => format!("“{}”", short(s)),
    }
}

const SETTING_SET_FIRST: Text = t("đặt {key}: {value}", "set {key} to {value}");
const LOG_DUE_OF: Text = t("{due} của {kind}", "{due} for {kind}");
const LOG_FIELD_SET: Text = t("thêm {field}: {to}", "set {field} to {to}");
const LOG_FIELD_CLEARED: Text = t(
    "bỏ {field} (trước là {from})",
    "removed {field} (was {from})",
);

/// What became of the obligations of a kind whose due date changed, from
/// the counts of a due change (`12 đơn vị chưa hoàn thành dời hạn, 3 đơn vị
/// đã hoàn thành giữ hạn đã dùng để đánh giá`); empty when it has none.
pub fn due_counts(change: &serde_json::Value) -> String {
    [
        ("moved", super::DUES_MOVED),
        ("moved_done", super::DUES_MOVED_DONE),
        ("kept_done", super::DUES_KEPT_DONE),
        ("kept_extended", super::DUES_KEPT_EXTENDED),
        ("added", super::DUES_ADDED),
        ("removed", super::DUES_REMOVED),
    ]
    .iter()
    .filter_map(|(key, text)| {
        let n = change.get(*key)?.as_u64().filter(|n| *n > 0)?;
        Some(tr!(text, n = n))
    })
    .collect::<Vec<_>>()
    .join("; ")
}

const RATING_KEPT: Text = t("xếp loại giữ nguyên ({rating})", "rating kept ({rating})");

/// The lines of corrections whose details name the fields they changed
/// (`changes`); an older entry without them takes its line of `LOG_LINES`.
const CORRECTION_LINES: &[(&str, Text)] = &[
    (
        "done.correct",
        t(
            "sửa kết quả nhiệm vụ {task} của {unit}: {changes}",
            "corrected the result of {unit} for the task {task}: {changes}",
        ),
    ),
    (
        "directive.edit",
        t(
            "sửa văn bản {directive}: {changes}",
            "corrected directive {directive}: {changes}",
        ),
    ),
    (
        "task.edit",
        t(
            "sửa nhiệm vụ {task}: {changes}",
            "corrected the task {task}: {changes}",
        ),
    ),
];

const LOG_LINES: &[(&str, Text)] = &[
    (
        "extract.apply",
        t(
            "ghi từ thông báo: {n} mục",
            "recorded from an announcement: {n} items",
        ),
    ),
    (
        "person.add",
        t(
            "thêm {name}, {position} ({unit})",
            "added {name}, {position} ({unit})",
        ),
    ),
    (
        "person.import",
        t(
            "nhập {n} cán bộ từ {file}",
            "imported {n} people from {file}",
        ),
    ),
    (
        "person.leave",
        t(
            "{name} thôi giữ chức từ {on}",
            "{name} out of post from {on}",
        ),
    ),
    (
        "directive.edit",
        t(
            "sửa văn bản: {from} → {to}",
            "corrected directive: {from} → {to}",
        ),
    ),
    (
        "task.edit",
        t(
            "sửa nhiệm vụ {task}: {from} → {to} (mã {code})",
            "corrected task {task}: {from} → {to} (code {code})",
        ),
    ),
    (
        "rules.set",
        t(
            "đặt quy tắc {name}: {was} → {value}",
            "set the rule {name}: {was} → {value}",
        ),
    ),
    (
        "directive.revoke",
        t(
            "văn bản {directive} hết hiệu lực từ {on} ({reason}); dừng theo dõi {n} nhiệm vụ",
            "revoked {directive} on {on} ({reason}); {n} obligations cancelled",
        ),
    ),
    (
        "directive.replace",
        t(
            "{old} được thay thế bằng {new} từ {on}; dừng theo dõi {n} nhiệm vụ",
            "{old} replaced by {new} on {on}; {n} obligations cancelled",
        ),
    ),
    (
        "unit.dissolve",
        t("giải thể {unit} từ {on}", "dissolved {unit} on {on}"),
    ),
    (
        "unit.merge",
        t(
            "sáp nhập {units} vào {into} từ {on}",
            "merged {units} into {into} on {on}",
        ),
    ),
    (
        "done.import",
        t(
            "ghi {n} kết quả hoàn thành nhiệm vụ {task} từ {file}",
            "recorded {n:completion|completions} of the task {task} from {file}",
        ),
    ),
    (
        "directive.add",
        t("thêm văn bản {directive}", "added directive {directive}"),
    ),
    (
        "unit.add",
        t(
            "thêm tổ chức đảng {unit} ({code})",
            "added unit {unit} ({code})",
        ),
    ),
    (
        "unit.import",
        t(
            "nhập {n} tổ chức đảng từ {file}",
            "imported {n} units from {file}",
        ),
    ),
    (
        "unit.rename",
        t(
            "đổi tên tổ chức đảng {code}: {from} → {to}",
            "renamed unit {code}: {from} → {to}",
        ),
    ),
    (
        "unit.move",
        t(
            "chuyển {unit} từ {from} sang {to}",
            "moved {unit} from {from} to {to}",
        ),
    ),
    (
        "task.add",
        t(
            "thêm nhiệm vụ {task} của {directive}: {n} {whom}",
            "added the task {task} of {directive}: {n} {whom}",
        ),
    ),
    (
        "done",
        t(
            "ghi kết quả: {unit} hoàn thành nhiệm vụ {task} ngày {on}",
            "recorded: {unit} did the task {task} on {on}",
        ),
    ),
    (
        "done.correct",
        t(
            "sửa ngày hoàn thành nhiệm vụ {task} của {unit}: {was} → {on}",
            "corrected the completion date of {unit} for the task {task}: {was} → {on}",
        ),
    ),
    (
        "extend",
        t(
            "gia hạn nhiệm vụ {task} cho {unit} đến {to} (hạn trước đó {from}; lý do: {reason})",
            "extended the task {task} for {unit} to {to} (due before: {from}; reason: {reason})",
        ),
    ),
    (
        "undo",
        t(
            "hoàn tác #{change}: {summary}",
            "undid #{change}: {summary}",
        ),
    ),
    (
        "demo",
        t("dựng dữ liệu mẫu Sơn Tây", "built the Sơn Tây demo"),
    ),
    (
        "unit.edit",
        t(
            "sửa tổ chức đảng {unit} ({code}){changes}",
            "edited unit {unit} ({code}){changes}",
        ),
    ),
    (
        "task.renew",
        t(
            "lập nhiệm vụ {task} (năm {year}) từ nhiệm vụ {from} của {directive}: {n} {whom} phải thực hiện",
            "renewed the task {from} for {year} as {task} of {directive}: {n} {whom} must carry it out",
        ),
    ),
    (
        "task.assign",
        t(
            "giao nhiệm vụ {task} cho {n} {whom}: {names}",
            "gave the task {task} to {n} {whom}: {names}",
        ),
    ),
    (
        "settings.set",
        t("đặt {key}: {was} → {value}", "set {key}: {was} → {value}"),
    ),
    (
        "settings.unset",
        t("bỏ {key} ({was})", "removed {key} ({was})"),
    ),
];

/// The line of a `task assign`: the units (or people) it named, as many as
/// the details keep, and how many more; the due date the clerk gave.
fn assign_line(details: &serde_json::Value) -> String {
    let n = details.get("n").and_then(|n| n.as_u64()).unwrap_or(0);
    let names = strings(details.get("names"));
    let mut list = names.join(", ");
    let shown = names.len() as u64;
    if shown < n {
        list.push_str(&tr!(LOG_ASSIGN_MORE, n = n - shown));
    }
    let people = details.get("people").and_then(|p| p.as_bool()) == Some(true);
    let mut details = details.clone();
    let whom = super::whom(people, usize::try_from(n).unwrap_or(usize::MAX));
    details["whom"] = whom.get().into();
    details["names"] = list.into();
    let mut line = fill_template("task.assign", &details);
    if let Some(due) = details.get("due").and_then(|d| d.as_str()) {
        line.push_str(&tr!(LOG_ASSIGN_DUE, date = due));
    }
    line
}

/// What a change to units did to what they owe, after its line: the tasks a
/// unit added now owes, the obligations a file of units brought, the due
/// dates a change of kind moved. Nothing when the details say nothing of it.
fn assignment_notes(action: &str, details: &serde_json::Value) -> String {
    match action {
        "unit.add" => {
            let tasks = strings(details.get("tasks"));
            if tasks.is_empty() {
                return String::new();
            }
            tr!(LOG_JOINED, tasks = tasks.join(", "))
        }
        "unit.import" => match details.get("obligations").and_then(|n| n.as_u64()) {
            Some(n) if n > 0 => tr!(
                LOG_IMPORT_JOINED,
                n = n,
                tasks = strings(details.get("tasks")).join(", ")
            ),
            _ => String::new(),
        },
        "unit.edit" | "unit.move" => {
            let Some(dues) = details.get("dues").and_then(|d| d.as_array()) else {
                return String::new();
            };
            let day = |key: &str, due: &serde_json::Value| {
                field_value(Some(ChangedField::CompletedOn), due.get(key))
            };
            let moved: Vec<String> = dues
                .iter()
                .map(|due| {
                    let task = due.get("task").and_then(|t| t.as_str()).unwrap_or("?");
                    let task = match due.get("person").and_then(|p| p.as_str()) {
                        Some(person) => format!("{task} ({person})"),
                        None => task.to_string(),
                    };
                    format!("{task} {} → {}", day("from", due), day("to", due))
                })
                .collect();
            if moved.is_empty() {
                return String::new();
            }
            tr!(LOG_DUES_MOVED, dues = moved.join(", "))
        }
        _ => String::new(),
    }
}

/// The strings of a JSON array (none when it is not one).
fn strings(value: Option<&serde_json::Value>) -> Vec<String> {
    value
        .and_then(|v| v.as_array())
        .map(|items| {
            items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), String::from))
                .collect()
        })
        .unwrap_or_default()
}

const LOG_ASSIGN_MORE: Text = t(" và {n} nữa", " and {n} more");
const LOG_ASSIGN_DUE: Text = t(", hạn {date}", ", due {date}");
const LOG_JOINED: Text = t("; phải thực hiện: {tasks}", "; now owes: {tasks}");
const LOG_IMPORT_JOINED: Text = t(
    "; {n} nghĩa vụ mới của: {tasks}",
    "; {n} new obligations of: {tasks}",
);
const LOG_DUES_MOVED: Text = t(
    "; hạn theo loại mới: {dues}",
    "; due as the new kind: {dues}",
);

#[cfg(test)]
mod tests {
    #[test]
    fn a_line_whose_details_lack_a_name_shows_no_placeholder() {
        for action in ["done", "unit.move", "person.add", "extend", "task.add"] {
            let line = super::change_summary(action, &serde_json::json!({}));
            assert!(!line.contains('{'), "{action}: {line}");
        }
        // A value that looks like a placeholder is text, not a template.
        let line = super::change_summary(
            "unit.rename",
            &serde_json::json!({"code": "x", "from": "{to}", "to": "B", "on": null}),
        );
        assert!(line.contains("{to}") && line.contains('B'), "{line}");
        // A count takes the noun of its number.
        let template = "recorded {n:completion|completions} from {file}";
        let one = super::fill(template, &serde_json::json!({"n": 1, "file": "f.csv"}));
        assert_eq!(one, "recorded 1 completion from f.csv");
        let many = super::fill(template, &serde_json::json!({"n": 3, "file": "f.csv"}));
        assert_eq!(many, "recorded 3 completions from f.csv");
    }
}

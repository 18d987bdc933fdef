//! The lines of the change log, one template per action.

use super::{Text, t, tr};

/// The log line of a change, from its action and details.
pub fn change_summary(action: &str, details: &serde_json::Value) -> String {
    // An undo records the change it took back (its action and details), and
    // says it in the language of whoever reads the log.
    if let (Some(undone), Some(undone_details)) = (
        details.get("action").and_then(|a| a.as_str()),
        details.get("details"),
    ) {
        let mut details = details.clone();
        details["summary"] = change_summary(undone, undone_details).into();
        return fill_template(action, &details);
    }
    // A change whose details hold lists: said here, piece by piece.
    if action == "unit.edit"
        && let serde_json::Value::Object(map) = details
    {
        let mut map = map.clone();
        map.insert("changes".into(), unit_edit_changes(details).into());
        return fill_template(action, &serde_json::Value::Object(map));
    }
    fill_template(action, details)
}

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

const LOG_ALIASES_ADDED: Text = t("thêm tên khác {aliases}", "added other names {aliases}");
const LOG_ALIASES_REMOVED: Text = t("bỏ tên khác {aliases}", "removed other names {aliases}");

fn fill_template(action: &str, details: &serde_json::Value) -> String {
    let template = LOG_LINES
        .iter()
        .find(|(a, _)| *a == action)
        .map_or(action, |(_, text)| text.get());
    let mut out = template.to_string();
    if let serde_json::Value::Object(map) = details {
        for (key, value) in map {
            let value = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => "—".to_string(),
                other => other.to_string(),
            };
            out = out.replace(&format!("{{{key}}}"), &value);
        }
    }
    out
}

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
            "set rule {name}: {was} → {value}",
        ),
    ),
    (
        "directive.revoke",
        t(
            "văn bản {directive} hết hiệu lực từ {on} ({reason}); {n} nhiệm vụ không còn tính",
            "revoked {directive} on {on} ({reason}); {n} obligations cancelled",
        ),
    ),
    (
        "directive.replace",
        t(
            "{old} được thay thế bởi {new} từ {on}; {n} nhiệm vụ không còn tính",
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
            "ghi {n} đơn vị hoàn thành {task} từ {file}",
            "recorded {n} completions of {task} from {file}",
        ),
    ),
    (
        "directive.add",
        t("thêm văn bản {directive}", "added directive {directive}"),
    ),
    (
        "unit.add",
        t("thêm đơn vị {unit} ({code})", "added unit {unit} ({code})"),
    ),
    (
        "unit.import",
        t(
            "nhập {n} đơn vị từ {file}",
            "imported {n} units from {file}",
        ),
    ),
    (
        "unit.rename",
        t(
            "đổi tên đơn vị {code}: {from} → {to}",
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
            "thêm nhiệm vụ {task} ({title}) của {directive}: {n} đơn vị",
            "added task {task} ({title}) of {directive}: {n} units",
        ),
    ),
    (
        "done",
        t(
            "ghi {unit} hoàn thành {task} ngày {on}",
            "recorded {unit} did {task} on {on}",
        ),
    ),
    (
        "done.correct",
        t(
            "sửa ngày hoàn thành {task} của {unit}: {was} → {on}",
            "corrected {unit}'s completion of {task}: {was} → {on}",
        ),
    ),
    (
        "extend",
        t(
            "gia hạn {task} cho {unit}: {from} → {to} ({reason})",
            "extended {task} for {unit}: {from} → {to} ({reason})",
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
            "sửa đơn vị {unit} ({code}){changes}",
            "edited unit {unit} ({code}){changes}",
        ),
    ),
];

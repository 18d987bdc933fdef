//! The marks a Party document may carry: its classification (độ mật: Mật,
//! Tối mật, Tuyệt mật) and its urgency (độ khẩn: Khẩn, Thượng khẩn, Hỏa
//! tốc), and how a marked directive is named where its title must not go.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use crate::text::fold;

/// A state-secret classification (Luật Bảo vệ bí mật nhà nước 2018).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum Secrecy {
    Mat,
    ToiMat,
    TuyetMat,
}

/// How urgent a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum Urgency {
    Khan,
    ThuongKhan,
    HoaToc,
}

impl Secrecy {
    /// Every mark, from the lowest.
    pub const ALL: [Secrecy; 3] = [Secrecy::Mat, Secrecy::ToiMat, Secrecy::TuyetMat];

    /// The stable ASCII name used in files, JSON and the database.
    pub fn slug(self) -> &'static str {
        match self {
            Secrecy::Mat => "mat",
            Secrecy::ToiMat => "toi-mat",
            Secrecy::TuyetMat => "tuyet-mat",
        }
    }

    /// The mark as a document is stamped with it, whatever the interface
    /// language.
    pub fn official_name(self) -> &'static str {
        match self {
            Secrecy::Mat => "Mật",
            Secrecy::ToiMat => "Tối mật",
            Secrecy::TuyetMat => "Tuyệt mật",
        }
    }

    /// The mark with exactly this slug (as stored).
    pub fn from_slug(s: &str) -> Option<Secrecy> {
        Secrecy::ALL.into_iter().find(|m| m.slug() == s)
    }

    /// Reads a mark from its slug or official name, with or without accents
    /// and in any case: `toi-mat`, `Tối mật`, `TỐI MẬT`, `toi mat`.
    pub fn parse(s: &str) -> Option<Secrecy> {
        let key = fold(s).replace(['-', '_'], " ");
        Secrecy::ALL
            .into_iter()
            .find(|m| key == m.slug().replace('-', " ") || key == fold(m.official_name()))
    }
}

impl Urgency {
    /// Every mark, from the least urgent.
    pub const ALL: [Urgency; 3] = [Urgency::Khan, Urgency::ThuongKhan, Urgency::HoaToc];

    /// The stable ASCII name used in files, JSON and the database.
    pub fn slug(self) -> &'static str {
        match self {
            Urgency::Khan => "khan",
            Urgency::ThuongKhan => "thuong-khan",
            Urgency::HoaToc => "hoa-toc",
        }
    }

    /// The mark as a document is stamped with it, whatever the interface
    /// language.
    pub fn official_name(self) -> &'static str {
        match self {
            Urgency::Khan => "Khẩn",
            Urgency::ThuongKhan => "Thượng khẩn",
            Urgency::HoaToc => "Hỏa tốc",
        }
    }

    /// The mark with exactly this slug (as stored).
    pub fn from_slug(s: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|m| m.slug() == s)
    }

    /// Reads a mark from its slug or official name, with or without accents
    /// (`Hỏa tốc` and `Hoả tốc` alike), in any case.
    pub fn parse(s: &str) -> Option<Urgency> {
        let key = fold(s).replace(['-', '_'], " ");
        Urgency::ALL
            .into_iter()
            .find(|m| key == m.slug().replace('-', " ") || key == fold(m.official_name()))
    }
}

impl From<Secrecy> for &'static str {
    fn from(m: Secrecy) -> Self {
        m.slug()
    }
}

impl From<Urgency> for &'static str {
    fn from(m: Urgency) -> Self {
        m.slug()
    }
}

/// A marked directive as a travelling output names it: its citation and
/// its mark, `188-KH/TU (Mật)`; never its title. The same whatever the
/// interface language, as the stamp on the document is.
pub fn masked(citation: &str, secrecy: Secrecy) -> String {
    format!("{citation} ({})", secrecy.official_name())
}

/// What a travelling output says in place of a title: the title itself
/// when the directive is not marked or the secret may be shown, else the
/// directive's citation and mark.
pub fn shown_title(title: &str, citation: &str, secrecy: Option<Secrecy>, show: bool) -> String {
    match secrecy {
        Some(mark) if !show => masked(citation, mark),
        Some(_) => {
            note_secret_shown();
            title.to_string()
        }
        None => title.to_string(),
    }
}

/// What a travelling output says in place of a task's title: as
/// `shown_title`, a secret directive's task named by its code with the
/// directive's citation and mark, `nv-03 (03-HD/TU, Tối mật)`, so that two
/// tasks of one secret directive are told apart (the code says nothing of
/// the subject when the clerk chose it so).
pub fn shown_task_title(
    title: &str,
    code: &str,
    citation: &str,
    secrecy: Option<Secrecy>,
    show: bool,
) -> String {
    match secrecy {
        Some(mark) if !show => unnest(&format!("{code} ({})", masked(citation, mark))),
        _ => shown_title(title, citation, secrecy, show),
    }
}

/// Whether this run put a secret title into what it prints: the edge
/// warns of `--show-secret` only then (a count, or nothing to say, is no
/// secret).
static SECRET_SHOWN: AtomicBool = AtomicBool::new(false);

/// Says that a secret title was let through (`--show-secret`).
pub fn note_secret_shown() {
    SECRET_SHOWN.store(true, Ordering::Relaxed);
}

/// Whether a secret title was let through in this run.
pub fn secret_shown() -> bool {
    SECRET_SHOWN.load(Ordering::Relaxed)
}

/// A masked name inside a sentence's own brackets, without brackets in
/// brackets: `nhiệm vụ nv-188 (188-KH/TU (Tối mật))` becomes `nhiệm vụ
/// nv-188 (188-KH/TU, Tối mật)`.
pub fn unnest(text: &str) -> String {
    let mut out = text.to_string();
    for mark in Secrecy::ALL {
        let inner = format!(" ({}))", mark.official_name());
        while let Some(end) = out.find(&inner) {
            // The bracket this masked name sits in.
            let Some(open) = out[..end].rfind('(') else {
                break;
            };
            if out[open + 1..end].contains(')') {
                break;
            }
            out.replace_range(
                end..end + inner.len(),
                &format!(", {})", mark.official_name()),
            );
        }
    }
    out
}

/// Keeps titles out of a change's details (as the log recorded them) for
/// a change about a secret directive: every `title`, and the before and
/// after of a changed `title` field, become `label` (the field then says
/// `"hidden": true`), in the details of an undo too. Log lines recorded before the mark was set are masked alike.
pub fn mask_log_details(details: &mut serde_json::Value, label: &str) {
    use serde_json::Value;
    match details {
        Value::Object(map) => {
            let is_title_change = map.get("field").and_then(Value::as_str) == Some("title");
            // Its before and after masked alike: say that it was hidden,
            // not that nothing changed.
            if is_title_change {
                map.insert("hidden".to_string(), Value::Bool(true));
            }
            // A task's title: its code with the mark, as reports say it.
            let task_label = map
                .get("task")
                .and_then(Value::as_str)
                .map(|code| unnest(&format!("{code} ({label})")));
            for (key, value) in map.iter_mut() {
                let masked = key == "title" || (is_title_change && (key == "from" || key == "to"));
                if masked && value.is_string() {
                    *value = Value::from(match (&task_label, key.as_str()) {
                        (Some(task), "title") => task.as_str(),
                        _ => label,
                    });
                } else {
                    mask_log_details(value, label);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                mask_log_details(item, label);
            }
        }
        _ => {}
    }
}

/// The key under which a change's details keep the mark of the directive
/// it was about, as it was when the change was recorded.
const RECORDED: &str = "secret";

/// Records in a change's details the mark of the secret directive it is
/// about (`{"secret": {"directive": "188-KH/TU", "secrecy": "mat"}}`), so
/// that its line stays masked after the directive is deleted (an undone
/// add) or its mark taken off.
pub fn record_mark(details: &mut serde_json::Value, citation: &str, secrecy: Secrecy) {
    if let serde_json::Value::Object(map) = details {
        map.insert(
            RECORDED.to_string(),
            serde_json::json!({ "directive": citation, "secrecy": secrecy.slug() }),
        );
    }
}

/// The masked name a change's details recorded (`record_mark`), looked
/// for at any depth: an undo's details hold the change undone.
pub fn recorded_mask(details: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match details {
        Value::Object(map) => {
            if let Some(Value::Object(mark)) = map.get(RECORDED)
                && let (Some(citation), Some(secrecy)) = (
                    mark.get("directive").and_then(Value::as_str),
                    mark.get("secrecy")
                        .and_then(Value::as_str)
                        .and_then(Secrecy::from_slug),
                )
            {
                return Some(masked(citation, secrecy));
            }
            map.values().find_map(recorded_mask)
        }
        Value::Array(items) => items.iter().find_map(recorded_mask),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_read_as_clerks_write_them() {
        for (input, mark) in [
            ("mat", Secrecy::Mat),
            ("Mật", Secrecy::Mat),
            ("MẬT", Secrecy::Mat),
            ("toi-mat", Secrecy::ToiMat),
            ("Tối mật", Secrecy::ToiMat),
            ("toi mat", Secrecy::ToiMat),
            ("Tuyệt mật", Secrecy::TuyetMat),
            ("TUYET_MAT", Secrecy::TuyetMat),
        ] {
            assert_eq!(Secrecy::parse(input), Some(mark), "{input}");
        }
        for (input, mark) in [
            ("khan", Urgency::Khan),
            ("Khẩn", Urgency::Khan),
            ("Thượng khẩn", Urgency::ThuongKhan),
            ("thuong-khan", Urgency::ThuongKhan),
            ("Hỏa tốc", Urgency::HoaToc),
            ("Hoả tốc", Urgency::HoaToc),
            ("HOA TOC", Urgency::HoaToc),
        ] {
            assert_eq!(Urgency::parse(input), Some(mark), "{input}");
        }
        for input in ["", "mật mã", "secret", "khẩn cấp"] {
            assert_eq!(Secrecy::parse(input), None, "{input}");
            assert_eq!(Urgency::parse(input), None, "{input}");
        }
        for m in Secrecy::ALL {
            assert_eq!(Secrecy::from_slug(m.slug()), Some(m));
        }
        for m in Urgency::ALL {
            assert_eq!(Urgency::from_slug(m.slug()), Some(m));
        }
    }

    #[test]
    fn log_details_lose_every_title() {
        let mut details = serde_json::json!({
            "action": "directive.edit",
            "details": {
                "directive": "188-KH/TU",
                "changes": [
                    {"field": "title", "from": "luân chuyển", "to": "điều động"},
                    {"field": "issuer", "from": "A", "to": "B"}
                ]
            },
            "title": "biệt phái"
        });
        mask_log_details(&mut details, "188-KH/TU (Mật)");
        let text = details.to_string();
        for word in ["luân chuyển", "điều động", "biệt phái"] {
            assert!(!text.contains(word), "{text}");
        }
        assert_eq!(details["details"]["changes"][1]["to"], "B");
        assert_eq!(details["details"]["changes"][0]["hidden"], true);
        assert!(details["details"]["changes"][1].get("hidden").is_none());
        assert_eq!(details["title"], "188-KH/TU (Mật)");
    }

    #[test]
    fn a_masked_name_in_brackets_has_no_brackets_of_its_own() {
        assert_eq!(
            unnest("nhiệm vụ nv-188 (188-KH/TU (Tối mật)), hạn 06/12/2023"),
            "nhiệm vụ nv-188 (188-KH/TU, Tối mật), hạn 06/12/2023"
        );
        assert_eq!(unnest("văn bản 188-KH/TU (Mật)"), "văn bản 188-KH/TU (Mật)");
        assert_eq!(
            unnest("a (b (Mật)) và c (d (Tuyệt mật))"),
            "a (b, Mật) và c (d, Tuyệt mật)"
        );
    }

    #[test]
    fn a_masked_directive_is_its_citation_and_mark() {
        assert_eq!(masked("188-KH/TU", Secrecy::Mat), "188-KH/TU (Mật)");
        assert_eq!(
            shown_title("luân chuyển", "188-KH/TU", Some(Secrecy::ToiMat), false),
            "188-KH/TU (Tối mật)"
        );
        assert_eq!(
            shown_title("luân chuyển", "188-KH/TU", Some(Secrecy::ToiMat), true),
            "luân chuyển"
        );
        assert_eq!(
            shown_title("luân chuyển", "188-KH/TU", None, false),
            "luân chuyển"
        );
    }
}

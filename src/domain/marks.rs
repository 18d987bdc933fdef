//! The marks a Party document may carry: its classification (độ mật: Mật,
//! Tối mật, Tuyệt mật) and its urgency (độ khẩn: Khẩn, Thượng khẩn, Hỏa
//! tốc), and how a marked directive is named where its title must not go.

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
        _ => title.to_string(),
    }
}

/// Keeps titles out of a change's details (as the log recorded them) for
/// a change about a secret directive: every `title`, and the before and
/// after of a changed `title` field, become `label`, in the details of an
/// undo too. Log lines recorded before the mark was set are masked alike.
pub fn mask_log_details(details: &mut serde_json::Value, label: &str) {
    use serde_json::Value;
    match details {
        Value::Object(map) => {
            let is_title_change = map.get("field").and_then(Value::as_str) == Some("title");
            for (key, value) in map.iter_mut() {
                let masked = key == "title" || (is_title_change && (key == "from" || key == "to"));
                if masked && value.is_string() {
                    *value = Value::from(label);
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
        assert_eq!(details["title"], "188-KH/TU (Mật)");
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

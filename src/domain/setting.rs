//! What the committee's documents say of the committee itself: the settings
//! a report (báo cáo) or a reminder (công văn đôn đốc) in the form of
//! Hướng dẫn 36-HD/VPTW needs, set once by the clerk. Their keys, the other
//! spellings each is found by, and the rules their values keep.

use serde::Serialize;

use crate::text::{fold, slug};

/// One setting of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum SettingKey {
    /// The committee above the issuing body, first line top left
    /// (`THỊ ỦY SƠN TÂY`).
    CapTren,
    /// The issuing body, in bold under it (`BAN TỔ CHỨC`).
    CoQuan,
    /// The issuing body's code in a number and symbol (`BTCTU` in
    /// `Số 25-BC/BTCTU`).
    KyHieu,
    /// The place in the date line (`Sơn Tây, ngày …`).
    DiaDanh,
    /// The form of signing, over the signer's title (`T/M BAN TỔ CHỨC`,
    /// `K/T TRƯỞNG BAN`), or none (`-`): the head signs in their own name.
    QuyenHan,
    /// The signer's title (`TRƯỞNG BAN`, `PHÓ TRƯỞNG BAN`).
    ChucVu,
    /// The signer's name.
    NguoiKy,
    /// Where a report goes (Nơi nhận), one line each.
    NoiNhan,
    /// Where a reminder goes besides its addressees ("Như trên"), one line
    /// each; unset, the archive line of `NoiNhan`.
    NoiNhanCongVan,
}

/// What a setting's value breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingProblem {
    /// A symbol code: letters and digits only (`BTCTU`, `ĐUK`).
    Code,
    /// A form of signing: `T/M`, `K/T`, `T/L` or `T/UQ` and what follows,
    /// or `-` for none.
    SignForm,
    /// One line only.
    OneLine,
    /// More lines than a document's Nơi nhận holds.
    TooManyLines,
}

/// The most characters of a symbol code.
pub const CODE_MAX: usize = 20;

/// The most lines of a Nơi nhận.
pub const LINES_MAX: usize = 20;

/// The forms of signing (quyền hạn ký) of Party documents.
pub const SIGN_FORMS: [&str; 4] = ["T/M", "K/T", "T/L", "T/UQ"];

/// The value that says the signer signs in their own name (no form line).
pub const NO_SIGN_FORM: &str = "-";

impl SettingKey {
    /// Every setting, in the order a document uses them.
    pub const ALL: [SettingKey; 9] = [
        SettingKey::CapTren,
        SettingKey::CoQuan,
        SettingKey::KyHieu,
        SettingKey::DiaDanh,
        SettingKey::QuyenHan,
        SettingKey::ChucVu,
        SettingKey::NguoiKy,
        SettingKey::NoiNhan,
        SettingKey::NoiNhanCongVan,
    ];

    /// The stable key, as stored and typed.
    pub fn slug(self) -> &'static str {
        match self {
            SettingKey::CapTren => "cap-tren",
            SettingKey::CoQuan => "co-quan",
            SettingKey::KyHieu => "ky-hieu",
            SettingKey::DiaDanh => "dia-danh",
            SettingKey::QuyenHan => "quyen-han",
            SettingKey::ChucVu => "chuc-vu",
            SettingKey::NguoiKy => "nguoi-ky",
            SettingKey::NoiNhan => "noi-nhan",
            SettingKey::NoiNhanCongVan => "noi-nhan-cong-van",
        }
    }

    /// Other spellings the key is found by, as slugs: the words a clerk may
    /// use instead, and English.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            SettingKey::CapTren => &[
                "cap-uy",
                "cap-uy-cap-tren",
                "co-quan-cap-tren",
                "cap-tren-truc-tiep",
                "committee-above",
            ],
            SettingKey::CoQuan => &["co-quan-ban-hanh", "ten-co-quan", "issuing-body"],
            SettingKey::KyHieu => &["ky-hieu-co-quan", "ma-co-quan", "symbol-code"],
            SettingKey::DiaDanh => &["dia-diem", "noi-ban-hanh", "place"],
            SettingKey::QuyenHan => &["hinh-thuc-ky", "quyen-han-ky", "the-thuc-ky", "signer-form"],
            SettingKey::ChucVu => &["chuc-danh", "chuc-vu-nguoi-ky", "signer-title"],
            SettingKey::NguoiKy => &[
                "ho-ten",
                "ten-nguoi-ky",
                "ho-ten-nguoi-ky",
                "signer",
                "signer-name",
            ],
            SettingKey::NoiNhan => &["noi-nhan-bao-cao", "recipients"],
            SettingKey::NoiNhanCongVan => &["noi-nhan-cv", "reminder-recipients"],
        }
    }

    /// The key with exactly this slug (as stored).
    pub fn from_slug(s: &str) -> Option<SettingKey> {
        SettingKey::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// Reads a key as a clerk types it: its slug or another spelling, with
    /// or without accents, spaces or `_` for `-` (`Nơi nhận`, `noi_nhan`).
    pub fn parse(s: &str) -> Option<SettingKey> {
        let key = slug(s);
        SettingKey::ALL
            .into_iter()
            .find(|k| k.slug() == key || k.aliases().contains(&key.as_str()))
    }

    /// Whether the value is several lines (a Nơi nhận).
    pub fn lines(self) -> bool {
        matches!(self, SettingKey::NoiNhan | SettingKey::NoiNhanCongVan)
    }

    /// The value to store from the lines a clerk gave, each already checked
    /// as a text: a symbol code in capitals; a form of signing with its
    /// prefix in capitals; the lines of a Nơi nhận without the dash before
    /// and the comma or full stop after (the document writes them).
    pub fn value(self, lines: &[String]) -> Result<String, SettingProblem> {
        if !self.lines() && lines.len() != 1 {
            return Err(SettingProblem::OneLine);
        }
        match self {
            SettingKey::KyHieu => {
                let code = lines[0].trim().to_uppercase();
                if code.chars().count() > CODE_MAX || !code.chars().all(char::is_alphanumeric) {
                    return Err(SettingProblem::Code);
                }
                Ok(code)
            }
            SettingKey::QuyenHan => sign_form(&lines[0]),
            SettingKey::NoiNhan | SettingKey::NoiNhanCongVan => {
                let lines: Vec<String> = lines
                    .iter()
                    .map(|l| recipient_line(l))
                    .filter(|l| !l.is_empty())
                    .collect();
                if lines.is_empty() {
                    return Err(SettingProblem::OneLine);
                }
                if lines.len() > LINES_MAX {
                    return Err(SettingProblem::TooManyLines);
                }
                Ok(lines.join("\n"))
            }
            _ => Ok(lines[0].clone()),
        }
    }
}

impl From<SettingKey> for &'static str {
    fn from(k: SettingKey) -> &'static str {
        k.slug()
    }
}

/// A form of signing: `-` (or `không`, `none`) for none; else one of
/// `SIGN_FORMS` (any letter case), alone or before the body or title.
fn sign_form(line: &str) -> Result<String, SettingProblem> {
    let line = line.trim();
    if [NO_SIGN_FORM, "khong", "none", "—", "–"].contains(&fold(line).as_str()) {
        return Ok(NO_SIGN_FORM.to_string());
    }
    for form in SIGN_FORMS {
        // The forms are ASCII: the line starts with one in any letter case.
        let Some((head, rest)) = line.split_at_checked(form.len()) else {
            continue;
        };
        if head.to_ascii_uppercase() == form && (rest.is_empty() || rest.starts_with(' ')) {
            let rest = rest.trim();
            return Ok(if rest.is_empty() {
                form.to_string()
            } else {
                format!("{form} {rest}")
            });
        }
    }
    Err(SettingProblem::SignForm)
}

/// A line of a Nơi nhận as typed (`- Lưu Ban Tổ chức.`) without its dash
/// and its last comma or full stop: `Lưu Ban Tổ chức`.
fn recipient_line(line: &str) -> String {
    line.trim()
        .trim_start_matches(['-', '–', '—', '•', '+', '*'])
        .trim()
        .trim_end_matches([',', '.', ';'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_with_or_without_accents_and_by_other_names() {
        let cases = [
            ("cap-tren", Some(SettingKey::CapTren)),
            ("Cấp trên", Some(SettingKey::CapTren)),
            ("CAP_UY", Some(SettingKey::CapTren)),
            ("Nơi nhận", Some(SettingKey::NoiNhan)),
            ("noi nhan cong van", Some(SettingKey::NoiNhanCongVan)),
            ("Người ký", Some(SettingKey::NguoiKy)),
            ("ký hiệu", Some(SettingKey::KyHieu)),
            ("signer-title", Some(SettingKey::ChucVu)),
            ("ngay", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(SettingKey::parse(input), expected, "{input}");
        }
        for key in SettingKey::ALL {
            assert_eq!(SettingKey::from_slug(key.slug()), Some(key));
            assert_eq!(SettingKey::parse(key.slug()), Some(key));
        }
    }

    #[test]
    fn no_two_keys_share_a_spelling() {
        let mut seen = std::collections::BTreeSet::new();
        for key in SettingKey::ALL {
            for spelling in std::iter::once(key.slug()).chain(key.aliases().iter().copied()) {
                assert!(seen.insert(spelling), "{spelling}");
                assert_eq!(slug(spelling), spelling);
            }
        }
    }

    #[test]
    fn values_keep_the_rules_of_their_key() {
        let one = |s: &str| vec![s.to_string()];
        assert_eq!(SettingKey::KyHieu.value(&one("btctu")), Ok("BTCTU".into()));
        assert_eq!(SettingKey::KyHieu.value(&one("ĐUK")), Ok("ĐUK".into()));
        assert_eq!(
            SettingKey::KyHieu.value(&one("BTC/TU")),
            Err(SettingProblem::Code)
        );
        let form = |s: &str| SettingKey::QuyenHan.value(&one(s));
        assert_eq!(form("t/m"), Ok("T/M".into()));
        assert_eq!(form("T/M Ban Tổ chức"), Ok("T/M Ban Tổ chức".into()));
        assert_eq!(form("k/t TRƯỞNG BAN"), Ok("K/T TRƯỞNG BAN".into()));
        assert_eq!(form("không"), Ok("-".into()));
        assert_eq!(form("Trưởng ban"), Err(SettingProblem::SignForm));
        assert_eq!(form("T/MBAN"), Err(SettingProblem::SignForm));
        let lines: Vec<String> = [
            "- Thường trực Thị ủy (để báo cáo),",
            "  ",
            "- Lưu Ban Tổ chức.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            SettingKey::NoiNhan.value(&lines),
            Ok("Thường trực Thị ủy (để báo cáo)\nLưu Ban Tổ chức".into())
        );
        assert_eq!(
            SettingKey::DiaDanh.value(&["Sơn Tây".into(), "Hà Nội".into()]),
            Err(SettingProblem::OneLine)
        );
    }
}

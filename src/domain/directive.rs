//! Directives (văn bản): their types and how a clerk names one.

use chrono::NaiveDate;
use serde::Serialize;

use super::marks::{Secrecy, Urgency};
use crate::text::symbol::{Symbol, SymbolError, canonical_type_code, parse_symbol};
use crate::text::{fold, normalize};

/// The types of Party document, each with its code in a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum DocType {
    NghiQuyet,
    QuyetDinh,
    QuyDinh,
    ChiThi,
    KetLuan,
    QuyChe,
    ThongTri,
    HuongDan,
    ThongBao,
    BaoCao,
    KeHoach,
    ChuongTrinh,
    ChuongTrinhHanhDong,
    DeAn,
    ToTrinh,
    CongVan,
    BienBan,
}

impl DocType {
    /// Every type, in the order of DOMAIN.md.
    pub const ALL: [DocType; 17] = [
        DocType::NghiQuyet,
        DocType::QuyetDinh,
        DocType::QuyDinh,
        DocType::ChiThi,
        DocType::KetLuan,
        DocType::QuyChe,
        DocType::ThongTri,
        DocType::HuongDan,
        DocType::ThongBao,
        DocType::BaoCao,
        DocType::KeHoach,
        DocType::ChuongTrinh,
        DocType::ChuongTrinhHanhDong,
        DocType::DeAn,
        DocType::ToTrinh,
        DocType::CongVan,
        DocType::BienBan,
    ];

    /// The code used in a symbol (`KH` in `188-KH/TU`).
    pub fn code(self) -> &'static str {
        use DocType::*;
        match self {
            NghiQuyet => "NQ",
            QuyetDinh => "QĐ",
            QuyDinh => "QĐi",
            ChiThi => "CT",
            KetLuan => "KL",
            QuyChe => "QC",
            ThongTri => "TT",
            HuongDan => "HD",
            ThongBao => "TB",
            BaoCao => "BC",
            KeHoach => "KH",
            ChuongTrinh => "CTr",
            ChuongTrinhHanhDong => "CTHĐ",
            DeAn => "ĐA",
            ToTrinh => "TTr",
            CongVan => "CV",
            BienBan => "BB",
        }
    }

    /// The stable ASCII name used in files, JSON and the database.
    pub fn slug(self) -> &'static str {
        use DocType::*;
        match self {
            NghiQuyet => "nghi-quyet",
            QuyetDinh => "quyet-dinh",
            QuyDinh => "quy-dinh",
            ChiThi => "chi-thi",
            KetLuan => "ket-luan",
            QuyChe => "quy-che",
            ThongTri => "thong-tri",
            HuongDan => "huong-dan",
            ThongBao => "thong-bao",
            BaoCao => "bao-cao",
            KeHoach => "ke-hoach",
            ChuongTrinh => "chuong-trinh",
            ChuongTrinhHanhDong => "chuong-trinh-hanh-dong",
            DeAn => "de-an",
            ToTrinh => "to-trinh",
            CongVan => "cong-van",
            BienBan => "bien-ban",
        }
    }

    /// The type a symbol's code stands for. `QĐ` is read as Quyết định;
    /// a Quy định written `QĐ` is given its type explicitly.
    pub fn from_code(code: &str) -> Option<DocType> {
        let code = canonical_type_code(code)?;
        DocType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The type with exactly this slug (as stored).
    pub fn from_slug(s: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.slug() == s)
    }

    /// The type's name as Party documents write it (`Kế hoạch` in
    /// `Kế hoạch số 223`), whatever the interface language.
    pub fn official_name(self) -> &'static str {
        use DocType::*;
        match self {
            NghiQuyet => "Nghị quyết",
            QuyetDinh => "Quyết định",
            QuyDinh => "Quy định",
            ChiThi => "Chỉ thị",
            KetLuan => "Kết luận",
            QuyChe => "Quy chế",
            ThongTri => "Thông tri",
            HuongDan => "Hướng dẫn",
            ThongBao => "Thông báo",
            BaoCao => "Báo cáo",
            KeHoach => "Kế hoạch",
            ChuongTrinh => "Chương trình",
            ChuongTrinhHanhDong => "Chương trình hành động",
            DeAn => "Đề án",
            ToTrinh => "Tờ trình",
            CongVan => "Công văn",
            BienBan => "Biên bản",
        }
    }

    /// How a document of this type and number is cited when it has no
    /// symbol: `Kế hoạch số 223`. The same whatever the interface language.
    pub fn citation(self, number: &str) -> String {
        format!("{} số {number}", self.official_name())
    }

    /// Reads a type from its slug, code or official name, with or without
    /// accents: `quy-dinh`, `Quy định`, `quy dinh`, `QĐi`. (Names in the
    /// interface language are read at the edge.)
    pub fn parse(s: &str) -> Option<DocType> {
        if let Some(t) = DocType::from_slug(s) {
            return Some(t);
        }
        // Each type's slug and official name, folded once.
        static KEYS: std::sync::LazyLock<Vec<(DocType, String, String)>> =
            std::sync::LazyLock::new(|| {
                DocType::ALL
                    .into_iter()
                    .map(|t| (t, t.slug().replace('-', " "), fold(t.official_name())))
                    .collect()
            });
        let key = fold(s).replace('-', " ");
        KEYS.iter()
            .find(|(_, slug, name)| key == *slug || key == *name)
            .map(|(t, _, _)| *t)
            .or_else(|| DocType::from_code(s.trim()))
    }
}

impl From<DocType> for &'static str {
    fn from(t: DocType) -> Self {
        t.slug()
    }
}

/// How a clerk names a directive: by its symbol (`188-KH/TU`) or, when the
/// text gives none, by type and number (`Kế hoạch số 223`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveSpec {
    pub doc_type: DocType,
    pub number: String,
    pub symbol: Option<Symbol>,
}

/// Why a text names no directive.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error(transparent)]
    Symbol(#[from] SymbolError),
    /// A bare number with no type to go with it.
    #[error("a number needs a document type")]
    NeedsType,
    /// A type given that the symbol's type code says it is not (`--type
    /// ke-hoach` for `16-NQ/TW`); only `QĐ` may be either of two.
    #[error("{code} is not the code of a {given:?}")]
    TypeContradicts { code: String, given: DocType },
    /// Longer than any symbol, in characters (`SPEC_MAX`).
    #[error("{len} characters, more than {max}")]
    TooLong { len: usize, max: usize },
}

/// The most characters of a symbol or a `TYPE số NUMBER` phrase: real ones
/// are a few dozen; a longer text is refused before any store sees it (a
/// server indexes the symbol, and an index entry has a limit).
pub const SPEC_MAX: usize = 100;

impl DirectiveSpec {
    /// Parses a symbol, a citation as a text writes it (`Quy định số
    /// 44-QĐ/TU`, `Đề án số 34- ĐA/TU`) or a `TYPE số NUMBER` phrase. A type
    /// given explicitly wins, then the type the citation states, then the
    /// one the symbol's code suggests (`QĐ` may be a Quy định; `CTr` is
    /// written for a Chương trình hành động too: `Chương trình hành động số
    /// 04-CTr/TU`).
    pub fn parse(input: &str, explicit: Option<DocType>) -> Result<DirectiveSpec, SpecError> {
        let len = input.trim().chars().count();
        if len > SPEC_MAX {
            return Err(SpecError::TooLong { len, max: SPEC_MAX });
        }
        let symbol_error = match parse_symbol(input) {
            Ok(symbol) => {
                let coded = DocType::from_code(symbol.type_code);
                if let (Some(given), Some(coded)) = (explicit, coded)
                    && given != coded
                    && !type_in_doubt(input).is_some_and(|pair| pair.contains(&given))
                    && !(coded == DocType::ChuongTrinh && given == DocType::ChuongTrinhHanhDong)
                {
                    return Err(SpecError::TypeContradicts {
                        code: symbol.type_code.to_string(),
                        given,
                    });
                }
                let doc_type = explicit.or(coded).unwrap_or(DocType::CongVan);
                return Ok(DirectiveSpec {
                    doc_type,
                    number: symbol.number.clone(),
                    symbol: Some(symbol),
                });
            }
            Err(e) => e,
        };
        // A type given must be the one the text states.
        let contradicts = |stated: DocType| match explicit {
            Some(given) if given != stated => Err(SpecError::TypeContradicts {
                code: stated.code().to_string(),
                given,
            }),
            _ => Ok(()),
        };
        if let Some((stated, rest)) = split_citation(input)
            && let Ok(symbol) = parse_symbol(&rest)
        {
            // Where the code may be either of two (`QĐ`), the type given wins.
            if type_in_doubt(&rest).is_none() {
                contradicts(stated)?;
            }
            return Ok(DirectiveSpec {
                doc_type: explicit.unwrap_or(stated),
                number: symbol.number.clone(),
                symbol: Some(symbol),
            });
        }
        if let Some((doc_type, number)) = parse_type_and_number(input) {
            contradicts(doc_type)?;
            return Ok(DirectiveSpec {
                doc_type: explicit.unwrap_or(doc_type),
                number,
                symbol: None,
            });
        }
        let text = normalize(input);
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            return match explicit {
                Some(doc_type) => Ok(DirectiveSpec {
                    doc_type,
                    number: text,
                    symbol: None,
                }),
                None => Err(SpecError::NeedsType),
            };
        }
        // A citation whose symbol is wrong says what is wrong with the symbol.
        match split_citation(input).map(|(_, rest)| parse_symbol(&rest)) {
            Some(Err(SymbolError::UnknownType(code))) => Err(SymbolError::UnknownType(code).into()),
            _ => Err(symbol_error.into()),
        }
    }

    /// The type a citation states in words before its number or symbol
    /// (`Quy định` in `Quy định số 44-QĐ/TU`, `Kế hoạch` in `Kế hoạch số
    /// 223`); `None` for a bare symbol or number.
    pub fn stated_type(input: &str) -> Option<DocType> {
        split_citation(input)
            .map(|(doc_type, _)| doc_type)
            .or_else(|| parse_type_and_number(input).map(|(doc_type, _)| doc_type))
    }
}

/// The type named by the first words of `input` (its official name or
/// slug, accents and case aside) and the words after them: `Quy định số
/// 44-QĐ/TU` → (Quy định, `số 44-QĐ/TU`). The longest name wins
/// (`Chương trình hành động` over `Chương trình`).
fn split_citation(input: &str) -> Option<(DocType, String)> {
    let text = normalize(input);
    let words: Vec<&str> = text.split(' ').collect();
    // The longest type name has four words.
    (1..words.len().min(5)).rev().find_map(|n| {
        let head = fold(&words[..n].join(" "));
        DocType::ALL
            .into_iter()
            .find(|t| head == fold(t.official_name()) || head == t.slug().replace('-', " "))
            .map(|t| {
                // `số` written without its accent: `so 44-QĐ/TU`.
                let rest = match words[n..].split_first() {
                    Some((first, rest)) if matches!(fold(first).as_str(), "so" | "so:") => rest,
                    _ => &words[n..],
                };
                (t, rest.join(" "))
            })
    })
}

/// The types a symbol leaves in doubt when no type is given: `QĐ` is
/// written for a Quyết định and, in practice, for a Quy định too. `None`
/// when the text says which (any other code, or a type and number).
pub fn type_in_doubt(input: &str) -> Option<[DocType; 2]> {
    let symbol = parse_symbol(input).ok()?;
    (symbol.type_code == DocType::QuyetDinh.code())
        .then_some([DocType::QuyetDinh, DocType::QuyDinh])
}

/// `Kế hoạch số 223`, `ke hoach 223`, `Kế hoạch số: 223`.
fn parse_type_and_number(input: &str) -> Option<(DocType, String)> {
    let key = fold(input);
    let (head, number) = key.rsplit_once(' ')?;
    let number = number.trim_start_matches(':');
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let head = head.trim_end_matches(':').trim();
    let head = head.strip_suffix(" so").unwrap_or(head);
    Some((DocType::parse(head)?, number.to_string()))
}

/// A directive as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    #[serde(skip)]
    pub id: i64,
    /// Canonical symbol, or null when known only by number.
    pub symbol: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub number: String,
    pub issuer: String,
    /// The issue date; `None` while it is unknown (the text cites the
    /// directive without it).
    pub issued_on: Option<NaiveDate>,
    pub title: String,
    /// The symbol as it was first typed or pasted.
    pub symbol_as_written: Option<String>,
    /// Its classification (độ mật), null when it carries none.
    pub secrecy: Option<Secrecy>,
    /// Its urgency (độ khẩn), null when it carries none.
    pub urgency: Option<Urgency>,
}

impl Directive {
    /// How the directive is cited in data (JSON, CSV, the log): its symbol,
    /// else `Kế hoạch số 223`. The same whatever the interface language.
    pub fn citation(&self) -> String {
        match &self.symbol {
            Some(symbol) => symbol.clone(),
            None => self.doc_type.citation(&self.number),
        }
    }

    /// Its title as a travelling output may print it: the citation and
    /// mark of a secret directive (`188-KH/TU (Mật)`) unless `show`.
    pub fn shown_title(&self, show: bool) -> String {
        super::marks::shown_title(&self.title, &self.citation(), self.secrecy, show)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_maps_back_to_its_type() {
        for t in DocType::ALL {
            assert_eq!(DocType::from_code(t.code()), Some(t));
            assert_eq!(DocType::parse(t.slug()), Some(t));
            assert_eq!(DocType::parse(t.official_name()), Some(t));
        }
        assert_eq!(DocType::parse("quy dinh"), Some(DocType::QuyDinh));
        assert_eq!(DocType::parse("Kế hoạch"), Some(DocType::KeHoach));
    }

    #[test]
    fn qd_alone_leaves_the_type_in_doubt() {
        assert_eq!(
            type_in_doubt("44- QĐ/TU"),
            Some([DocType::QuyetDinh, DocType::QuyDinh])
        );
        for input in ["44-QĐi/TU", "188-KH/TU", "Quyết định số 44", "hello"] {
            assert_eq!(type_in_doubt(input), None, "{input}");
        }
    }

    #[test]
    fn spec_from_symbol_and_from_number() {
        let s = DirectiveSpec::parse("44-QĐ/TU", Some(DocType::QuyDinh)).unwrap();
        assert_eq!(s.doc_type, DocType::QuyDinh);
        assert_eq!(s.symbol.map(|s| s.to_string()).as_deref(), Some("44-QĐ/TU"));

        let s = DirectiveSpec::parse("34- ĐA/TU", None).unwrap();
        assert_eq!((s.doc_type, s.number.as_str()), (DocType::DeAn, "34"));

        for input in [
            "Kế hoạch số 223",
            "ke hoach so 223",
            "KẾ HOẠCH 223",
            "Kế hoạch số: 223",
        ] {
            let s = DirectiveSpec::parse(input, None).unwrap();
            assert_eq!(
                (s.doc_type, s.number.as_str(), s.symbol),
                (DocType::KeHoach, "223", None),
                "{input}"
            );
        }
        let s = DirectiveSpec::parse("223", Some(DocType::KeHoach)).unwrap();
        assert_eq!(s.number, "223");
        assert_eq!(DirectiveSpec::parse("223", None), Err(SpecError::NeedsType));
        assert!(DirectiveSpec::parse("hello", None).is_err());
    }

    #[test]
    fn a_citation_as_a_text_writes_it_states_its_type() {
        for (input, doc_type, symbol) in [
            ("Đề án số 34-ĐA/TU", DocType::DeAn, "34-ĐA/TU"),
            ("Đề án số 34- ĐA/TU", DocType::DeAn, "34-ĐA/TU"),
            ("Quy định số 44-QĐ/TU", DocType::QuyDinh, "44-QĐ/TU"),
            ("quy dinh so: 44-qđ/tu", DocType::QuyDinh, "44-QĐ/TU"),
            ("Quyết định 1250-QĐ/TU", DocType::QuyetDinh, "1250-QĐ/TU"),
            ("Kế hoạch số 188-KH/TU", DocType::KeHoach, "188-KH/TU"),
            (
                "Chương trình hành động số 03-CTHĐ/TU",
                DocType::ChuongTrinhHanhDong,
                "03-CTHĐ/TU",
            ),
            (
                "Hướng dẫn Số: 25-HD/BTCTW",
                DocType::HuongDan,
                "25-HD/BTCTW",
            ),
        ] {
            let s = DirectiveSpec::parse(input, None).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(s.doc_type, doc_type, "{input}");
            assert_eq!(s.symbol.map(|s| s.to_string()).as_deref(), Some(symbol));
            assert_eq!(DirectiveSpec::stated_type(input), Some(doc_type), "{input}");
        }
        // A type given explicitly still wins where the code may be either;
        // elsewhere a type the text contradicts is refused.
        let s = DirectiveSpec::parse("Quy định số 44-QĐ/TU", Some(DocType::QuyetDinh)).unwrap();
        assert_eq!(s.doc_type, DocType::QuyetDinh);
        assert!(matches!(
            DirectiveSpec::parse("Nghị quyết số 16-NQ/TW", Some(DocType::KeHoach)),
            Err(SpecError::TypeContradicts { .. })
        ));
        assert!(matches!(
            DirectiveSpec::parse("Kế hoạch số 17", Some(DocType::NghiQuyet)),
            Err(SpecError::TypeContradicts { .. })
        ));
        // Type and number; a bare symbol states no type.
        assert_eq!(
            DirectiveSpec::stated_type("Kế hoạch số 223"),
            Some(DocType::KeHoach)
        );
        assert_eq!(DirectiveSpec::stated_type("44-QĐ/TU"), None);
        // A wrong code in a citation is named; other words are no type.
        assert_eq!(
            DirectiveSpec::parse("Đề án số 34-XX/TU", None),
            Err(SpecError::Symbol(SymbolError::UnknownType("XX".into())))
        );
        assert!(DirectiveSpec::parse("Văn bản số 34-ĐA/TU", None).is_err());
        assert!(DirectiveSpec::parse("Đề án", None).is_err());
    }
}

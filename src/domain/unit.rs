//! Party organizations (units) and the rules of their tree.

use serde::Serialize;

use crate::text::fold;

/// The kinds of Party organization, from the committee down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum UnitKind {
    /// Đảng bộ cấp trên cơ sở: the committee that uses the tool.
    DangBoCapTren,
    /// Đảng bộ cơ sở: a grassroots committee with chi bộ of its own.
    DangBoCoSo,
    /// Chi bộ cơ sở: a grassroots cell with no sub-units.
    ChiBoCoSo,
    /// Đảng bộ bộ phận: a section committee under a đảng bộ cơ sở.
    DangBoBoPhan,
    /// Chi bộ trực thuộc: a cell under a đảng bộ cơ sở or bộ phận.
    ChiBoTrucThuoc,
}

impl UnitKind {
    /// Every kind, from the top of the tree down.
    pub const ALL: [UnitKind; 5] = [
        UnitKind::DangBoCapTren,
        UnitKind::DangBoCoSo,
        UnitKind::ChiBoCoSo,
        UnitKind::DangBoBoPhan,
        UnitKind::ChiBoTrucThuoc,
    ];

    /// The stable ASCII name used in files, JSON and the database.
    pub fn slug(self) -> &'static str {
        match self {
            UnitKind::DangBoCapTren => "dang-bo-cap-tren",
            UnitKind::DangBoCoSo => "dang-bo-co-so",
            UnitKind::ChiBoCoSo => "chi-bo-co-so",
            UnitKind::DangBoBoPhan => "dang-bo-bo-phan",
            UnitKind::ChiBoTrucThuoc => "chi-bo-truc-thuoc",
        }
    }

    /// The kind with exactly this slug (as stored).
    pub fn from_slug(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// The kind's name in the Party's own terms (Vietnamese), as documents
    /// write it whatever the interface language.
    pub fn official_name(self) -> &'static str {
        match self {
            UnitKind::DangBoCapTren => "Đảng bộ cấp trên cơ sở",
            UnitKind::DangBoCoSo => "Đảng bộ cơ sở",
            UnitKind::ChiBoCoSo => "Chi bộ cơ sở",
            UnitKind::DangBoBoPhan => "Đảng bộ bộ phận",
            UnitKind::ChiBoTrucThuoc => "Chi bộ trực thuộc",
        }
    }

    /// Reads a kind from its slug or its official name, with or without
    /// accents: `chi-bo-co-so`, `chi bộ cơ sở`, `Chi bo co so`. (Names in
    /// the interface language are read at the edge.)
    pub fn parse(s: &str) -> Option<UnitKind> {
        if let Some(kind) = UnitKind::from_slug(s) {
            return Some(kind);
        }
        let key = fold(s).replace(['-', '_'], " ");
        UnitKind::ALL
            .into_iter()
            .find(|k| key == k.slug().replace('-', " ") || key == fold(k.official_name()))
    }

    /// Whether a unit of this kind may sit directly under `parent`
    /// (`None`: at the root of the tree).
    pub fn may_sit_under(self, parent: Option<UnitKind>) -> bool {
        use UnitKind::*;
        match self {
            DangBoCapTren => matches!(parent, None | Some(DangBoCapTren)),
            DangBoCoSo | ChiBoCoSo => parent == Some(DangBoCapTren),
            DangBoBoPhan => parent == Some(DangBoCoSo),
            ChiBoTrucThuoc => matches!(parent, Some(DangBoCoSo | DangBoBoPhan)),
        }
    }

    /// Whether units of this kind may have units under them.
    pub fn has_children(self) -> bool {
        !matches!(self, UnitKind::ChiBoCoSo | UnitKind::ChiBoTrucThuoc)
    }

    /// The kinds a unit of this kind may sit under, for error messages.
    pub fn allowed_parents(self) -> Vec<UnitKind> {
        UnitKind::ALL
            .into_iter()
            .filter(|p| self.may_sit_under(Some(*p)))
            .collect()
    }
}

impl From<UnitKind> for &'static str {
    fn from(k: UnitKind) -> Self {
        k.slug()
    }
}

/// A unit as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent_id: Option<i64>,
}

/// Whether a text may serve as a new code (of a unit, task or person): a
/// stored code (`is_stored_code`) that does not begin with `-`, which a
/// command line would read as an option.
pub fn is_valid_code(code: &str) -> bool {
    is_stored_code(code) && !code.starts_with('-')
}

/// Whether a text may be a code already recorded: short ASCII letters,
/// digits, `-`, `_`, `.`. An older file may hold a code that begins with
/// `-`: it is still read, exported and imported.
pub fn is_stored_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use UnitKind::*;

    #[test]
    fn kinds_parse_from_slug_and_words() {
        for s in [
            "chi-bo-co-so",
            "chi bộ cơ sở",
            "Chi bo co so",
            "CHI BỘ CƠ SỞ",
            "chi_bo_co_so",
        ] {
            assert_eq!(UnitKind::parse(s), Some(ChiBoCoSo), "{s}");
        }
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::parse(k.slug()), Some(k));
        }
        assert_eq!(UnitKind::parse("chi bộ"), None);
    }

    #[test]
    fn tree_rules() {
        assert!(DangBoCapTren.may_sit_under(None));
        assert!(DangBoCoSo.may_sit_under(Some(DangBoCapTren)));
        assert!(!DangBoCoSo.may_sit_under(None));
        assert!(ChiBoTrucThuoc.may_sit_under(Some(DangBoCoSo)));
        assert!(ChiBoTrucThuoc.may_sit_under(Some(DangBoBoPhan)));
        assert!(!ChiBoTrucThuoc.may_sit_under(Some(DangBoCapTren)));
        assert!(!ChiBoTrucThuoc.may_sit_under(Some(ChiBoCoSo)));
        assert!(!DangBoBoPhan.may_sit_under(Some(DangBoCapTren)));
    }
}

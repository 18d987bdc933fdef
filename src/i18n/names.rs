//! Names of unit kinds, document types, ratings, rules and statuses.

use super::tr;
use super::{Text, t};
use crate::domain::directive::Directive;
use crate::domain::{DirectiveSpec, DocType, Rating, Secrecy, Status, UnitKind, Urgency};
use crate::text::fold;

// Unit kinds, document types and ratings: the Vietnamese is the domain's
// official name; the English is the interface's.

pub fn unit_kind(k: UnitKind) -> Text {
    let en = match k {
        UnitKind::DangBoCapTren => "Upper-level Party committee",
        UnitKind::DangBoCoSo => "Grassroots Party committee",
        UnitKind::ChiBoCoSo => "Grassroots Party cell",
        UnitKind::DangBoBoPhan => "Section Party committee",
        UnitKind::ChiBoTrucThuoc => "Affiliated Party cell",
    };
    t(k.official_name(), en)
}

pub fn doc_type(d: DocType) -> Text {
    use DocType::*;
    let en = match d {
        NghiQuyet => "Resolution",
        QuyetDinh => "Decision",
        QuyDinh => "Regulation",
        ChiThi => "Directive",
        KetLuan => "Conclusion",
        QuyChe => "Statute",
        ThongTri => "Circular",
        HuongDan => "Guideline",
        ThongBao => "Notice",
        BaoCao => "Report",
        KeHoach => "Plan",
        ChuongTrinh => "Programme",
        ChuongTrinhHanhDong => "Action programme",
        DeAn => "Scheme",
        ToTrinh => "Submission",
        CongVan => "Official letter",
        BienBan => "Minutes",
    };
    t(d.official_name(), en)
}

pub fn rating(r: Rating) -> Text {
    let en = match r {
        Rating::Htxsnv => "Excellent",
        Rating::Httnv => "Good",
        Rating::Htnv => "Satisfactory",
        Rating::Khtnv => "Unsatisfactory",
    };
    t(r.official_name(), en)
}

/// A unit kind in the language in force.
impl std::fmt::Display for UnitKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(unit_kind(*self).get())
    }
}

/// A document type in the language in force.
impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(doc_type(*self).get())
    }
}

/// `Kế hoạch số 223` / `Plan no. 223`, for a directive with no symbol.
pub fn number_only_label(d: DocType, number: &str) -> String {
    tr!(NUMBER_ONLY, doc_type = doc_type(d).get(), number = number)
}

/// How a directive is shown to a person: its symbol, else `Kế hoạch số 223`.
pub fn label(d: &Directive) -> String {
    match &d.symbol {
        Some(s) => s.clone(),
        None => number_only_label(d.doc_type, &d.number),
    }
}

/// A directive as data cites it (`44-QĐ/TU`, `Kế hoạch số 223`), for a
/// person reading the interface language: `Plan no. 223` in English.
pub fn citation_label(citation: &str) -> String {
    match DirectiveSpec::parse(citation, None) {
        Ok(spec) if spec.symbol.is_none() => spec_label(&spec),
        _ => citation.to_string(),
    }
}

/// As `label`, for a directive not yet recorded.
pub fn spec_label(spec: &DirectiveSpec) -> String {
    match &spec.symbol {
        Some(s) => s.to_string(),
        None => number_only_label(spec.doc_type, &spec.number),
    }
}

/// A unit kind typed by a person: as the domain reads it, or by its
/// English name.
pub fn parse_kind(s: &str) -> Option<UnitKind> {
    UnitKind::parse(s).or_else(|| {
        let key = fold(s).replace(['-', '_'], " ");
        UnitKind::ALL
            .into_iter()
            .find(|k| key == fold(unit_kind(*k).en))
    })
}

/// A document type typed by a person, also by its English name.
pub fn parse_doc_type(s: &str) -> Option<DocType> {
    DocType::parse(s).or_else(|| {
        let key = fold(s).replace('-', " ");
        DocType::ALL
            .into_iter()
            .find(|d| key == fold(doc_type(*d).en))
    })
}

/// A rating typed by a person, also by its English name.
pub fn parse_rating(s: &str) -> Option<Rating> {
    Rating::parse(s).or_else(|| {
        let key = fold(s);
        Rating::ALL.into_iter().find(|r| key == fold(rating(*r).en))
    })
}

/// A rule's name in words, beside its slug in `theodoi rules`.
pub fn rule_name(name: &str) -> Text {
    match name {
        "htxsnv-quota-pct" => t("Tỷ lệ HTXSNV tối đa", "HTXSNV quota"),
        "lower-levels-first" => t("Cấp dưới hoàn thành trước", "Lower levels first"),
        "min-age-months" => t(
            "Thời gian hoạt động tối thiểu để xếp loại",
            "Minimum age to be rated",
        ),
        _ => t("", ""),
    }
}

/// What a rule checks, for `theodoi rules`.
pub fn rule_description(name: &str) -> Text {
    match name {
        "htxsnv-quota-pct" => t(
            "Số HTXSNV không được vượt quá tỷ lệ % này của số HTTNV trong các tổ chức đảng cùng một cấp trên trực tiếp",
            "HTXSNV may be at most this percentage of HTTNV within one group",
        ),
        "lower-levels-first" => t(
            "Đảng bộ chỉ được ghi hoàn thành vào một ngày khi mọi tổ chức đảng trực thuộc có cùng nhiệm vụ đã hoàn thành trước hoặc trong ngày đó (gõ on để bật, off để tắt)",
            "A Party committee is recorded done on a day only when every unit under it that owes the task was done by that day (on/off)",
        ),
        "min-age-months" => t(
            "Tổ chức đảng thành lập chưa đủ số tháng này thì không xếp loại",
            "Units younger than this many months are not rated",
        ),
        _ => t("", ""),
    }
}

pub fn status(s: Status) -> Text {
    match s {
        Status::DoneOnTime => t("hoàn thành đúng hạn", "done on time"),
        Status::DoneLate => t("hoàn thành quá hạn", "done late"),
        Status::Open => t("chưa hoàn thành, trong hạn", "open"),
        Status::Overdue => t("chưa hoàn thành, quá hạn", "overdue"),
        Status::Cancelled => t("dừng theo dõi", "no longer tracked"),
    }
}

/// A status as a table cell says it, worded once for every report: `Hoàn
/// thành đúng hạn`, `Chưa hoàn thành, trong hạn (còn 3 ngày)`, `Chưa hoàn
/// thành, trong hạn (đến hạn ngày 06/12/2023)`, `Chưa hoàn thành, quá hạn 7
/// ngày`, `Dừng theo dõi (lý do)`. `days_left` is counted from the report's
/// day (`None`: not said).
pub fn status_cell(
    s: Status,
    days_overdue: i64,
    days_left: Option<i64>,
    due_on: chrono::NaiveDate,
    cancelled_reason: Option<&str>,
) -> String {
    let name = super::capitalized(status(s).get());
    match s {
        Status::Cancelled => match cancelled_reason {
            Some(reason) => format!("{name} ({reason})"),
            None => name,
        },
        Status::Overdue => match days_overdue {
            1 => super::STATUS_ONE_DAY_LATE.get().to_string(),
            n => tr!(super::STATUS_DAYS_LATE, n = n),
        },
        Status::Open => match days_left {
            Some(0) => tr!(
                super::STATUS_LEFT,
                left = tr!(
                    super::DUE_ON_DAY,
                    date = crate::text::date::format_dmy(due_on)
                )
            ),
            Some(1) => tr!(super::STATUS_LEFT, left = super::ONE_DAY_LEFT.get()),
            Some(n) => tr!(super::STATUS_LEFT, left = tr!(super::DAYS_LEFT, n = n)),
            None => name,
        },
        Status::DoneOnTime | Status::DoneLate => name,
    }
}

/// Days as a count under a header that says what they count (`Số ngày còn
/// lại`): `5 ngày`, `1 ngày`.
pub fn days_count(n: i64) -> String {
    match n {
        1 => super::ONE_DAY.get().to_string(),
        n => tr!(super::DAYS, n = n),
    }
}

pub const NUMBER_ONLY: Text = t("{doc_type} số {number}", "{doc_type} no. {number}");
pub const MORE: Text = t(" … và {n} mục khác", " … and {n} more");

/// `44-QĐ/TU ngày 23/11/2023 của Ban Thường vụ Thị ủy Sơn Tây`; `Kế
/// hoạch số 223 (chưa rõ ngày) của …` while the date is unknown.
pub fn describe(d: &Directive) -> String {
    match d.issued_on {
        Some(day) => tr!(
            super::DIRECTIVE_DESCRIBED,
            label = label(d),
            date = crate::text::date::format_dmy(day),
            issuer = d.issuer
        ),
        None => tr!(
            super::DIRECTIVE_DESCRIBED_UNDATED,
            label = label(d),
            issuer = d.issuer
        ),
    }
}

/// An issue date as a table shows it: `dd/mm/yyyy`, or `chưa rõ ngày`.
pub fn issue_date(day: Option<chrono::NaiveDate>) -> String {
    match day {
        Some(day) => crate::text::date::format_dmy(day),
        None => super::DATE_UNKNOWN.get().to_string(),
    }
}

/// A unit kind inside a sentence: `chi bộ trực thuộc`, not `Chi bộ …`.
pub fn kind_in_text(k: UnitKind) -> String {
    let name = unit_kind(k).get();
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A field a text does not state, as `extract` names it.
pub fn unsure_name(u: crate::extract::Unsure) -> Text {
    use crate::extract::Unsure::*;
    match u {
        Issuer => t("cơ quan ban hành", "issuer"),
        IssuedOn => t("ngày ban hành", "issue date"),
        Subject => t("trích yếu", "subject"),
        UnitKind => t("loại tổ chức đảng", "unit kind"),
        Due => t("hạn hoàn thành", "due date"),
    }
}

/// What `extract --apply` lacks to record something.
pub fn missing_name(m: &crate::app::extract::Missing) -> String {
    use crate::app::extract::Missing::*;
    match m {
        Issuer => unsure_name(crate::extract::Unsure::Issuer)
            .get()
            .to_string(),
        IssuedOn => unsure_name(crate::extract::Unsure::IssuedOn)
            .get()
            .to_string(),
        Subject => unsure_name(crate::extract::Unsure::Subject)
            .get()
            .to_string(),
        UnitKind => unsure_name(crate::extract::Unsure::UnitKind)
            .get()
            .to_string(),
        Unit(name) => tr!(
            t(
                "tổ chức đảng «{unit}» (không có, hoặc có nhiều tổ chức đảng trùng tên)",
                "the unit «{unit}» (none, or several, of that name)"
            ),
            unit = name
        ),
        Title => t("tên nhiệm vụ", "task title").get().to_string(),
        Directive => t(
            "văn bản đặt ra các thời hạn (chưa ghi được)",
            "the directive that sets them (not recorded)",
        )
        .get()
        .to_string(),
        Due => unsure_name(crate::extract::Unsure::Due).get().to_string(),
    }
}

/// A list of what is missing, in the interface language.
pub fn missing_names(missing: &[crate::app::extract::Missing]) -> String {
    missing
        .iter()
        .map(missing_name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A classification in the language in force (`Mật` / `Confidential`).
pub fn secrecy(m: Secrecy) -> Text {
    let en = match m {
        Secrecy::Mat => "Confidential",
        Secrecy::ToiMat => "Secret",
        Secrecy::TuyetMat => "Top secret",
    };
    t(m.official_name(), en)
}

/// An urgency in the language in force (`Hỏa tốc` / `Immediate`).
pub fn urgency(m: Urgency) -> Text {
    let en = match m {
        Urgency::Khan => "Urgent",
        Urgency::ThuongKhan => "Very urgent",
        Urgency::HoaToc => "Immediate",
    };
    t(m.official_name(), en)
}

/// A classification typed by a person: as the domain reads it, or by its
/// English name.
pub fn parse_secrecy(s: &str) -> Option<Secrecy> {
    Secrecy::parse(s).or_else(|| {
        let key = fold(s).replace(['-', '_'], " ");
        Secrecy::ALL
            .into_iter()
            .find(|m| key == fold(secrecy(*m).en))
    })
}

/// An urgency typed by a person, also by its English name.
pub fn parse_urgency(s: &str) -> Option<Urgency> {
    Urgency::parse(s).or_else(|| {
        let key = fold(s).replace(['-', '_'], " ");
        Urgency::ALL
            .into_iter()
            .find(|m| key == fold(urgency(*m).en))
    })
}

/// A directive's citation as data has it, with its classification when it
/// carries one: `188-KH/TU (Mật)`, as a marked document is cited; `Plan
/// no. 223` in English for one known only by number.
pub fn marked_citation(citation: &str, mark: Option<Secrecy>) -> String {
    let label = citation_label(citation);
    match mark {
        Some(m) => crate::domain::marks::masked(&label, m),
        None => label,
    }
}

/// A directive's label with its marks for a table: `188-KH/TU (Tối mật,
/// Hỏa tốc)`, `188-KH/TU (Khẩn)`; the stamps' own words, as the masked
/// form writes them.
pub fn marked_label(citation: &str, secrecy: Option<Secrecy>, urgency: Option<Urgency>) -> String {
    let label = citation_label(citation);
    let marks: Vec<&str> = secrecy
        .map(Secrecy::official_name)
        .into_iter()
        .chain(urgency.map(Urgency::official_name))
        .collect();
    if marks.is_empty() {
        label
    } else {
        format!("{label} ({})", marks.join(", "))
    }
}

/// The marks a directive carries, in the language in force, for a table:
/// `Mật, Hỏa tốc`; empty when none.
pub fn marks_text(secrecy_mark: Option<Secrecy>, urgency_mark: Option<Urgency>) -> String {
    let mut parts = Vec::new();
    if let Some(m) = secrecy_mark {
        parts.push(secrecy(m).get());
    }
    if let Some(m) = urgency_mark {
        parts.push(urgency(m).get());
    }
    parts.join(", ")
}

//! Names of unit kinds, document types, ratings, rules and statuses.

use super::tr;
use super::{Text, t};
use crate::domain::{DocType, Status, UnitKind};

// Unit kinds and document types.

pub fn unit_kind(k: UnitKind) -> Text {
    match k {
        UnitKind::DangBoCapTren => t("Đảng bộ cấp trên cơ sở", "Upper-level Party committee"),
        UnitKind::DangBoCoSo => t("Đảng bộ cơ sở", "Grassroots Party committee"),
        UnitKind::ChiBoCoSo => t("Chi bộ cơ sở", "Grassroots Party cell"),
        UnitKind::DangBoBoPhan => t("Đảng bộ bộ phận", "Section Party committee"),
        UnitKind::ChiBoTrucThuoc => t("Chi bộ trực thuộc", "Affiliated Party cell"),
    }
}

pub fn doc_type(d: DocType) -> Text {
    use DocType::*;
    match d {
        NghiQuyet => t("Nghị quyết", "Resolution"),
        QuyetDinh => t("Quyết định", "Decision"),
        QuyDinh => t("Quy định", "Regulation"),
        ChiThi => t("Chỉ thị", "Directive"),
        KetLuan => t("Kết luận", "Conclusion"),
        QuyChe => t("Quy chế", "Statute"),
        ThongTri => t("Thông tri", "Circular"),
        HuongDan => t("Hướng dẫn", "Guideline"),
        ThongBao => t("Thông báo", "Notice"),
        BaoCao => t("Báo cáo", "Report"),
        KeHoach => t("Kế hoạch", "Plan"),
        ChuongTrinh => t("Chương trình", "Programme"),
        ChuongTrinhHanhDong => t("Chương trình hành động", "Action programme"),
        DeAn => t("Đề án", "Scheme"),
        ToTrinh => t("Tờ trình", "Submission"),
        CongVan => t("Công văn", "Official letter"),
        BienBan => t("Biên bản", "Minutes"),
    }
}

/// `Kế hoạch số 223` / `Plan no. 223`, for a directive with no symbol.
pub fn number_only_label(d: DocType, number: &str) -> String {
    tr!(NUMBER_ONLY, doc_type = doc_type(d).get(), number = number)
}

pub fn rating(r: crate::domain::Rating) -> Text {
    use crate::domain::Rating::*;
    match r {
        Htxsnv => t("Hoàn thành xuất sắc nhiệm vụ", "Excellent"),
        Httnv => t("Hoàn thành tốt nhiệm vụ", "Good"),
        Htnv => t("Hoàn thành nhiệm vụ", "Satisfactory"),
        Khtnv => t("Không hoàn thành nhiệm vụ", "Unsatisfactory"),
    }
}

/// What a rule checks, for `theodoi rules`.
pub fn rule_description(name: &str) -> Text {
    match name {
        "htxsnv-quota-pct" => t(
            "Số xếp loại HTXSNV không quá tỷ lệ % này của số HTTNV trong cùng một nhóm",
            "HTXSNV may be at most this percentage of HTTNV within one group",
        ),
        "lower-levels-first" => t(
            "Đảng bộ chỉ được ghi hoàn thành kiểm điểm sau khi mọi chi bộ trực thuộc đã xong (on/off)",
            "A đảng bộ's review is recorded only after all its chi bộ's (on/off)",
        ),
        "min-age-months" => t(
            "Tổ chức đảng thành lập chưa đủ số tháng này thì không xếp loại",
            "Organizations younger than this many months are not rated",
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
        Status::Cancelled => t("không còn hiệu lực", "cancelled"),
    }
}

pub const NUMBER_ONLY: Text = t("{doc_type} số {number}", "{doc_type} no. {number}");
pub const MORE: Text = t(" … và {n} mục khác", " … and {n} more");

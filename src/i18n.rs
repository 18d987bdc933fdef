//! Every string a user reads, in Vietnamese (the default) and English.
//! Messages are `Text` constants filled by `tr!`; command help is keyed by
//! the command path (see `help`).

use std::fmt::Display;
use std::sync::OnceLock;

use crate::domain::{DocType, Status, UnitKind};

/// The language of everything printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en` (also `vi-VN`, `en_US.UTF-8`…); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("vi") {
            Some(Lang::Vi)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language once, at start-up. Later calls are ignored.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in force.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// One piece of text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in the language in force.
    pub fn get(&self) -> &'static str {
        match lang() {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

const fn t(vi: &'static str, en: &'static str) -> Text {
    Text { vi, en }
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// `tr!(TEXT)` or `tr!(TEXT, name = value, …)`: a message in the language in force.
macro_rules! tr {
    ($text:expr) => { $text.get().to_string() };
    ($text:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill($text.get(), &[$((stringify!($name), &$value as &dyn std::fmt::Display)),+])
    };
}
pub(crate) use tr;

/// At most ten candidates, joined for a one-line error.
pub fn candidates(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let mut shown = items
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if items.len() > 10 {
        shown.push_str(&tr!(MORE, n = items.len() - 10));
    }
    shown
}

/// A list of accepted values, for error messages.
pub fn accepted(values: impl Iterator<Item = String>) -> String {
    values.collect::<Vec<_>>().join(", ")
}

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

// Table headers.

pub const H_CODE: Text = t("Mã", "Code");
pub const H_UNIT: Text = t("Đơn vị", "Unit");
pub const H_KIND: Text = t("Loại đơn vị", "Kind");
pub const H_PARENT: Text = t("Cấp trên trực tiếp", "Parent");
pub const H_DIRECTIVE: Text = t("Văn bản", "Directive");
pub const H_SYMBOL: Text = t("Số, ký hiệu", "Number and symbol");
pub const H_TYPE: Text = t("Loại văn bản", "Type");
pub const H_ISSUER: Text = t("Cơ quan ban hành", "Issuer");
pub const H_ISSUED_ON: Text = t("Ngày ban hành", "Issued on");
pub const H_TITLE: Text = t("Trích yếu", "Subject");
pub const H_TASK: Text = t("Nhiệm vụ", "Task");
pub const H_DUE: Text = t("Hạn hoàn thành", "Due");
pub const H_DAYS_OVERDUE: Text = t("Số ngày quá hạn", "Days overdue");
pub const H_UNITS: Text = t("Số đơn vị", "Units");
pub const H_DAYS_LEFT: Text = t("Còn (ngày)", "Days left");
pub const H_COMPLETED_ON: Text = t("Ngày hoàn thành", "Completed on");
pub const H_STATUS: Text = t("Tình trạng", "Status");
pub const H_TOTAL: Text = t("Tổng số", "Total");

// Messages.

pub const DB_NOT_FOUND: Text = t(
    "chưa có cơ sở dữ liệu {path}; hãy chạy `theodoi init` để tạo, hoặc chỉ đúng tệp bằng --db hay THEODOI_DB",
    "no database at {path}; run `theodoi init` to create it, or point --db or THEODOI_DB at the right file",
);
pub const DB_TOO_NEW: Text = t(
    "cơ sở dữ liệu {path} ở phiên bản {found}, mới hơn phiên bản {known} mà bản theodoi này hiểu; hãy cài bản theodoi mới hơn (tệp không bị thay đổi)",
    "database {path} is at version {found}, newer than version {known} that this theodoi understands; install a newer theodoi (the file was not changed)",
);
pub const DB_OPEN: Text = t(
    "không mở được cơ sở dữ liệu {path}",
    "could not open database {path}",
);
pub const DB_MIGRATE: Text = t(
    "không nâng cấp được cơ sở dữ liệu lên phiên bản {version}",
    "could not upgrade the database to version {version}",
);
pub const DB_CREATE_DIR: Text = t(
    "không tạo được thư mục {path}",
    "could not create directory {path}",
);
pub const NO_DATA_DIR: Text = t(
    "không tìm thấy thư mục dữ liệu của người dùng; hãy chỉ tệp cơ sở dữ liệu bằng --db hoặc THEODOI_DB",
    "no user data directory found; give the database file with --db or THEODOI_DB",
);
pub const INIT_CREATED: Text = t("đã tạo cơ sở dữ liệu {path}", "created database {path}");
pub const INIT_EXISTS: Text = t(
    "cơ sở dữ liệu {path} đã có (phiên bản {version}); không thay đổi gì",
    "database {path} already exists (version {version}); nothing changed",
);
pub const BAD_DATE_SHAPE: Text = t(
    "ngày không hợp lệ '{input}': hãy viết dd/mm/yyyy (06/12/2023), d-m-yyyy (6-12-2023), d.m.yyyy, yyyy-mm-dd hoặc 'ngày 6 tháng 12 năm 2023'",
    "invalid date '{input}': write dd/mm/yyyy (06/12/2023), d-m-yyyy (6-12-2023), d.m.yyyy, yyyy-mm-dd or 'ngày 6 tháng 12 năm 2023'",
);
pub const BAD_DATE_DAY: Text = t(
    "ngày không tồn tại '{input}': kiểm tra lại ngày và tháng (dd/mm/yyyy)",
    "no such day '{input}': check the day and month (dd/mm/yyyy)",
);
pub const BAD_SYMBOL: Text = t(
    "số, ký hiệu không hợp lệ '{input}': hãy viết SỐ-LOẠI/CƠ QUAN như 188-KH/TU, hoặc loại và số như 'Kế hoạch số 223'",
    "invalid number and symbol '{input}': write NUMBER-TYPE/ISSUER such as 188-KH/TU, or a type and number such as 'Kế hoạch số 223'",
);
pub const BAD_TYPE_CODE: Text = t(
    "ký hiệu '{input}' có loại văn bản '{code}' không có trong danh mục; chấp nhận: {accepted}",
    "symbol '{input}' has an unknown type code '{code}'; accepted: {accepted}",
);
pub const NEEDS_TYPE: Text = t(
    "'{input}' chỉ có số; hãy cho biết loại văn bản bằng --type (ví dụ --type ke-hoach) hoặc viết 'Kế hoạch số {input}'",
    "'{input}' is only a number; give the type with --type (e.g. --type ke-hoach) or write 'Kế hoạch số {input}'",
);
pub const BAD_DOC_TYPE: Text = t(
    "loại văn bản không hợp lệ '{input}'; chấp nhận: {accepted}",
    "unknown directive type '{input}'; accepted: {accepted}",
);
pub const BAD_KIND: Text = t(
    "loại đơn vị không hợp lệ '{input}'; chấp nhận: {accepted}",
    "unknown unit kind '{input}'; accepted: {accepted}",
);
pub const BAD_DUE_SHAPE: Text = t(
    "thời hạn không hợp lệ '{input}': hãy viết LOẠI=NGÀY, ví dụ chi-bo-co-so=06/12/2023",
    "invalid due date '{input}': write KIND=DATE, e.g. chi-bo-co-so=06/12/2023",
);
pub const BAD_LANG: Text = t(
    "ngôn ngữ không hợp lệ '{input}'; chấp nhận: vi, en",
    "unknown language '{input}'; accepted: vi, en",
);
pub const EMPTY_TEXT: Text = t("{what} không được để trống", "{what} must not be empty");
pub const WHAT_ISSUER: Text = t("cơ quan ban hành (--issuer)", "the issuer (--issuer)");
pub const WHAT_TITLE: Text = t("trích yếu (--title)", "the subject (--title)");
pub const WHAT_NAME: Text = t("tên đơn vị", "the unit name");
pub const DIRECTIVE_DESCRIBED: Text = t(
    "{label} ngày {date} của {issuer}",
    "{label} of {date} by {issuer}",
);
pub const DIRECTIVE_EXISTS: Text = t(
    "văn bản này đã có: {directive}; không thêm lần nữa",
    "this directive is already recorded: {directive}; not added again",
);
pub const DIRECTIVE_ADDED: Text = t("đã thêm văn bản {directive}", "added directive {directive}");
pub const DIRECTIVE_NOT_FOUND: Text = t(
    "không tìm thấy văn bản '{input}'; xem danh sách bằng `theodoi directive list`",
    "no directive matches '{input}'; see `theodoi directive list`",
);
pub const DIRECTIVE_AMBIGUOUS: Text = t(
    "'{input}' khớp với nhiều văn bản, hãy thêm --issuer hoặc --date để chọn: {candidates}",
    "'{input}' matches several directives; add --issuer or --date to choose: {candidates}",
);
pub const UNIT_NOT_FOUND: Text = t(
    "không tìm thấy đơn vị '{input}'; xem danh sách bằng `theodoi unit list`",
    "no unit matches '{input}'; see `theodoi unit list`",
);
pub const UNIT_AMBIGUOUS: Text = t(
    "'{input}' khớp với nhiều đơn vị, hãy dùng mã hoặc tên đầy đủ: {candidates}",
    "'{input}' matches several units; use the code or the full name: {candidates}",
);
pub const UNIT_CODE_TAKEN: Text = t(
    "mã đơn vị '{code}' đã dùng cho {name}",
    "unit code '{code}' is already used by {name}",
);
pub const UNIT_BAD_CODE: Text = t(
    "mã đơn vị không hợp lệ '{code}': chỉ dùng chữ không dấu, chữ số và - _ . (tối đa 40 ký tự)",
    "invalid unit code '{code}': use unaccented letters, digits and - _ . (at most 40 characters)",
);
pub const UNIT_BAD_PARENT: Text = t(
    "{kind} không thể trực thuộc {parent} ({parent_kind}); cấp trên trực tiếp phải là: {allowed}",
    "a {kind} cannot sit under {parent} ({parent_kind}); its parent must be: {allowed}",
);
pub const UNIT_NEEDS_PARENT: Text = t(
    "{kind} cần có cấp trên trực tiếp (--parent), là: {allowed}",
    "a {kind} needs a parent (--parent): {allowed}",
);
pub const UNIT_ADDED: Text = t(
    "đã thêm đơn vị {name} (mã {code})",
    "added unit {name} (code {code})",
);
pub const IMPORT_READ: Text = t("không đọc được tệp {path}", "could not read file {path}");
pub const IMPORT_COLUMNS: Text = t(
    "tệp {path} thiếu cột {column}; dòng đầu phải là: {columns}",
    "file {path} lacks column {column}; the first line must be: {columns}",
);
pub const IMPORT_PROGRESS: Text = t("đơn vị", "units");
pub const IMPORT_ROW: Text = t("dòng {line}: {reason}", "line {line}: {reason}");
pub const IMPORT_FAILED: Text = t(
    "tệp {path} có {n} dòng lỗi, không ghi gì: {errors}",
    "file {path} has {n} bad lines; nothing written: {errors}",
);
pub const IMPORT_PARENT_UNKNOWN: Text = t(
    "không có cấp trên '{parent}' (trong tệp hay trong cơ sở dữ liệu)",
    "parent '{parent}' is neither in the file nor in the database",
);
pub const IMPORT_CYCLE: Text = t(
    "cấp trên '{parent}' tạo thành vòng lặp trong cây đơn vị",
    "parent '{parent}' makes a cycle in the unit tree",
);
pub const IMPORT_DUPLICATE: Text = t(
    "mã '{code}' đã có ở dòng {line}",
    "code '{code}' already appears on line {line}",
);
pub const IMPORT_DONE: Text = t(
    "đã nhập {n} đơn vị từ {path}",
    "imported {n} units from {path}",
);
pub const IMPORT_DRY_RUN: Text = t(
    "tệp {path} hợp lệ: {n} đơn vị sẽ được nhập (chạy thử, không ghi gì)",
    "file {path} is valid: {n} units would be imported (dry run, nothing written)",
);
pub const TASK_CODE_TAKEN: Text = t(
    "mã nhiệm vụ '{code}' đã có; hãy chọn mã khác bằng --code",
    "task code '{code}' is already used; choose another with --code",
);
pub const TASK_NO_UNITS: Text = t(
    "không có đơn vị nào thuộc loại {kinds} trong {scope}; nhiệm vụ không được tạo",
    "no unit of kind {kinds} in {scope}; the task was not created",
);
pub const TASK_SCOPE_ALL: Text = t("toàn bộ cây đơn vị", "the whole unit tree");
pub const TASK_ADDED: Text = t(
    "đã thêm nhiệm vụ {code} ({title}) của văn bản {directive}: {n} đơn vị phải thực hiện",
    "added task {code} ({title}) of {directive}: {n} units must carry it out",
);
pub const TASK_DUPLICATE_KIND: Text = t(
    "loại đơn vị {kind} có hai thời hạn; mỗi loại chỉ một --due",
    "unit kind {kind} has two due dates; give one --due per kind",
);
pub const TASK_NOT_FOUND: Text = t(
    "không tìm thấy nhiệm vụ '{input}'; xem danh sách bằng `theodoi task list`",
    "no task matches '{input}'; see `theodoi task list`",
);
pub const TASK_AMBIGUOUS: Text = t(
    "'{input}' khớp với nhiều nhiệm vụ, hãy dùng mã nhiệm vụ: {candidates}",
    "'{input}' matches several tasks; use the task code: {candidates}",
);
pub const DONE_NOT_APPLICABLE: Text = t(
    "nhiệm vụ {task} không áp dụng cho {unit}",
    "task {task} does not apply to {unit}",
);
pub const DONE_ALREADY: Text = t(
    "{unit} đã được ghi hoàn thành nhiệm vụ {task} ngày {date}; muốn sửa thì thêm --correct (bản ghi cũ vẫn lưu trong nhật ký)",
    "{unit} is already recorded as having done task {task} on {date}; to change it add --correct (the old record stays in the log)",
);
pub const BACKUP_EXISTS: Text = t(
    "tệp {path} đã có; hãy chọn tên khác (ví dụ có ngày: theodoi-2023-12-07.db)",
    "file {path} already exists; choose another name (with the date, say: theodoi-2023-12-07.db)",
);
pub const BACKUP_FAILED: Text = t(
    "không sao lưu được vào {path}",
    "could not back up to {path}",
);
pub const BACKUP_DONE: Text = t("đã sao lưu vào {path}", "backed up to {path}");
pub const DONE_FROM_DONE: Text = t(
    "đã ghi {n} đơn vị hoàn thành nhiệm vụ {task} từ {path}",
    "recorded {n} completions of task {task} from {path}",
);
pub const DONE_FROM_DRY_RUN: Text = t(
    "tệp {path} hợp lệ: {n} đơn vị hoàn thành sẽ được ghi (chạy thử, không ghi gì)",
    "file {path} is valid: {n} completions would be recorded (dry run, nothing written)",
);
pub const DONE_FROM_CONFLICT: Text = t(
    "dùng --from thì không dùng --unit, --on, --evidence, --note (lấy từ các cột của tệp)",
    "--from takes the unit, date, evidence and note from the file's columns; leave out --unit, --on, --evidence, --note",
);
pub const DONE_NEEDS_UNIT: Text = t(
    "cần --unit (hoặc --from TỆP.csv để ghi nhiều đơn vị)",
    "--unit is needed (or --from FILE.csv for many units)",
);
pub const WHAT_REASON_REVOKE: Text = t("lý do (--reason)", "the reason (--reason)");
pub const REVOKED_ALREADY: Text = t(
    "văn bản {directive} đã hết hiệu lực từ ngày {date}",
    "directive {directive} was already revoked on {date}",
);
pub const REVOKED: Text = t(
    "đã ghi văn bản {directive} hết hiệu lực từ ngày {date}; {n} nhiệm vụ chưa hoàn thành không còn tính",
    "recorded {directive} as revoked on {date}; {n} open obligations no longer count",
);
pub const REPLACED_REASON: Text = t("được thay thế bởi {directive}", "replaced by {directive}");
pub const REPLACED: Text = t(
    "đã ghi {old} được thay thế bởi {new} từ ngày {date}; {n} nhiệm vụ chưa hoàn thành không còn tính",
    "recorded {old} as replaced by {new} on {date}; {n} open obligations no longer count",
);
pub const DISSOLVED_ALREADY: Text = t(
    "{unit} đã giải thể hoặc sáp nhập từ ngày {date}",
    "{unit} was already dissolved or merged on {date}",
);
pub const DISSOLVE_HAS_CHILDREN: Text = t(
    "{unit} còn đơn vị trực thuộc ({children}); hãy chuyển hoặc giải thể chúng trước, hoặc sáp nhập cả đơn vị bằng `unit merge`",
    "{unit} still has units under it ({children}); move or dissolve them first, or merge the whole unit with `unit merge`",
);
pub const DISSOLVED_REASON: Text = t("đơn vị giải thể ngày {date}", "unit dissolved on {date}");
pub const DISSOLVED: Text = t(
    "đã ghi {unit} giải thể từ ngày {date}; {n} nhiệm vụ chưa hoàn thành không còn tính",
    "recorded {unit} as dissolved on {date}; {n} open obligations no longer count",
);
pub const MERGE_INTO_ITSELF: Text = t(
    "không thể sáp nhập {unit} vào chính nó",
    "cannot merge {unit} into itself",
);
pub const MERGED_REASON: Text = t(
    "sáp nhập vào {unit} ngày {date}",
    "merged into {unit} on {date}",
);
pub const MERGED: Text = t(
    "đã sáp nhập {unit} vào {into} từ ngày {date}; {n} nhiệm vụ chưa hoàn thành chuyển sang {into}",
    "merged {unit} into {into} on {date}; {n} open obligations passed to {into}",
);
pub const DISSOLVED_MARK: Text = t("giải thể {date}", "dissolved {date}");
pub const EXPORT_NOT_OURS: Text = t(
    "{path} không phải tệp xuất của theodoi (định dạng phiên bản {version})",
    "{path} is not a theodoi export (format version {version})",
);
pub const EXPORT_TOO_NEW: Text = t(
    "{path} được xuất từ cơ sở dữ liệu phiên bản {found}, mới hơn phiên bản {known} mà bản theodoi này hiểu",
    "{path} was exported from database version {found}, newer than version {known} that this theodoi understands",
);
pub const EXPORT_BAD_ROW: Text = t(
    "tệp {path} có dòng không nhập được vào bảng {table}",
    "file {path} has a row that does not fit table {table}",
);
pub const IMPORT_NOT_EMPTY: Text = t(
    "chỉ nhập được vào cơ sở dữ liệu trống; hãy tạo tệp mới bằng `theodoi --db MỚI.db init`",
    "import only into an empty database; create one with `theodoi --db NEW.db init`",
);
pub const EXPORT_DONE: Text = t(
    "đã xuất toàn bộ dữ liệu ra {path}",
    "exported everything to {path}",
);
pub const IMPORTED: Text = t(
    "đã nhập {n} bản ghi từ {path}",
    "imported {n} records from {path}",
);
pub const NOT_JSON: Text = t(
    "tệp {path} không phải JSON hợp lệ",
    "file {path} is not valid JSON",
);
pub const RATING_NOT_RATED_TASK: Text = t(
    "nhiệm vụ {task} không phải nhiệm vụ xếp loại; tạo nhiệm vụ bằng `task add … --rated` để ghi xếp loại",
    "task {task} is not a rating task; create one with `task add … --rated` to record ratings",
);
pub const BAD_RATING: Text = t(
    "xếp loại không hợp lệ '{input}'; chấp nhận: HTXSNV, HTTNV, HTNV, KHTNV (hoặc tên đầy đủ)",
    "unknown rating '{input}'; accepted: HTXSNV, HTTNV, HTNV, KHTNV (or the full names)",
);
pub const ORDER_REFUSED: Text = t(
    "{unit} chưa thể ghi hoàn thành: còn {n} đơn vị trực thuộc chưa hoàn thành ({units}); quy định kiểm điểm cấp dưới trước. Thêm --force nếu vẫn ghi (bản ghi lưu lại việc này)",
    "{unit} cannot be recorded done yet: {n} units under it are still open ({units}); lower levels come first. Add --force to record it anyway (the record keeps that)",
);
pub const BAD_RULE_NAME: Text = t(
    "không có quy tắc '{input}'; các quy tắc: {accepted}",
    "no rule '{input}'; the rules: {accepted}",
);
pub const BAD_RULE_VALUE: Text = t(
    "giá trị '{input}' không hợp lệ cho quy tắc {name}; chấp nhận: {accepted}",
    "invalid value '{input}' for rule {name}; accepted: {accepted}",
);
pub const RULE_SET: Text = t(
    "đã đặt quy tắc {name} = {value} (trước: {was})",
    "set rule {name} = {value} (was {was})",
);
pub const H_RULE: Text = t("Quy tắc", "Rule");
pub const H_VALUE: Text = t("Giá trị", "Value");
pub const H_DEFAULT: Text = t("Mặc định", "Default");
pub const H_MEANING: Text = t("Ý nghĩa", "Meaning");
pub const H_GROUP: Text = t("Nhóm (cấp trên)", "Group (parent)");
pub const H_NOT_RATED: Text = t("Không xếp loại", "Not rated");
pub const H_UNRATED: Text = t("Chưa có kết quả", "No result yet");
pub const H_QUOTA: Text = t("HTXSNV/HTTNV", "HTXSNV/HTTNV");
pub const H_VERDICT: Text = t("Kết luận", "Verdict");
pub const H_ISSUE: Text = t("Vấn đề", "Issue");
pub const QUOTA_OK: Text = t("đạt", "pass");
pub const QUOTA_BROKEN: Text = t("vượt tỷ lệ {pct}%", "over the {pct}% quota");
pub const RATINGS_HEADING: Text = t(
    "Kết quả xếp loại tính đến ngày {date}",
    "Ratings as of {date}",
);
pub const RATINGS_NONE: Text = t(
    "Chưa có nhiệm vụ xếp loại nào (task add … --rated).",
    "No rating tasks yet (task add … --rated).",
);
pub const ISSUES_HEADING: Text = t("Cần xem lại", "To look at");
pub const ISSUES_NONE: Text = t("Không có vấn đề nào.", "Nothing to look at.");
pub const ISSUE_QUOTA: Text = t(
    "nhóm {group}: {excellent} HTXSNV so với {good} HTTNV, vượt {pct}%",
    "group {group}: {excellent} HTXSNV against {good} HTTNV, over {pct}%",
);
pub const ISSUE_YOUNG: Text = t(
    "thành lập ngày {founded}, chưa đủ {months} tháng: không xếp loại",
    "founded on {founded}, younger than {months} months: not to be rated",
);
pub const ISSUE_FORCED: Text = t(
    "ghi hoàn thành trước các đơn vị trực thuộc (--force)",
    "recorded done before the units under it (--force)",
);
pub const ISSUE_MISSING: Text = t("chưa có kết quả xếp loại", "no rating yet");
pub const DIRECTIVE_EDITED: Text = t(
    "đã sửa văn bản: {directive}",
    "corrected directive: {directive}",
);
pub const TASK_EDITED: Text = t(
    "đã sửa nhiệm vụ {code}: {title}",
    "corrected task {code}: {title}",
);
pub const PERSON_CODE_TAKEN: Text = t(
    "mã '{code}' đã dùng cho {name}",
    "code '{code}' is already used by {name}",
);
pub const PERSON_NOT_FOUND: Text = t(
    "không tìm thấy người '{input}'; xem danh sách bằng `theodoi person list`",
    "no person matches '{input}'; see `theodoi person list`",
);
pub const PERSON_AMBIGUOUS: Text = t(
    "'{input}' khớp với nhiều người, hãy dùng mã: {candidates}",
    "'{input}' matches several people; use the code: {candidates}",
);
pub const PERSON_ADDED: Text = t(
    "đã thêm {name}, {position} ({unit}), mã {code}",
    "added {name}, {position} ({unit}), code {code}",
);
pub const PERSON_LEFT: Text = t(
    "đã ghi {name} thôi giữ chức từ ngày {date}; lịch sử vẫn giữ",
    "recorded {name} as out of post from {date}; the history stays",
);
pub const PERSON_LIST_EMPTY: Text = t("Chưa có cán bộ nào.", "No people recorded.");
pub const WHAT_POSITION: Text = t("chức vụ (--position)", "the position (--position)");
pub const WHAT_PERSON_NAME: Text = t("họ tên", "the name");
pub const DONE_UNIT_OR_PERSON: Text = t(
    "nhiệm vụ {task} dành cho cán bộ: dùng --person thay cho --unit",
    "task {task} is for people: use --person instead of --unit",
);
pub const DONE_PERSON_NOT_APPLICABLE: Text = t(
    "nhiệm vụ {task} không áp dụng cho {name}",
    "task {task} does not apply to {name}",
);
pub const H_PERSON: Text = t("Họ tên", "Name");
pub const H_POSITION: Text = t("Chức vụ", "Position");
pub const H_FROM: Text = t("Từ ngày", "From");
pub const H_TO: Text = t("Đến ngày", "To");
pub const PEOPLE_IMPORTED: Text = t(
    "đã nhập {n} cán bộ từ {path}",
    "imported {n} people from {path}",
);
pub const PEOPLE_DRY_RUN: Text = t(
    "tệp {path} hợp lệ: {n} cán bộ sẽ được nhập (chạy thử, không ghi gì)",
    "file {path} is valid: {n} people would be imported (dry run, nothing written)",
);
pub const WARN_COLLECTIVE_FIRST: Text = t(
    "cảnh báo: {unit} (tập thể) chưa xong {tasks}; theo quy định tập thể kiểm điểm trước cá nhân",
    "warning: {unit} (the collective) has not done {tasks} yet; collectives come before their members",
);
pub const EXTRACT_DIRECTIVES: Text = t("Văn bản tìm thấy", "Directives found");
pub const EXTRACT_DEADLINES: Text = t("Thời hạn tìm thấy", "Deadlines found");
pub const EXTRACT_NO_DIRECTIVES: Text = t("Không tìm thấy văn bản nào.", "No directives found.");
pub const EXTRACT_NO_DEADLINES: Text = t("Không tìm thấy thời hạn nào.", "No deadlines found.");
pub const H_LINE: Text = t("Dòng", "Line");
pub const EXTRACT_CONFIRM: Text = t(
    "Ghi những điều trên vào cơ sở dữ liệu? [c/k]",
    "Record the above in the database? [y/n]",
);
pub const EXTRACT_NEEDS_YES: Text = t(
    "không có người trả lời: thêm --yes để ghi mà không hỏi",
    "no one to answer: add --yes to record without asking",
);
pub const EXTRACT_NOTHING_WRITTEN: Text = t("Không ghi gì.", "Nothing written.");
pub const EXTRACT_LINKED: Text = t(
    "đã có, dùng văn bản {directive}",
    "already recorded, linked {directive}",
);
pub const EXTRACT_UNSURE: Text = t(
    "chưa chắc về {directive} (thiếu cơ quan ban hành hoặc ngày ban hành): không ghi",
    "unsure of {directive} (no issuer or issue date): not recorded",
);
pub const EXTRACT_TASK_LINKED: Text = t(
    "đã có nhiệm vụ {code} ({title}) với các thời hạn này",
    "task {code} ({title}) with these deadlines is already recorded",
);
pub const EXTRACT_UNSURE_MARK: Text = t("chưa chắc", "unsure");
pub const UNIT_MOVE_CYCLE: Text = t(
    "không thể chuyển {unit} vào dưới chính nó hoặc đơn vị trực thuộc nó",
    "cannot move {unit} under itself or one of its own units",
);
pub const UNIT_RENAMED: Text = t("đã đổi tên: {from} → {to}", "renamed: {from} → {to}");
pub const UNIT_MOVED: Text = t(
    "đã chuyển {unit} sang trực thuộc {to}",
    "moved {unit} under {to}",
);
pub const UNDO_ALREADY: Text = t(
    "thay đổi #{id} đã được hoàn tác (bởi #{by})",
    "change #{id} was already undone (by #{by})",
);
pub const UNDO_LATER_CHANGE: Text = t(
    "không hoàn tác được thay đổi #{id}: thay đổi #{later} sau đó đã sửa cùng bản ghi; hãy hoàn tác #{later} trước",
    "cannot undo change #{id}: the later change #{later} touched the same records; undo #{later} first",
);
pub const UNDO_DEPENDED_ON: Text = t(
    "không hoàn tác được: các bản ghi khác đã dựa vào dữ liệu này ({table})",
    "cannot undo: other records depend on these rows ({table})",
);
pub const UNDO_NOTHING: Text = t(
    "{actor} chưa có thay đổi nào để hoàn tác",
    "{actor} has no change to undo",
);
pub const UNDO_NOT_FOUND: Text = t(
    "không có thay đổi #{id}; xem `theodoi log`",
    "no change #{id}; see `theodoi log`",
);
pub const UNDO_DONE: Text = t(
    "đã hoàn tác thay đổi #{id}: {summary}",
    "undid change #{id}: {summary}",
);
pub const EXTEND_DONE: Text = t(
    "đã gia hạn: {unit}, nhiệm vụ {task}, từ {from} đến {to}",
    "extended: {unit}, task {task}, from {from} to {to}",
);
pub const EXTEND_NOT_LATER: Text = t(
    "hạn mới {to} không sau hạn hiện tại {from}",
    "the new due date {to} is not after the current one {from}",
);
pub const EXTEND_DONE_ALREADY: Text = t(
    "{unit} đã hoàn thành nhiệm vụ {task} ngày {date}; không cần gia hạn",
    "{unit} already did task {task} on {date}; no extension needed",
);
pub const WHAT_REASON: Text = t("lý do gia hạn (--reason)", "the reason (--reason)");
pub const EXTENDED: Text = t("gia hạn từ {date}", "extended from {date}");
pub const LOG_EMPTY: Text = t("Nhật ký chưa có thay đổi nào.", "The log is empty.");
pub const LOG_HEADING: Text = t("Nhật ký thay đổi", "Change log");
pub const H_NO: Text = t("Số", "No.");
pub const H_AT: Text = t("Thời điểm", "When");
pub const H_ACTOR: Text = t("Người cập nhật", "Recorded by");
pub const H_CHANGE: Text = t("Thay đổi", "Change");
pub const UNDONE_BY: Text = t("(đã hoàn tác bởi #{id})", "(undone by #{id})");

/// The log line of a change, from its action and details.
pub fn change_summary(action: &str, details: &serde_json::Value) -> String {
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
];
pub const DONE_FUTURE: Text = t(
    "ngày hoàn thành {date} ở sau hôm nay ({today})",
    "completion date {date} is after today ({today})",
);
pub const DONE_RECORDED: Text = t(
    "đã ghi: {unit} hoàn thành nhiệm vụ {task} ngày {date} ({status})",
    "recorded: {unit} did task {task} on {date} ({status})",
);
pub const OVERDUE_NONE: Text = t(
    "Không có đơn vị nào quá hạn tính đến ngày {date}.",
    "Nothing is overdue as of {date}.",
);
pub const OVERDUE_HEADING: Text = t(
    "Nhiệm vụ quá hạn tính đến ngày {date}",
    "Overdue as of {date}",
);
pub const UPCOMING_HEADING: Text = t(
    "Nhiệm vụ sắp đến hạn trong {days} ngày tính từ ngày {date}",
    "Due within {days} days of {date}",
);
pub const UPCOMING_NONE: Text = t(
    "Không có nhiệm vụ nào đến hạn trong {days} ngày tính từ ngày {date}.",
    "Nothing falls due within {days} days of {date}.",
);
pub const AGENDA_HEADING: Text = t(
    "Nhiệm vụ của {unit} tính đến ngày {date}",
    "Tasks of {unit} as of {date}",
);
pub const AGENDA_NONE: Text = t(
    "{unit} chưa được giao nhiệm vụ nào.",
    "{unit} has no tasks.",
);
pub const STATUS_DAYS_LATE: Text = t("{status} ({n} ngày)", "{status} ({n} days)");
pub const PROGRESS_HEADING: Text = t(
    "Tiến độ thực hiện tính đến ngày {date}",
    "Progress as of {date}",
);
pub const PROGRESS_NONE: Text = t("Chưa có nhiệm vụ nào.", "No tasks yet.");
pub const DIRECTIVE_LIST_EMPTY: Text = t("Chưa có văn bản nào.", "No directives recorded.");
pub const UNIT_LIST_EMPTY: Text = t("Chưa có đơn vị nào.", "No units recorded.");
pub const TASK_LIST_EMPTY: Text = t("Chưa có nhiệm vụ nào.", "No tasks recorded.");
pub const SHOW_TASKS: Text = t("Nhiệm vụ:", "Tasks:");
pub const SHOW_NO_TASKS: Text = t("Chưa có nhiệm vụ nào.", "No tasks yet.");
pub const DEMO_BUILT: Text = t(
    "Đã dựng cơ sở dữ liệu mẫu Sơn Tây tại {path}",
    "Built the Sơn Tây demo database at {path}",
);
pub const DEMO_NOT_DEMO: Text = t(
    "{path} không phải cơ sở dữ liệu mẫu; lệnh demo không ghi đè lên nó",
    "{path} is not a demo database; demo will not overwrite it",
);
pub const DEMO_FIXTURE: Text = t(
    "tệp mẫu fixtures/{file} có lỗi",
    "fixture file fixtures/{file} is broken",
);
pub const DEMO_HINT: Text = t(
    "Xem thêm: theodoi --db {path} unit list | directive list | overdue --as-of 13/12/2023",
    "More: theodoi --db {path} unit list | directive list | overdue --as-of 13/12/2023",
);
pub const ERR_PREFIX: Text = t("theodoi: ", "theodoi: ");
pub const INTERNAL_ERROR: Text = t(
    "lỗi nội bộ ({detail}); không có gì được ghi dở dang. Xin báo lại kèm lệnh đã chạy",
    "internal error ({detail}); nothing was half-written. Please report it with the command you ran",
);
pub const CLAP_INVALID_VALUE: Text = t(
    "giá trị '{value}' không hợp lệ cho {arg}",
    "invalid value '{value}' for {arg}",
);
pub const CLAP_UNKNOWN_ARG: Text = t(
    "tham số không hợp lệ '{arg}'; xem `theodoi {cmd}--help`",
    "unexpected argument '{arg}'; see `theodoi {cmd}--help`",
);
pub const CLAP_MISSING: Text = t(
    "thiếu tham số bắt buộc: {args}; xem `theodoi {cmd}--help`",
    "missing required arguments: {args}; see `theodoi {cmd}--help`",
);
pub const CLAP_UNKNOWN_CMD: Text = t(
    "không có lệnh '{arg}'; xem `theodoi --help`",
    "no such command '{arg}'; see `theodoi --help`",
);
pub const CLAP_OTHER: Text = t(
    "tham số không hợp lệ: {detail}",
    "invalid arguments: {detail}",
);
pub const ACCEPTED: Text = t("chấp nhận", "accepted");

// Help: the headings of the help screen, then one entry per command and
// per option, keyed by the command path and the option's name.

pub const HELP_TEMPLATE: Text = t(
    "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
    "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
);
pub const HELP_COMMANDS: Text = t("Lệnh", "Commands");
pub const HELP_OPTIONS: Text = t("Tùy chọn", "Options");
pub const HELP_ARGUMENTS: Text = t("Tham số", "Arguments");
pub const HELP_FLAG: Text = t("In trợ giúp này", "Print this help");
pub const VERSION_FLAG: Text = t("In số phiên bản", "Print the version");

/// Help for a command (`key` = its path, e.g. `directive add`) or an
/// option (`directive add --issuer`, positional: `directive add SYMBOL`).
pub fn help(key: &str) -> Option<Text> {
    HELP.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// Worked examples shown below a command's help.
pub fn examples(key: &str) -> Option<Text> {
    EXAMPLES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

const HELP: &[(&str, Text)] = &[
    (
        "extract --apply",
        t(
            "Ghi các văn bản và một nhiệm vụ với các thời hạn tìm thấy, sau khi hỏi lại; văn bản đã có thì dùng lại",
            "Record the directives and a task with the deadlines found, after asking; existing directives are linked",
        ),
    ),
    (
        "extract --yes",
        t(
            "Ghi mà không hỏi (cho script)",
            "Record without asking (for scripts)",
        ),
    ),
    (
        "extract",
        t(
            "Đọc văn bản và thời hạn từ một thông báo, tin bài dán vào (chỉ in ra, không ghi gì)",
            "Read directives and deadlines out of a pasted announcement (prints only; writes nothing)",
        ),
    ),
    (
        "extract FILE",
        t(
            "Tệp văn bản UTF-8; '-' hoặc bỏ trống để đọc từ đầu vào",
            "A UTF-8 text file; '-' or nothing for standard input",
        ),
    ),
    (
        "person",
        t(
            "Cán bộ lãnh đạo, quản lý diện Ban Thường vụ quản lý: thêm, nhập, xem, thôi giữ chức",
            "Leaders the Standing Committee manages: add, import, list, show, leave",
        ),
    ),
    ("person add", t("Thêm một cán bộ", "Record a person")),
    ("person add NAME", t("Họ tên", "Full name")),
    (
        "person add --position",
        t(
            "Chức vụ, ví dụ 'Bí thư Đảng ủy phường'",
            "Position, e.g. 'Bí thư Đảng ủy phường'",
        ),
    ),
    (
        "person add --unit",
        t("Đơn vị công tác (mã hoặc tên)", "The unit (code or name)"),
    ),
    ("person add --from", t("Giữ chức từ ngày", "In post from")),
    (
        "person add --code",
        t(
            "Mã ngắn (mặc định: tạo từ họ tên)",
            "Short code (default: made from the name)",
        ),
    ),
    ("person list", t("Danh sách cán bộ", "List people")),
    (
        "person list --search",
        t(
            "Chỉ người có chữ này trong tên, mã hoặc chức vụ",
            "Only people with this text in name, code or position",
        ),
    ),
    (
        "person show",
        t(
            "Một cán bộ và các nhiệm vụ của họ",
            "One person and their tasks",
        ),
    ),
    ("person show REF", t("Mã hoặc họ tên", "Code or name")),
    (
        "person import",
        t(
            "Nhập cán bộ từ tệp CSV (cột code,name,position,unit,from); lỗi một dòng thì không ghi gì",
            "Import people from CSV (columns code,name,position,unit,from); one bad line and nothing is written",
        ),
    ),
    ("person import FILE", t("Tệp CSV, UTF-8", "CSV file, UTF-8")),
    (
        "person import --dry-run",
        t("Chỉ kiểm tra, không ghi gì", "Check only; write nothing"),
    ),
    (
        "person leave",
        t(
            "Ghi cán bộ thôi giữ chức (lịch sử vẫn giữ)",
            "Record a person leaving the post (history stays)",
        ),
    ),
    ("person leave REF", t("Mã hoặc họ tên", "Code or name")),
    (
        "person leave --on",
        t("Ngày cuối giữ chức", "The last day in post"),
    ),
    (
        "task add --people",
        t(
            "Nhiệm vụ của cán bộ (Quy định 45) thay vì của đơn vị: mỗi người đang giữ chức trong các đơn vị thuộc loại đã nêu",
            "A task for people (Quy định 45), not units: each person in post in units of the kinds named",
        ),
    ),
    (
        "done --person",
        t(
            "Cán bộ (mã hoặc họ tên), với nhiệm vụ dành cho cán bộ",
            "The person (code or name), for a task for people",
        ),
    ),
    (
        "directive edit",
        t(
            "Sửa thông tin văn bản đã ghi (giá trị cũ vẫn lưu trong nhật ký)",
            "Correct a recorded directive (the old values stay in the log)",
        ),
    ),
    (
        "directive edit REF",
        t(
            "Số, ký hiệu hoặc số của văn bản",
            "The directive's symbol or number",
        ),
    ),
    (
        "directive edit --of",
        t(
            "Cơ quan ban hành đã ghi, khi ký hiệu trùng",
            "The recorded issuer, when the symbol recurs",
        ),
    ),
    (
        "directive edit --symbol",
        t("Số, ký hiệu mới", "The new number and symbol"),
    ),
    (
        "directive edit --issuer",
        t("Cơ quan ban hành mới", "The new issuer"),
    ),
    (
        "directive edit --date",
        t("Ngày ban hành mới", "The new issue date"),
    ),
    (
        "directive edit --title",
        t("Trích yếu mới", "The new subject"),
    ),
    (
        "directive edit --type",
        t("Loại văn bản mới", "The new type"),
    ),
    (
        "task edit",
        t(
            "Sửa tên hoặc mã nhiệm vụ (giá trị cũ vẫn lưu trong nhật ký)",
            "Correct a task's title or code (the old values stay in the log)",
        ),
    ),
    (
        "task edit REF",
        t("Nhiệm vụ (mã hoặc văn bản)", "The task (code or directive)"),
    ),
    ("task edit --title", t("Nội dung mới", "The new title")),
    ("task edit --code", t("Mã mới", "The new code")),
    (
        "task add --rated",
        t(
            "Nhiệm vụ có xếp loại chất lượng (kiểm điểm hằng năm): ghi kèm --rating khi hoàn thành",
            "A rating task (the annual review): completions carry --rating",
        ),
    ),
    (
        "done --rating",
        t(
            "Xếp loại: HTXSNV, HTTNV, HTNV, KHTNV (hoặc tên đầy đủ, có dấu hay không)",
            "The rating: HTXSNV, HTTNV, HTNV, KHTNV (or the full name, with or without accents)",
        ),
    ),
    (
        "done --not-rated",
        t(
            "Không xếp loại, kèm lý do (ví dụ: thành lập chưa đủ 6 tháng)",
            "Not rated, with the reason (founded less than 6 months ago, say)",
        ),
    ),
    (
        "done --force",
        t(
            "Vẫn ghi dù quy tắc cấp dưới trước không cho (bản ghi lưu lại việc này)",
            "Record it although the lower-levels-first rule says no (the record keeps that)",
        ),
    ),
    ("unit add --founded", t("Ngày thành lập", "Date founded")),
    (
        "rules",
        t(
            "Các quy tắc kiểm tra xếp loại, đổi được không cần cài lại (rules set TÊN GIÁ_TRỊ)",
            "The rules that check ratings, changeable without reinstalling (rules set NAME VALUE)",
        ),
    ),
    (
        "rules set",
        t(
            "Đổi một quy tắc (ghi vào nhật ký)",
            "Change one rule (logged)",
        ),
    ),
    ("rules set NAME", t("Tên quy tắc", "The rule's name")),
    ("rules set VALUE", t("Giá trị mới", "The new value")),
    (
        "ratings",
        t(
            "Kết quả xếp loại: số lượng theo mức, kiểm tra quy tắc, đơn vị chưa có kết quả",
            "Ratings: counts per level, rule checks, units without a rating",
        ),
    ),
    (
        "ratings --exit-code",
        t(
            "Thoát với mã 1 khi có quy tắc bị vi phạm",
            "Exit with status 1 when a rule is broken",
        ),
    ),
    (
        "overdue --count",
        t(
            "Chỉ in số nhiệm vụ quá hạn",
            "Print only how many are overdue",
        ),
    ),
    (
        "export",
        t(
            "Xuất toàn bộ dữ liệu (cả nhật ký) ra một tệp JSON",
            "Export everything (the log too) to one JSON file",
        ),
    ),
    (
        "export FILE",
        t(
            "Tệp JSON mới ('-' để in ra màn hình)",
            "The new JSON file ('-' for standard output)",
        ),
    ),
    (
        "import",
        t(
            "Nhập tệp JSON do `theodoi export` tạo vào một cơ sở dữ liệu trống",
            "Import a file made by `theodoi export` into an empty database",
        ),
    ),
    ("import FILE", t("Tệp JSON", "The JSON file")),
    (
        "directive revoke",
        t(
            "Ghi văn bản hết hiệu lực: nhiệm vụ chưa hoàn thành của nó không còn tính",
            "Record a directive as revoked: its open obligations no longer count",
        ),
    ),
    (
        "directive revoke REF",
        t(
            "Số, ký hiệu hoặc số của văn bản",
            "The directive's symbol or number",
        ),
    ),
    (
        "directive revoke --on",
        t("Ngày hết hiệu lực", "The day it ceases to apply"),
    ),
    ("directive revoke --reason", t("Lý do", "Why")),
    (
        "directive replace",
        t(
            "Ghi văn bản được thay thế bởi văn bản khác (ví dụ 124-QĐ/TW bởi 366-QĐ/TW)",
            "Record a directive as replaced by another (124-QĐ/TW by 366-QĐ/TW, say)",
        ),
    ),
    (
        "directive replace OLD",
        t("Văn bản cũ", "The old directive"),
    ),
    (
        "directive replace --by",
        t("Văn bản mới", "The new directive"),
    ),
    (
        "directive replace --on",
        t(
            "Từ ngày (mặc định: ngày ban hành văn bản mới)",
            "From this day (default: the new directive's issue date)",
        ),
    ),
    (
        "unit dissolve",
        t(
            "Ghi đơn vị giải thể: nhiệm vụ chưa hoàn thành của nó không còn tính, lịch sử giữ nguyên",
            "Record a unit as dissolved: its open obligations no longer count; its history stays",
        ),
    ),
    (
        "unit dissolve UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "unit dissolve --on",
        t("Ngày giải thể", "The day it is dissolved"),
    ),
    (
        "unit merge",
        t(
            "Sáp nhập đơn vị vào đơn vị khác: nhiệm vụ chưa hoàn thành chuyển sang đơn vị mới, đã hoàn thành giữ ở đơn vị cũ",
            "Merge units into another: open obligations pass to it, closed ones stay with the old units",
        ),
    ),
    (
        "unit merge UNIT",
        t("Các đơn vị bị sáp nhập", "The units merged"),
    ),
    (
        "unit merge --into",
        t("Đơn vị nhận sáp nhập", "The unit they merge into"),
    ),
    (
        "unit merge --on",
        t("Ngày sáp nhập", "The day of the merger"),
    ),
    (
        "backup",
        t(
            "Sao lưu toàn bộ cơ sở dữ liệu ra một tệp mới (an toàn cả khi người khác đang ghi)",
            "Back up the whole database to a new file (safe while others write)",
        ),
    ),
    ("backup FILE", t("Tệp sao lưu mới", "The new backup file")),
    (
        "done --from",
        t(
            "Ghi nhiều đơn vị từ tệp CSV (cột unit,on,evidence,note); lỗi một dòng thì không ghi gì",
            "Record many units from a CSV file (columns unit,on,evidence,note); one bad line and nothing is written",
        ),
    ),
    (
        "done --dry-run",
        t("Chỉ kiểm tra, không ghi gì", "Check only; write nothing"),
    ),
    (
        "--actor",
        t(
            "Người cập nhật ghi vào nhật ký (mặc định: THEODOI_ACTOR, nếu không thì tên đăng nhập)",
            "Who is recorded in the log (default: THEODOI_ACTOR, else the login name)",
        ),
    ),
    (
        "done --correct",
        t(
            "Sửa ngày hoàn thành đã ghi (bản ghi cũ vẫn lưu trong nhật ký)",
            "Correct a recorded completion (the old record stays in the log)",
        ),
    ),
    (
        "extend",
        t(
            "Gia hạn nhiệm vụ cho một đơn vị",
            "Extend one unit's due date for a task",
        ),
    ),
    (
        "extend --task",
        t(
            "Nhiệm vụ (mã, hoặc văn bản nếu văn bản chỉ có một nhiệm vụ)",
            "The task (code, or its directive when that has one task)",
        ),
    ),
    (
        "extend --unit",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    ("extend --to", t("Hạn mới", "The new due date")),
    ("extend --reason", t("Lý do gia hạn", "Why")),
    (
        "undo",
        t(
            "Hoàn tác thay đổi gần nhất của bạn, hoặc một thay đổi theo số trong nhật ký",
            "Undo your last change, or a change by its number in the log",
        ),
    ),
    (
        "undo CHANGE",
        t(
            "Số thay đổi trong `theodoi log` (mặc định: thay đổi gần nhất của bạn)",
            "A change number from `theodoi log` (default: your last change)",
        ),
    ),
    (
        "log",
        t(
            "Nhật ký thay đổi: ai, khi nào, thay đổi gì",
            "The change log: who changed what, when",
        ),
    ),
    ("log --since", t("Chỉ từ ngày này", "Only from this date")),
    (
        "log --unit",
        t("Chỉ thay đổi về đơn vị này", "Only changes about this unit"),
    ),
    (
        "log --directive",
        t(
            "Chỉ thay đổi về văn bản này",
            "Only changes about this directive",
        ),
    ),
    (
        "unit rename",
        t(
            "Đổi tên đơn vị (tên cũ vẫn lưu trong nhật ký)",
            "Rename a unit (the old name stays in the log)",
        ),
    ),
    (
        "unit rename UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    ("unit rename NAME", t("Tên mới", "The new name")),
    (
        "unit move",
        t(
            "Chuyển đơn vị sang trực thuộc đơn vị khác",
            "Move a unit under another parent",
        ),
    ),
    (
        "unit move UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "unit move --to",
        t("Cấp trên trực tiếp mới", "The new parent"),
    ),
    (
        "",
        t(
            "Theo dõi việc thực hiện văn bản của cấp ủy: văn bản, đơn vị, nhiệm vụ, thời hạn, ai quá hạn.",
            "Track how Party directives are carried out: directives, units, tasks, deadlines, who is late.",
        ),
    ),
    (
        "--db",
        t(
            "Tệp cơ sở dữ liệu (mặc định: THEODOI_DB, nếu không thì thư mục dữ liệu của người dùng)",
            "Database file (default: THEODOI_DB, else the user's data directory)",
        ),
    ),
    (
        "--lang",
        t(
            "Ngôn ngữ hiển thị: vi hoặc en (hoặc THEODOI_LANG)",
            "Language: vi or en (or THEODOI_LANG)",
        ),
    ),
    (
        "init",
        t(
            "Tạo cơ sở dữ liệu mới (không đụng tới cơ sở dữ liệu đã có)",
            "Create a new database (an existing one is left alone)",
        ),
    ),
    (
        "directive",
        t(
            "Văn bản: thêm, xem danh sách, xem chi tiết",
            "Directives: add, list, show",
        ),
    ),
    ("directive add", t("Thêm một văn bản", "Record a directive")),
    (
        "directive add SYMBOL",
        t(
            "Số, ký hiệu (188-KH/TU), hoặc loại và số khi văn bản không có ký hiệu ('Kế hoạch số 223')",
            "Number and symbol (188-KH/TU), or type and number when there is no symbol ('Kế hoạch số 223')",
        ),
    ),
    (
        "directive add --issuer",
        t(
            "Cơ quan ban hành, ví dụ 'Ban Thường vụ Thị ủy Sơn Tây'",
            "Issuer, e.g. 'Ban Thường vụ Thị ủy Sơn Tây'",
        ),
    ),
    (
        "directive add --date",
        t("Ngày ban hành (dd/mm/yyyy)", "Issue date (dd/mm/yyyy)"),
    ),
    ("directive add --title", t("Trích yếu", "Subject")),
    (
        "directive add --type",
        t(
            "Loại văn bản, khi ký hiệu không nói rõ (QĐ có thể là Quy định): ke-hoach, quy-dinh, de-an…",
            "Type, when the symbol does not settle it (QĐ may be a Quy định): ke-hoach, quy-dinh, de-an…",
        ),
    ),
    ("directive list", t("Danh sách văn bản", "List directives")),
    (
        "directive list --search",
        t(
            "Chỉ văn bản có chữ này (không phân biệt dấu, hoa thường)",
            "Only directives containing this text (accents and case aside)",
        ),
    ),
    (
        "directive show",
        t(
            "Chi tiết một văn bản và các nhiệm vụ của nó",
            "Show a directive and its tasks",
        ),
    ),
    (
        "directive show REF",
        t(
            "Số, ký hiệu hoặc số của văn bản",
            "The directive's symbol or number",
        ),
    ),
    (
        "directive show --issuer",
        t(
            "Cơ quan ban hành, khi ký hiệu trùng",
            "Issuer, when the symbol recurs",
        ),
    ),
    (
        "directive show --date",
        t(
            "Ngày ban hành, khi ký hiệu trùng",
            "Issue date, when the symbol recurs",
        ),
    ),
    (
        "unit",
        t(
            "Đơn vị (tổ chức đảng): thêm, nhập từ tệp, xem cây",
            "Units (Party organizations): add, import, list",
        ),
    ),
    ("unit add", t("Thêm một đơn vị", "Record a unit")),
    (
        "unit add NAME",
        t(
            "Tên đơn vị, ví dụ 'Đảng bộ phường Ngô Quyền'",
            "Unit name, e.g. 'Đảng bộ phường Ngô Quyền'",
        ),
    ),
    (
        "unit add --kind",
        t(
            "Loại đơn vị: dang-bo-cap-tren, dang-bo-co-so, chi-bo-co-so, dang-bo-bo-phan, chi-bo-truc-thuoc (hoặc viết chữ: 'chi bộ cơ sở')",
            "Kind: dang-bo-cap-tren, dang-bo-co-so, chi-bo-co-so, dang-bo-bo-phan, chi-bo-truc-thuoc (or in words: 'chi bộ cơ sở')",
        ),
    ),
    (
        "unit add --parent",
        t(
            "Cấp trên trực tiếp (mã hoặc tên)",
            "Parent unit (code or name)",
        ),
    ),
    (
        "unit add --code",
        t(
            "Mã ngắn không dấu (mặc định: tạo từ tên)",
            "Short ASCII code (default: made from the name)",
        ),
    ),
    ("unit list", t("Cây đơn vị", "The unit tree")),
    (
        "unit list --search",
        t(
            "Chỉ đơn vị có chữ này trong tên hoặc mã",
            "Only units with this text in name or code",
        ),
    ),
    (
        "unit import",
        t(
            "Nhập đơn vị từ tệp CSV (cột code,name,kind,parent); lỗi một dòng thì không ghi gì",
            "Import units from CSV (columns code,name,kind,parent); one bad line and nothing is written",
        ),
    ),
    ("unit import FILE", t("Tệp CSV, UTF-8", "CSV file, UTF-8")),
    (
        "unit import --dry-run",
        t(
            "Chỉ kiểm tra tệp, không ghi gì",
            "Check the file only; write nothing",
        ),
    ),
    (
        "task",
        t("Nhiệm vụ: thêm, xem danh sách", "Tasks: add, list"),
    ),
    (
        "task add",
        t(
            "Thêm nhiệm vụ của một văn bản, với thời hạn theo loại đơn vị",
            "Add a task of a directive, with a due date per unit kind",
        ),
    ),
    (
        "task add --directive",
        t(
            "Văn bản giao nhiệm vụ (số, ký hiệu hoặc số)",
            "The directive that sets the task (symbol or number)",
        ),
    ),
    (
        "task add --issuer",
        t(
            "Cơ quan ban hành văn bản, khi ký hiệu trùng",
            "The directive's issuer, when its symbol recurs",
        ),
    ),
    (
        "task add --title",
        t("Nội dung nhiệm vụ", "What must be done"),
    ),
    (
        "task add --due",
        t(
            "Thời hạn cho một loại đơn vị: LOẠI=NGÀY, ví dụ chi-bo-co-so=06/12/2023 (lặp lại cho mỗi loại)",
            "Due date for a kind of unit: KIND=DATE, e.g. chi-bo-co-so=06/12/2023 (repeat per kind)",
        ),
    ),
    (
        "task add --within",
        t(
            "Chỉ các đơn vị thuộc đơn vị này (mặc định: toàn bộ cây)",
            "Only units under this one (default: the whole tree)",
        ),
    ),
    (
        "task add --code",
        t(
            "Mã ngắn của nhiệm vụ (mặc định: tạo từ văn bản, như kh223-1)",
            "Short task code (default: from the directive, like kh223-1)",
        ),
    ),
    ("task list", t("Danh sách nhiệm vụ", "List tasks")),
    (
        "task list --search",
        t(
            "Chỉ nhiệm vụ có chữ này trong tên hoặc mã",
            "Only tasks with this text in title or code",
        ),
    ),
    (
        "task list --directive",
        t(
            "Chỉ nhiệm vụ của văn bản này",
            "Only the tasks of this directive",
        ),
    ),
    (
        "done",
        t(
            "Ghi nhận một đơn vị đã hoàn thành nhiệm vụ",
            "Record that a unit has done a task",
        ),
    ),
    (
        "done --task",
        t(
            "Nhiệm vụ (mã, hoặc văn bản nếu văn bản chỉ có một nhiệm vụ)",
            "The task (code, or its directive when that has one task)",
        ),
    ),
    (
        "done --unit",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "done --on",
        t(
            "Ngày hoàn thành (mặc định: hôm nay)",
            "Completion date (default: today)",
        ),
    ),
    (
        "done --evidence",
        t(
            "Căn cứ, minh chứng, ví dụ 'Biên bản họp chi bộ ngày 05/12/2023'",
            "Evidence, e.g. 'Biên bản họp chi bộ ngày 05/12/2023'",
        ),
    ),
    ("done --note", t("Ghi chú", "Note")),
    (
        "overdue",
        t(
            "Các đơn vị chưa hoàn thành nhiệm vụ đã quá hạn",
            "Units with open tasks past their due date",
        ),
    ),
    (
        "overdue --as-of",
        t(
            "Tính đến ngày (mặc định: hôm nay, giờ Việt Nam)",
            "As of this date (default: today in Vietnam)",
        ),
    ),
    (
        "overdue --exit-code",
        t(
            "Thoát với mã 1 khi có việc quá hạn (cho cron)",
            "Exit with status 1 when anything is overdue (for cron)",
        ),
    ),
    (
        "overdue --quiet",
        t(
            "Không in gì khi không có việc quá hạn (cho cron)",
            "Print nothing when nothing is overdue (for cron)",
        ),
    ),
    (
        "--format",
        t(
            "Định dạng: table (bảng), json, csv, md (Markdown, để dán vào thư hoặc Word)",
            "Output format: table, json, csv, md (Markdown, for mail or Word)",
        ),
    ),
    (
        "upcoming",
        t(
            "Nhiệm vụ sắp đến hạn, gần nhất trước",
            "Open tasks falling due soon, soonest first",
        ),
    ),
    (
        "upcoming --days",
        t(
            "Số ngày nhìn trước (mặc định 7)",
            "How many days ahead (default 7)",
        ),
    ),
    (
        "upcoming --within",
        t(
            "Số ngày nhìn trước (ví dụ --within 14), hoặc chỉ các đơn vị thuộc một đơn vị",
            "Days ahead (e.g. --within 14), or only the units under one unit",
        ),
    ),
    (
        "upcoming --quiet",
        t(
            "Không in gì khi không có việc sắp đến hạn",
            "Print nothing when nothing falls due",
        ),
    ),
    (
        "progress",
        t(
            "Tiến độ: số và tỷ lệ hoàn thành đúng hạn, quá hạn, chưa hoàn thành theo từng nhiệm vụ",
            "Progress: counts and shares of done on time, done late, open and overdue per task",
        ),
    ),
    (
        "progress --by",
        t(
            "Nhóm theo loại đơn vị (kind) hoặc theo cấp trên, cộng dồn cả cây (parent)",
            "Group by unit kind (kind) or by parent, rolled up the tree (parent)",
        ),
    ),
    (
        "agenda",
        t(
            "Mọi nhiệm vụ của một đơn vị và các đơn vị trực thuộc, kèm tình trạng",
            "Everything one unit and the units under it owe or have done, with status",
        ),
    ),
    (
        "agenda UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "completions",
        t(
            "In đoạn mã tự hoàn thành lệnh cho shell",
            "Print shell completions",
        ),
    ),
    (
        "completions SHELL",
        t(
            "bash, zsh, fish, powershell hoặc elvish",
            "bash, zsh, fish, powershell or elvish",
        ),
    ),
    (
        "man",
        t("In trang hướng dẫn (man page)", "Print the man page"),
    ),
    (
        "--as-of",
        t(
            "Tính đến ngày (mặc định: hôm nay, giờ Việt Nam)",
            "As of this date (default: today in Vietnam)",
        ),
    ),
    (
        "--within",
        t(
            "Chỉ các đơn vị thuộc đơn vị này (mã hoặc tên)",
            "Only units under this one (code or name)",
        ),
    ),
    (
        "--directive",
        t(
            "Chỉ nhiệm vụ của văn bản này",
            "Only the tasks of this directive",
        ),
    ),
    (
        "--issuer",
        t(
            "Cơ quan ban hành văn bản, khi ký hiệu trùng",
            "The directive's issuer, when its symbol recurs",
        ),
    ),
    ("--task", t("Chỉ nhiệm vụ này", "Only this task")),
    (
        "--kind",
        t("Chỉ đơn vị thuộc loại này", "Only units of this kind"),
    ),
    (
        "--bom",
        t(
            "Thêm dấu BOM đầu tệp CSV để Excel trên Windows hiện đúng tiếng Việt",
            "Start CSV with a byte-order mark so that Excel on Windows shows Vietnamese",
        ),
    ),
    (
        "demo",
        t(
            "Dựng cơ sở dữ liệu mẫu Sơn Tây (tệp riêng, không đụng tới dữ liệu thật) và in danh sách quá hạn",
            "Build the Sơn Tây demo database (a file of its own, never your real data) and print who is overdue",
        ),
    ),
];

const EXAMPLES: &[(&str, Text)] = &[
    (
        "",
        t(
            "Ví dụ:\n  theodoi init\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title '…'\n  theodoi unit import donvi.csv\n  theodoi task add --directive 'Kế hoạch số 223' --title 'Kiểm điểm' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023\n  theodoi done --task kh223-1 --unit 'Ngô Quyền' --on 05/12/2023\n  theodoi overdue --as-of 07/12/2023\n  theodoi demo",
            "Examples:\n  theodoi init\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title '…'\n  theodoi unit import units.csv\n  theodoi task add --directive 'Kế hoạch số 223' --title 'Annual review' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023\n  theodoi done --task kh223-1 --unit 'Ngô Quyền' --on 05/12/2023\n  theodoi overdue --as-of 07/12/2023\n  theodoi demo",
        ),
    ),
    (
        "directive add",
        t(
            "Ví dụ:\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title 'Luân chuyển cán bộ'\n  theodoi directive add 44-QĐ/TU --type quy-dinh --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Đánh giá, xếp loại'\n  theodoi directive add 'Kế hoạch số 223' --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Kiểm điểm'",
            "Examples:\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title 'Staff rotation'\n  theodoi directive add 44-QĐ/TU --type quy-dinh --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Annual rating'\n  theodoi directive add 'Kế hoạch số 223' --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Annual review'",
        ),
    ),
    (
        "unit add",
        t(
            "Ví dụ:\n  theodoi unit add 'Đảng bộ thị xã Sơn Tây' --kind dang-bo-cap-tren --code son-tay\n  theodoi unit add 'Đảng bộ phường Ngô Quyền' --kind 'đảng bộ cơ sở' --parent son-tay --code p-ngo-quyen",
            "Examples:\n  theodoi unit add 'Đảng bộ thị xã Sơn Tây' --kind dang-bo-cap-tren --code son-tay\n  theodoi unit add 'Đảng bộ phường Ngô Quyền' --kind 'đảng bộ cơ sở' --parent son-tay --code p-ngo-quyen",
        ),
    ),
    (
        "unit import",
        t(
            "Tệp mẫu:\n  code,name,kind,parent\n  son-tay,Đảng bộ thị xã Sơn Tây,dang-bo-cap-tren,\n  p-ngo-quyen,Đảng bộ phường Ngô Quyền,dang-bo-co-so,son-tay",
            "Sample file:\n  code,name,kind,parent\n  son-tay,Đảng bộ thị xã Sơn Tây,dang-bo-cap-tren,\n  p-ngo-quyen,Đảng bộ phường Ngô Quyền,dang-bo-co-so,son-tay",
        ),
    ),
    (
        "task add",
        t(
            "Ví dụ:\n  theodoi task add --directive 'Kế hoạch số 223' --code kiem-diem-2023 --title 'Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023",
            "Example:\n  theodoi task add --directive 'Kế hoạch số 223' --code kiem-diem-2023 --title 'Annual review 2023' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023",
        ),
    ),
    (
        "done",
        t(
            "Ví dụ:\n  theodoi done --task kiem-diem-2023 --unit 'Ngô Quyền' --on 05/12/2023 --evidence 'Biên bản hội nghị ngày 05/12/2023'",
            "Example:\n  theodoi done --task kiem-diem-2023 --unit 'Ngô Quyền' --on 05/12/2023 --evidence 'Minutes of 05/12/2023'",
        ),
    ),
    (
        "overdue",
        t(
            "Ví dụ:\n  theodoi overdue --as-of 07/12/2023\n  theodoi overdue --format csv > quahan.csv\n  theodoi overdue --exit-code --quiet    # cho cron: chỉ in khi có việc quá hạn",
            "Examples:\n  theodoi overdue --as-of 07/12/2023\n  theodoi overdue --format csv > overdue.csv\n  theodoi overdue --exit-code --quiet    # for cron: prints only when something is late",
        ),
    ),
];

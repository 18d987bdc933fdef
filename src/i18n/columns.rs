//! The headers a column of an imported file may carry, per kind of file:
//! the English name of the file format first, then the Vietnamese a clerk's
//! own sheet uses. Compared accents, case and punctuation aside
//! (`csvfile::header_key`): `Mã đơn vị`, `MA DON VI` and `Mã đơn vị (*)` are
//! one header.

/// One column a file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The name the importer asks for it by (the English header).
    pub key: &'static str,
    /// The headers that mean it.
    pub names: &'static [&'static str],
}

const fn col(key: &'static str, names: &'static [&'static str]) -> Column {
    Column { key, names }
}

/// The row number of a sheet: never read.
pub const STT: Column = col("stt", &["STT", "TT", "Số TT", "Số thứ tự"]);

/// A unit file (`unit import`). `parent` and `parent_name` are one value:
/// a code or a name, the first given.
pub const UNIT_FILE: &[Column] = &[
    STT,
    col(
        "code",
        &["code", "Mã đơn vị", "Mã", "Mã tổ chức đảng", "Mã số"],
    ),
    col(
        "name",
        &[
            "name",
            "Tên tổ chức đảng",
            "Tên",
            "Tên đơn vị",
            "Tên tổ chức cơ sở đảng",
            "Đơn vị",
            "Tổ chức đảng",
        ],
    ),
    col(
        "kind",
        &[
            "kind",
            "Loại tổ chức đảng",
            "Loại",
            "Loại tổ chức",
            "Loại đơn vị",
            "Loại hình",
        ],
    ),
    col("parent", &["parent", "Mã cấp trên", "Mã đơn vị cấp trên"]),
    col(
        "parent_name",
        &[
            "Trực thuộc",
            "Cấp trên",
            "Cấp trên trực tiếp",
            "Đơn vị cấp trên",
            "Tổ chức đảng cấp trên",
        ],
    ),
    col("founded", &["founded", "Ngày thành lập", "Thành lập"]),
];

/// A people file (`person import`). `unit` and `unit_name` are one value.
pub const PERSON_FILE: &[Column] = &[
    STT,
    col("code", &["code", "Mã", "Mã cán bộ"]),
    col(
        "name",
        &["name", "Họ và tên", "Họ tên", "Tên", "Tên cán bộ"],
    ),
    col("position", &["position", "Chức vụ", "Chức danh"]),
    col("unit", &["unit", "Mã đơn vị", "Mã tổ chức đảng"]),
    col(
        "unit_name",
        &[
            "Đơn vị",
            "Tên đơn vị",
            "Tổ chức đảng",
            "Tên tổ chức đảng",
            "Đơn vị công tác",
            "Nơi công tác",
        ],
    ),
    col(
        "from",
        &[
            "from",
            "Từ ngày",
            "Giữ chức từ ngày",
            "Giữ chức từ",
            "Ngày nhận chức",
            "Ngày bổ nhiệm",
        ],
    ),
];

/// A completions file (`done --from`). `unit` and `unit_name` are one value.
pub const COMPLETION_FILE: &[Column] = &[
    STT,
    col("unit", &["unit", "Mã", "Mã đơn vị", "Mã tổ chức đảng"]),
    col(
        "unit_name",
        &[
            "Đơn vị",
            "Tên",
            "Tên đơn vị",
            "Tổ chức đảng",
            "Tên tổ chức đảng",
        ],
    ),
    col("on", &["on", "Ngày", "Ngày hoàn thành", "Hoàn thành ngày"]),
    col(
        "evidence",
        &["evidence", "Minh chứng", "Căn cứ", "Căn cứ minh chứng"],
    ),
    col("note", &["note", "Ghi chú"]),
    col(
        "rating",
        &["rating", "Xếp loại", "Kết quả xếp loại", "Mức xếp loại"],
    ),
];

/// A column as a message names it, as every list of columns is written:
/// quoted, the header a clerk's sheet uses, or the file format's own when
/// it has no other (`'Loại tổ chức đảng'`, `'Trực thuộc'`).
pub fn column_named(columns: &[Column], key: &str) -> String {
    let Some(column) = columns.iter().find(|c| c.key == key) else {
        return format!("'{key}'");
    };
    let spoken = column.names.iter().find(|n| **n != column.key);
    format!("'{}'", spoken.copied().unwrap_or(column.key))
}

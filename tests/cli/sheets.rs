//! What the clerk hands over: the same units from an Excel workbook, from
//! CSV with `;` or tabs, Vietnamese headers with an STT column, CRLF, a
//! byte-order mark, Windows-1258 or UTF-16; a bad line named by the line
//! the clerk sees; a file in no known encoding refused with how to save it;
//! people and results from a workbook too.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::util::{Theodoi, repo_file};

/// One unit of the town's tree (fixtures/units.csv), with a founding day
/// for a few.
#[derive(Debug, Clone)]
struct U {
    code: String,
    name: String,
    kind: String,
    parent: String,
    founded: Option<(u16, u8, u8)>,
}

fn units() -> Vec<U> {
    let file = std::fs::read_to_string(repo_file("fixtures/units.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(file.as_bytes());
    reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.unwrap();
            U {
                code: r[0].to_string(),
                name: r[1].to_string(),
                kind: r[2].to_string(),
                parent: r[3].to_string(),
                founded: match i {
                    1 => Some((2020, 11, 1)),
                    9 => Some((2021, 3, 26)),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The parent's name, as a clerk's sheet writes it.
fn parent_name(all: &[U], u: &U) -> String {
    all.iter()
        .find(|p| p.code == u.parent)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// The official Vietnamese name of a kind.
fn kind_vi(slug: &str) -> &'static str {
    match slug {
        "dang-bo-cap-tren" => "Đảng bộ cấp trên cơ sở",
        "dang-bo-co-so" => "Đảng bộ cơ sở",
        "chi-bo-co-so" => "Chi bộ cơ sở",
        "dang-bo-bo-phan" => "Đảng bộ bộ phận",
        _ => "Chi bộ trực thuộc",
    }
}

fn dmy(founded: Option<(u16, u8, u8)>) -> String {
    founded.map_or(String::new(), |(y, m, d)| format!("{d:02}/{m:02}/{y}"))
}

/// The index of the unit whose line is made bad, and of the one whose name
/// is written on two lines (inside quotes) in CSV.
const BAD: usize = 7;
const TWO_LINES: usize = 3;

/// The file format in English: `code,name,kind,parent,founded`.
fn english_csv(all: &[U]) -> Vec<u8> {
    let mut out = String::from("code,name,kind,parent,founded\n");
    for u in all {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            u.code,
            u.name,
            u.kind,
            u.parent,
            dmy(u.founded)
        ));
    }
    out.into_bytes()
}

/// A workbook as a clerk makes one: a title merged across the table, a
/// blank row, the header on row 3 with an STT column, data from row 4; the
/// parent by name, merged down over the chi bộ of one ward; a name given by
/// a formula; founding days as date cells. `bad`: a unit of a kind that is
/// none. The units are on the sheet `sheet`, after a sheet of notes when
/// `notes_first`.
fn workbook(all: &[U], bad: bool, notes_first: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    if notes_first {
        let notes = book.add_worksheet();
        notes.set_name("Hướng dẫn").unwrap();
        notes
            .write_string(0, 0, "Điền danh sách ở trang sau")
            .unwrap();
    }
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách đơn vị").unwrap();
    fill_units(sheet, all, bad);
    book.save_to_buffer().unwrap()
}

fn fill_units(sheet: &mut Worksheet, all: &[U], bad: bool) {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .merge_range(
            0,
            0,
            0,
            5,
            "DANH SÁCH TỔ CHỨC ĐẢNG TRỰC THUỘC",
            &Format::new().set_bold(),
        )
        .unwrap();
    for (col, header) in [
        "STT",
        "Mã đơn vị",
        "Tên tổ chức đảng",
        "Loại tổ chức",
        "Trực thuộc",
        "Ngày thành lập",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, col as u16, *header).unwrap();
    }
    // The chi bộ of the ward of Lê Lợi (rows of index 2 and 3): one merged parent cell.
    let lê_lợi = (2usize, 3usize);
    for (i, u) in all.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        sheet.write_string(row, 1, &u.code).unwrap();
        if i == 1 {
            let formula = format!("=\"Đảng bộ phường \"&\"{}\"", "Lê Lợi");
            sheet
                .write_formula(row, 2, Formula::new(formula).set_result(&u.name))
                .unwrap();
        } else {
            sheet.write_string(row, 2, &u.name).unwrap();
        }
        let kind = if bad && i == BAD {
            "Chi bộ ở đâu"
        } else {
            kind_vi(&u.kind)
        };
        sheet.write_string(row, 3, kind).unwrap();
        if i == lê_lợi.0 {
            let (first, last) = (3 + lê_lợi.0 as u32, 3 + lê_lợi.1 as u32);
            sheet
                .merge_range(first, 4, last, 4, &parent_name(all, u), &Format::new())
                .unwrap();
        } else if i != lê_lợi.1 && !u.parent.is_empty() {
            sheet.write_string(row, 4, parent_name(all, u)).unwrap();
        }
        if let Some((y, m, d)) = u.founded {
            let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
            sheet
                .write_datetime_with_format(row, 5, &day, &date)
                .unwrap();
        }
    }
}

/// A CSV text in a clerk's shape: `sep` between cells, `eol` at line ends,
/// Vietnamese headers (`headers`, STT first when `stt`), kinds in words,
/// parents by name, the name of unit `TWO_LINES` on two lines, a title line
/// first when `title`.
fn clerk_csv(all: &[U], sep: &str, eol: &str, headers: &[&str], title: bool, bad: bool) -> String {
    let stt = headers[0].eq_ignore_ascii_case("stt");
    let mut out = String::new();
    if title {
        out.push_str(&format!(
            "DANH SÁCH TỔ CHỨC ĐẢNG{}{eol}",
            sep.repeat(headers.len() - 1)
        ));
    }
    out.push_str(&headers.join(sep));
    out.push_str(eol);
    for (i, u) in all.iter().enumerate() {
        let name = if i == TWO_LINES {
            format!(
                "\"{}\"",
                u.name.replacen(" phường", &format!("{eol}phường"), 1)
            )
        } else {
            format!("\"{}\"", u.name)
        };
        let kind = if bad && i == BAD {
            "Chi bộ ở đâu"
        } else {
            kind_vi(&u.kind)
        };
        let mut cells = vec![
            u.code.clone(),
            name,
            kind.to_string(),
            parent_name(all, u),
            dmy(u.founded),
        ];
        if stt {
            cells.insert(0, (i + 1).to_string());
        }
        out.push_str(&cells.join(sep));
        out.push_str(eol);
    }
    out
}

/// Text as Windows writes it in code page 1258: each letter with its shape
/// (â, ơ…), then its tone as a combining mark.
fn windows_1258(text: &str) -> Vec<u8> {
    let split: String = text
        .chars()
        .flat_map(|c| {
            let (tone, rest): (Vec<char>, Vec<char>) = std::iter::once(c).nfd().partition(|m| {
                matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
            });
            rest.into_iter().nfc().chain(tone).collect::<Vec<_>>()
        })
        .collect();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable, "{split}");
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 any more");
    bytes.into_owned()
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// Every shape of the unit file: its name, its bytes, and the line on which
/// unit `BAD` is (in the bad version).
fn shapes(bad: bool) -> Vec<(&'static str, Vec<u8>, u64)> {
    let all = units();
    let two = u64::from(BAD > TWO_LINES);
    let semicolons = clerk_csv(
        &all,
        ";",
        "\r\n",
        &[
            "STT",
            "Mã",
            "Tên đơn vị",
            "Loại",
            "Cấp trên",
            "Ngày thành lập",
        ],
        true,
        bad,
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(semicolons.as_bytes());
    vec![
        ("donvi.xlsx", workbook(&all, bad, false), 4 + BAD as u64),
        ("donvi-bom.csv", bom, 3 + BAD as u64 + two),
        (
            "donvi-tab.csv",
            clerk_csv(
                &all,
                "\t",
                "\n",
                &["stt", "ma", "ten", "loai", "truc thuoc", "ngay thanh lap"],
                false,
                bad,
            )
            .into_bytes(),
            2 + BAD as u64 + two,
        ),
        (
            "donvi-1258.csv",
            windows_1258(&clerk_csv(
                &all,
                ",",
                "\r\n",
                &["Mã", "Tên", "Loại tổ chức", "Trực thuộc", "Ngày thành lập"],
                false,
                bad,
            )),
            2 + BAD as u64 + two,
        ),
        (
            "donvi-unicode.txt",
            utf16le(&clerk_csv(
                &all,
                "\t",
                "\r\n",
                &[
                    "STT",
                    "Mã đơn vị",
                    "Tên tổ chức đảng",
                    "Loại",
                    "Trực thuộc",
                    "Ngày thành lập",
                ],
                false,
                bad,
            )),
            2 + BAD as u64 + two,
        ),
    ]
}

/// The units as the database holds them (the export's rows, but the time
/// each was written).
fn stored_units(t: &Theodoi) -> Vec<Value> {
    let out = t.ok(&["export", "-"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let mut rows = doc["tables"]["unit"].as_array().unwrap().clone();
    for row in &mut rows {
        row.as_object_mut().unwrap().remove("created_at");
    }
    rows
}

fn write(t: &Theodoi, name: &str, bytes: &[u8]) -> String {
    let file = t.dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    file.to_str().unwrap().to_string()
}

#[test]
fn every_shape_of_the_unit_file_gives_the_same_units() {
    let all = units();
    let want = Theodoi::new();
    let file = write(&want, "units.csv", &english_csv(&all));
    want.ok(&["unit", "import", &file]);
    let want_units = stored_units(&want);
    assert_eq!(want_units.len(), all.len());
    assert!(
        want_units
            .iter()
            .any(|u| u["code"] == "p-le-loi" && u["founded_on"] == "2020-11-01"),
        "{want_units:?}"
    );
    let want_list = want.ok(&["unit", "list", "--format", "csv"]);
    for (name, bytes, _) in shapes(false) {
        let t = Theodoi::new();
        let file = write(&t, name, &bytes);
        let out = t.ok(&["unit", "import", &file]);
        assert!(
            out.contains(&format!("{} tổ chức đảng", all.len())),
            "{name}: {out}"
        );
        assert_eq!(stored_units(&t), want_units, "{name}");
        assert_eq!(
            t.ok(&["unit", "list", "--format", "csv"]),
            want_list,
            "{name}"
        );
    }
}

#[test]
fn a_bad_line_is_named_by_the_line_the_clerk_sees() {
    for (name, bytes, line) in shapes(true) {
        let t = Theodoi::new();
        let file = write(&t, name, &bytes);
        let err = t.fails(&["unit", "import", &file]);
        assert!(
            err.contains("có 1 dòng lỗi") && err.contains(&format!("dòng {line}: ")),
            "{name}: line {line}: {err}"
        );
        assert!(err.contains("'Chi bộ ở đâu'"), "{name}: {err}");
        if name.ends_with(".xlsx") {
            assert!(err.contains("trang Danh sách đơn vị"), "{err}");
        }
        assert_eq!(
            t.ok(&["unit", "list"]),
            "Chưa có tổ chức đảng nào.\n",
            "{name}"
        );
        let err = t.fails(&["--lang", "en", "unit", "import", &file]);
        assert!(err.contains(&format!("line {line}: ")), "{name}: {err}");
    }
}

#[test]
fn a_file_in_no_known_encoding_is_refused_with_how_to_save_it() {
    let t = Theodoi::new();
    // TCVN3 (the .VnTime fonts): "Mã,Tên,Loại" and a unit.
    let file = write(
        &t,
        "tcvn3.csv",
        b"M\xB8,T\xAAn,Lo\xB9i\nst,\xA7\xB6ng b\xe9 th\xfb x\xb8 S\xAAn T\xA9y,dang-bo-cap-tren\n",
    );
    let err = t.fails(&["unit", "import", &file]);
    assert!(
        err.contains("tcvn3.csv")
            && err.contains("UTF-8")
            && err.contains("CSV UTF-8 (Comma delimited)"),
        "{err}"
    );
    let err = t.fails(&["--lang", "en", "unit", "import", &file]);
    assert!(err.contains("Save As CSV UTF-8"), "{err}");
    for args in [
        &["person", "import", &file][..],
        &["done", "--task", "x", "--from", &file],
    ] {
        let err = t.fails(args);
        assert!(err.contains("CSV UTF-8"), "{args:?}: {err}");
    }
    assert_eq!(t.ok(&["unit", "list"]), "Chưa có tổ chức đảng nào.\n");
    assert_eq!(t.ok(&["log", "--format", "json"]), "[]\n");
}

#[test]
fn a_dry_run_writes_nothing() {
    for (name, bytes, _) in shapes(false) {
        let t = Theodoi::new();
        let file = write(&t, name, &bytes);
        let out = t.ok(&["unit", "import", &file, "--dry-run"]);
        assert!(out.contains("chạy thử"), "{name}: {out}");
        assert_eq!(
            t.ok(&["unit", "list"]),
            "Chưa có tổ chức đảng nào.\n",
            "{name}"
        );
        assert_eq!(t.ok(&["log", "--format", "json"]), "[]\n", "{name}");
    }
}

#[test]
fn the_sheet_is_the_first_shown_or_the_one_named() {
    let all = units();
    let t = Theodoi::new();
    let file = write(&t, "donvi.xlsx", &workbook(&all, false, true));
    // The first sheet holds notes, no table: said, with the columns wanted.
    let err = t.fails(&["unit", "import", &file]);
    assert!(
        err.contains("trang Hướng dẫn") && err.contains("name"),
        "{err}"
    );
    let err = t.fails(&["unit", "import", &file, "--sheet", "Trang 3"]);
    assert!(
        err.contains("'Trang 3'") && err.contains("Hướng dẫn; Danh sách đơn vị"),
        "{err}"
    );
    // Named as typed, accents and case aside.
    t.ok(&["unit", "import", &file, "--sheet", "danh sach don vi"]);
    assert_eq!(stored_units(&t).len(), all.len());
    // --sheet is for workbooks.
    let csv = write(&t, "x.csv", b"code,name,kind\n");
    let err = t.fails(&["unit", "import", &csv, "--sheet", "A"]);
    assert!(err.contains("--sheet"), "{err}");
}

#[test]
fn codes_are_made_and_parents_found_by_name() {
    let t = Theodoi::son_tay();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["STT", "Mã", "Tên đơn vị", "Loại", "Cấp trên"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    let rows: [(&str, &str, &str, &str); 5] = [
        // A parent of the file given by name, on a later row.
        (
            "",
            "Chi bộ tổ dân phố 9",
            "chi-bo-truc-thuoc",
            "Đảng bộ phường Tùng Thiện",
        ),
        // A code typed as a number.
        (
            "101",
            "Đảng bộ phường Tùng Thiện",
            "dang-bo-co-so",
            "Đảng bộ thị xã Sơn Tây",
        ),
        // Recorded units, by part of their name, as `unit add --parent` finds them.
        (
            "",
            "Chi bộ tổ dân phố 9 phường Ngô Quyền",
            "Chi bộ trực thuộc",
            "Ngô Quyền",
        ),
        ("", "Chi bộ Trường THCS Sơn Lộc", "Chi bộ cơ sở", "son-tay"),
        // Codes made from the name are not those taken (another name
        // that makes the same code; the same name twice under one parent
        // is refused).
        (
            "",
            "Chi bộ Trường THCS - Sơn Lộc",
            "Chi bộ cơ sở",
            "son-tay",
        ),
    ];
    for (i, (code, name, kind, parent)) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        if let Ok(n) = code.parse::<f64>() {
            sheet.write_number(row, 1, n).unwrap();
        }
        sheet.write_string(row, 2, *name).unwrap();
        sheet.write_string(row, 3, *kind).unwrap();
        sheet.write_string(row, 4, *parent).unwrap();
    }
    let file = write(&t, "moi.xlsx", &book.save_to_buffer().unwrap());
    let out = t.ok(&["unit", "import", &file]);
    assert!(out.contains("5 tổ chức đảng"), "{out}");
    let units: Vec<crate::util::UnitRow> = t.json(&["unit", "list"]);
    let find = |name: &str| {
        units
            .iter()
            .find(|u| u.name == name)
            .unwrap_or_else(|| panic!("{name}: {units:?}"))
    };
    assert_eq!(find("Đảng bộ phường Tùng Thiện").code, "101");
    let cell = find("Chi bộ tổ dân phố 9");
    assert_eq!(
        (cell.code.as_str(), cell.parent.as_deref()),
        ("to-dan-pho-9", Some("101"))
    );
    assert_eq!(
        find("Chi bộ tổ dân phố 9 phường Ngô Quyền")
            .parent
            .as_deref(),
        Some("p-ngo-quyen")
    );
    assert_eq!(
        find("Chi bộ Trường THCS Sơn Lộc").code,
        "truong-thcs-son-loc"
    );
    assert_eq!(
        find("Chi bộ Trường THCS - Sơn Lộc").code,
        "truong-thcs-son-loc-2"
    );

    // A name two rows of the file share: which one is meant is asked.
    let file = write(
        &t,
        "trung.csv",
        "Tên,Loại,Trực thuộc\n\
         Đảng bộ phường Mới,dang-bo-co-so,son-tay\n\
         Đảng bộ phường Mới,dang-bo-co-so,son-tay\n\
         Chi bộ khu 1,chi-bo-truc-thuoc,Đảng bộ phường Mới\n"
            .as_bytes(),
    );
    let err = t.fails(&["unit", "import", &file]);
    assert!(
        err.contains("dòng 4: ") && err.contains("dòng 2, 3"),
        "{err}"
    );
}

#[test]
fn people_and_results_come_from_a_workbook_too() {
    let t = Theodoi::son_tay();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Từ ngày"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for (i, (name, position, unit, from)) in [
        (
            "Nguyễn Văn An",
            "Bí thư Đảng ủy phường",
            "Ngô Quyền",
            Some((2021, 1, 1)),
        ),
        (
            "Trần Thị Bình",
            "Phó Bí thư Đảng ủy phường",
            "p-ngo-quyen",
            None,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let row = 1 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        sheet.write_string(row, 1, name).unwrap();
        sheet.write_string(row, 2, position).unwrap();
        sheet.write_string(row, 3, unit).unwrap();
        if let Some((y, m, d)) = from {
            let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
            sheet
                .write_datetime_with_format(row, 4, &day, &date)
                .unwrap();
        }
    }
    let file = write(&t, "canbo.xlsx", &book.save_to_buffer().unwrap());
    let out = t.ok(&["person", "import", &file]);
    assert!(out.contains("2 cán bộ"), "{out}");
    let people: Vec<Value> = t.json(&["person", "list"]);
    let an = people
        .iter()
        .find(|p| p["name"] == "Nguyễn Văn An")
        .unwrap();
    assert_eq!(
        (an["unit"].as_str(), an["from_on"].as_str()),
        (Some("p-ngo-quyen"), Some("2021-01-01"))
    );

    // Results: a date cell, a date as text, a formula whose error a row shows.
    let results = |error: bool| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in ["STT", "Tên đơn vị", "Ngày hoàn thành", "Căn cứ", "Ghi chú"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        sheet.write_number(1, 0, 1.0).unwrap();
        sheet
            .write_string(1, 1, "Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy")
            .unwrap();
        let day = ExcelDateTime::from_ymd(2023, 12, 5).unwrap();
        sheet.write_datetime_with_format(1, 2, &day, &date).unwrap();
        sheet.write_string(1, 3, "Biên bản số 1").unwrap();
        sheet.write_number(2, 0, 2.0).unwrap();
        sheet.write_string(2, 1, "Ngô Quyền").unwrap();
        if error {
            sheet
                .write_formula(2, 2, Formula::new("=NA()").set_result("#N/A"))
                .unwrap();
        } else {
            sheet.write_string(2, 2, "11/12/2023").unwrap();
        }
        sheet.write_string(2, 4, "Đủ hồ sơ").unwrap();
        book.save_to_buffer().unwrap()
    };
    let bad = write(&t, "ketqua-loi.xlsx", &results(true));
    let err = t.fails(&["done", "--task", "kiem-diem-2023", "--from", &bad]);
    assert!(err.contains("dòng 3: ô C3 có lỗi công thức #N/A"), "{err}");
    let file = write(&t, "ketqua.xlsx", &results(false));
    let out = t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        &file,
        "--dry-run",
    ]);
    assert!(out.contains('2'), "{out}");
    t.ok(&["done", "--task", "kiem-diem-2023", "--from", &file]);
    let agenda: Vec<Value> = t.json(&["agenda", "cb-ubkt", "--as-of", "13/12/2023"]);
    assert_eq!(agenda[0]["completed_on"], "2023-12-05", "{agenda:?}");
    let agenda: Vec<Value> = t.json(&["agenda", "p-ngo-quyen", "--as-of", "13/12/2023"]);
    let ward = agenda
        .iter()
        .find(|r| r["unit_code"] == "p-ngo-quyen")
        .unwrap();
    assert_eq!(ward["completed_on"], "2023-12-11", "{agenda:?}");
}

#[test]
fn no_sheet_or_bytes_make_it_fail_other_than_in_one_line() {
    let t = Theodoi::new();
    let empty = {
        let mut book = Workbook::new();
        book.add_worksheet();
        book.save_to_buffer().unwrap()
    };
    let mut far = Workbook::new();
    let sheet = far.add_worksheet();
    for (col, header) in ["code", "name", "kind"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "st").unwrap();
    sheet.write_string(1, 1, "Đảng bộ thị xã Sơn Tây").unwrap();
    sheet.write_string(1, 2, "dang-bo-cap-tren").unwrap();
    // A stray value at the last cell of a sheet: read without a grid to the end.
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let far = far.save_to_buffer().unwrap();
    let cases: [(&str, &[u8], &str); 8] = [
        ("trong.xlsx", &empty, "không có dòng nào"),
        ("trong.csv", b"", "không có dòng nào"),
        (
            "rac.xlsx",
            b"PK\x03\x04\x00\x00 not a zip",
            "bảng tính Excel (.xlsx)",
        ),
        (
            "cu.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
            "Excel 97-2003",
        ),
        ("nhiphan.csv", b"\x00\x01\x02\xff\xfe\x00", "CSV UTF-8"),
        ("utf16.csv", b"\xFF\xFE\x00\xD8", "CSV UTF-8"),
        (
            "cot.csv",
            "Tên đơn vị;Ghi chú\nA;B\n".as_bytes(),
            "thiếu cột 'Loại tổ chức đảng'",
        ),
        (
            "hai.csv",
            "Tên,Tên đơn vị,Loại\nA,B,chi-bo-co-so\n".as_bytes(),
            "hai cột 'Tên' và 'Tên đơn vị' cùng là cột 'Tên tổ chức đảng'",
        ),
    ];
    for (name, bytes, said) in cases {
        let file = write(&t, name, bytes);
        let err = t.fails(&["unit", "import", &file]);
        assert!(err.contains(said), "{name}: {err}");
    }
    let file = write(&t, "xa.xlsx", &far);
    t.ok(&["unit", "import", &file]);
    assert_eq!(stored_units(&t).len(), 1);
}

/// A result in a file with no date is a bad line, not today's result.
#[test]
fn a_result_without_a_date_is_a_bad_line() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("ketqua.csv");
    std::fs::write(&file, "unit,on\ncb-ubkt,05/12/2023\ncb-ban-tuyen-giao,\n").unwrap();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        file.to_str().unwrap(),
    ]);
    assert!(err.contains("dòng 3: thiếu ngày hoàn thành"), "{err}");
    assert_eq!(t.snapshot(), before);
}

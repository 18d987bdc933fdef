//! `--format xlsx --output FILE`: every report as an Excel workbook, read
//! back with calamine: the headers the table shows, real dates and numbers,
//! as many rows as the CSV; and the files: new, owner only, replaced only
//! with `--force`, never printed.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;

use crate::util::Theodoi;

/// The row of the column headers (0-based): title, as-of date, a blank row.
const HEADER_ROW: usize = 3;

/// One sheet as a grid from A1.
struct Sheet {
    name: String,
    cells: Vec<Vec<Data>>,
}

impl Sheet {
    fn get(&self, row: usize, col: usize) -> &Data {
        self.cells
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Data::Empty)
    }

    fn headers(&self) -> Vec<String> {
        self.cells[HEADER_ROW]
            .iter()
            .map(|c| match c {
                Data::String(s) => s.clone(),
                other => panic!("a header that is not text: {other:?}"),
            })
            .collect()
    }

    /// The table's rows, under the headers.
    fn rows(&self) -> &[Vec<Data>] {
        &self.cells[HEADER_ROW + 1..]
    }

    fn column(&self, header: &str) -> usize {
        self.headers()
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no column {header}: {:?}", self.headers()))
    }
}

/// Every sheet of a workbook.
fn read(path: &Path) -> Vec<Sheet> {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx file");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let (height, width) = match range.end() {
                Some((r, c)) => (r as usize + 1, c as usize + 1),
                None => (0, 0),
            };
            let mut cells = vec![vec![Data::Empty; width]; height];
            for (r, row) in cells.iter_mut().enumerate() {
                for (c, cell) in row.iter_mut().enumerate() {
                    if let Some(value) = range.get_value((r as u32, c as u32)) {
                        *cell = value.clone();
                    }
                }
            }
            Sheet { name, cells }
        })
        .collect()
}

/// A cell that is a date: the day it holds.
fn date(cell: &Data) -> NaiveDate {
    match cell {
        Data::DateTime(d) => {
            let days = d.as_f64().floor() as i64;
            NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Duration::days(days)
        }
        other => panic!("not a date: {other:?}"),
    }
}

/// A cell that is a number.
fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(n) => *n,
        Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap()
}

/// Runs `args` with `--format xlsx --output FILE` (and `extra`); the file.
fn xlsx(t: &Theodoi, args: &[&str], name: &str, extra: &[&str]) -> PathBuf {
    let path = t.dir.path().join(name);
    let mut all = args.to_vec();
    let file = path.to_str().unwrap();
    all.extend(["--format", "xlsx", "--output", file]);
    all.extend(extra);
    let out = t.ok(&all);
    assert!(out.contains(file), "{out}");
    // A zip's magic (not the letters, which a temporary folder's name may hold).
    assert!(!out.contains("PK\u{3}\u{4}"), "the workbook went to stdout");
    path
}

/// The headers of the table `args` prints (its first Markdown table).
fn table_headers(t: &Theodoi, args: &[&str], extra: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "md"]);
    all.extend(extra);
    let md = t.ok(&all);
    let line = md
        .lines()
        .find(|l| l.starts_with("| "))
        .unwrap_or_else(|| panic!("no table: {md}"));
    line.trim_matches(|c| c == '|' || c == ' ')
        .split(" | ")
        .map(String::from)
        .collect()
}

/// How many rows the CSV of `args` has, its header aside.
fn csv_rows(t: &Theodoi, args: &[&str]) -> usize {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let csv = t.ok(&all);
    csv::Reader::from_reader(csv.as_bytes()).records().count()
}

/// Sơn Tây with a little of everything: an extension, a rating task, a
/// person with a task.
fn scenario() -> Theodoi {
    let t = Theodoi::son_tay_reported();
    t.extend_kim_son();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--code",
        "xep-loai-2023",
        "--title",
        "Đánh giá, xếp loại chất lượng năm 2023",
        "--due",
        "chi-bo-co-so=06/12/2023",
        "--rated",
    ]);
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
    ]);
    t.ok(&[
        "person",
        "add",
        "Nguyễn Văn An",
        "--position",
        "Bí thư",
        "--unit",
        "p-ngo-quyen",
        "--code",
        "an",
        "--from",
        "01/01/2021",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--code",
        "xl-can-bo-2023",
        "--title",
        "Xếp loại cán bộ năm 2023",
        "--people",
        "--due",
        "dang-bo-co-so=15/12/2023",
    ]);
    t
}

/// Every command with `--format`: its arguments, and which sheet of its
/// workbook holds what its CSV holds.
const COMMANDS: &[(&[&str], usize)] = &[
    (&["overdue", "--as-of", "13/12/2023"], 0),
    (&["upcoming", "--as-of", "01/12/2023", "--within", "30"], 0),
    (&["agenda", "son-tay", "--as-of", "13/12/2023"], 0),
    (&["progress", "--as-of", "13/12/2023"], 0),
    (&["progress", "--by", "parent", "--as-of", "13/12/2023"], 0),
    (&["ratings", "--as-of", "31/12/2023"], 0),
    (&["results", "kiem-diem-2023", "--as-of", "13/12/2023"], 0),
    (&["log"], 0),
    (&["directive", "list"], 0),
    (
        &[
            "directive",
            "show",
            "Kế hoạch số 223",
            "--as-of",
            "13/12/2023",
        ],
        1,
    ),
    (&["unit", "list"], 0),
    (&["task", "list"], 0),
    (&["person", "list"], 0),
    (&["person", "show", "an", "--as-of", "13/12/2023"], 0),
    (&["rules"], 0),
    (&["settings"], 0),
];

#[test]
fn every_report_and_list_as_a_workbook_with_the_rows_of_its_csv() {
    let t = scenario();
    for (i, (args, csv_sheet)) in COMMANDS.iter().enumerate() {
        let path = xlsx(&t, args, &format!("r{i}.xlsx"), &[]);
        let sheets = read(&path);
        let sheet = &sheets[*csv_sheet];
        assert_eq!(
            sheet.rows().len(),
            csv_rows(&t, args),
            "{args:?}: rows of sheet {}",
            sheet.name
        );
        assert!(!sheet.rows().is_empty(), "{args:?}: no rows");
        // A title above the table.
        assert!(
            matches!(sheet.get(0, 0), Data::String(s) if !s.is_empty()),
            "{args:?}: no title"
        );
        // The first sheet has the table's headers, but where a spreadsheet
        // splits a cell in two (a count and its share, a date and its change).
        let headers = sheets[0].headers();
        let table = table_headers(&t, args, &[]);
        if !matches!(args[0], "progress" | "results") {
            assert_eq!(headers, table, "{args:?}");
        } else {
            assert!(table.iter().all(|h| headers.contains(h)), "{args:?}");
        }
        // Owner only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{args:?}");
        }
    }
}

#[test]
fn results_have_real_dates_numbers_and_the_as_of_date() {
    let t = scenario();
    let args = ["results", "kiem-diem-2023", "--as-of", "13/12/2023"];
    let sheets = read(&xlsx(&t, &args, "kq.xlsx", &[]));
    let sheet = &sheets[0];
    // The title, then the as-of date as a date.
    assert!(
        matches!(sheet.get(0, 0), Data::String(s) if s.starts_with("Kết quả thực hiện nhiệm vụ “Kiểm điểm")),
        "{:?}",
        sheet.get(0, 0)
    );
    assert_eq!(sheet.get(1, 0), &Data::String("Tính đến ngày".into()));
    assert_eq!(date(sheet.get(1, 1)), day("13/12/2023"));
    assert_eq!(
        sheet.headers()[..5],
        [
            "STT",
            "Đơn vị",
            "Loại đơn vị",
            "Cấp trên trực tiếp",
            "Hạn hoàn thành"
        ]
    );
    let (stt, unit, due, first_due, why, done, status, late) = (
        sheet.column("STT"),
        sheet.column("Đơn vị"),
        sheet.column("Hạn hoàn thành"),
        sheet.column("Hạn ban đầu"),
        sheet.column("Lý do gia hạn"),
        sheet.column("Ngày hoàn thành"),
        sheet.column("Tình trạng"),
        sheet.column("Số ngày quá hạn"),
    );
    for (i, row) in sheet.rows().iter().enumerate() {
        assert_eq!(number(&row[stt]), (i + 1) as f64);
        date(&row[due]);
    }
    let line = |name: &str| {
        sheet
            .rows()
            .iter()
            .find(|r| matches!(&r[unit], Data::String(s) if s == name))
            .unwrap_or_else(|| panic!("no line for {name}"))
    };
    let kho_bac = line("Chi bộ Kho bạc Nhà nước Sơn Tây");
    assert_eq!(date(&kho_bac[due]), day("06/12/2023"));
    assert_eq!(date(&kho_bac[done]), day("08/12/2023"));
    assert_eq!(kho_bac[status], Data::String("Hoàn thành quá hạn".into()));
    assert_eq!(number(&kho_bac[late]), 2.0);
    // The extension: the date in force, the first one, and why.
    let kim_son = line("Đảng bộ xã Kim Sơn");
    assert_eq!(date(&kim_son[due]), day("20/12/2023"));
    assert_eq!(date(&kim_son[first_due]), day("12/12/2023"));
    assert_eq!(kim_son[why], Data::String("Bí thư đi học".into()));
    assert_eq!(kim_son[done], Data::Empty);
    // Overdue: the days as a number.
    let y_te = line("Chi bộ Trung tâm Y tế thị xã");
    assert_eq!(number(&y_te[late]), 7.0);

    // In English, the table's English headers; the same values.
    let sheets = read(&xlsx(&t, &args, "kq-en.xlsx", &["--lang", "en"]));
    let en = &sheets[0];
    assert_eq!(en.headers()[..2], ["No.", "Unit"]);
    assert_eq!(en.get(1, 0), &Data::String("As of".into()));
    assert_eq!(en.rows().len(), sheet.rows().len());
}

#[test]
fn reports_keep_their_numbers_dates_and_percentages() {
    let t = scenario();
    // Progress: each count a number, each share a percentage (a fraction).
    let progress = read(&xlsx(
        &t,
        &["progress", "--as-of", "13/12/2023"],
        "p.xlsx",
        &[],
    ));
    let sheet = &progress[0];
    let total = sheet.column("Tổng số");
    let on_time = sheet.column("Hoàn thành đúng hạn");
    let share = sheet.column("Hoàn thành đúng hạn (tỷ lệ)");
    for row in sheet.rows() {
        let (n, done, pct) = (
            number(&row[total]),
            number(&row[on_time]),
            number(&row[share]),
        );
        assert!((0.0..=1.0).contains(&pct), "{pct}");
        assert!((pct - done / n).abs() < 0.001, "{done}/{n} = {pct}");
    }
    assert_eq!(date(sheet.get(1, 1)), day("13/12/2023"));
    // Overdue: the due date a date, the days late a number.
    let overdue = read(&xlsx(
        &t,
        &[
            "overdue",
            "--as-of",
            "07/12/2023",
            "--task",
            "kiem-diem-2023",
        ],
        "o.xlsx",
        &[],
    ));
    let sheet = &overdue[0];
    let (due, days) = (
        sheet.column("Hạn hoàn thành"),
        sheet.column("Số ngày quá hạn"),
    );
    assert_eq!(sheet.rows().len(), 4);
    for row in sheet.rows() {
        assert_eq!(date(&row[due]), day("06/12/2023"));
        assert_eq!(number(&row[days]), 1.0);
    }
    // The log: numbered changes, when each was made as a date and time.
    let log = read(&xlsx(&t, &["log"], "log.xlsx", &[]));
    let sheet = &log[0];
    for row in sheet.rows() {
        assert!(number(&row[0]) >= 1.0);
        assert!(date(&row[1]) >= day("01/01/2024"), "{:?}", row[1]);
    }
    // Lists: a person's dates, a task's number of units, the rules' values.
    let people = read(&xlsx(&t, &["person", "list"], "people.xlsx", &[]));
    let from = people[0].column("Giữ chức từ ngày");
    assert_eq!(date(&people[0].rows()[0][from]), day("01/01/2021"));
    let tasks = read(&xlsx(&t, &["task", "list"], "tasks.xlsx", &[]));
    let units = tasks[0].column("Số phải thực hiện");
    assert_eq!(number(&tasks[0].rows()[0][units]), 23.0);
    let directives = read(&xlsx(&t, &["directive", "list"], "d.xlsx", &[]));
    let issued = directives[0].column("Ngày ban hành");
    assert_eq!(date(&directives[0].rows()[0][issued]), day("06/11/2023"));
    // Two tables, two sheets.
    let ratings = read(&xlsx(
        &t,
        &["ratings", "--as-of", "31/12/2023"],
        "xl.xlsx",
        &[],
    ));
    assert_eq!(ratings.len(), 2);
    let good = ratings[0].column("HTTNV");
    assert_eq!(number(&ratings[0].rows()[0][good]), 1.0);
}

#[test]
fn an_xlsx_needs_a_file_and_never_goes_to_the_terminal() {
    let t = Theodoi::son_tay_reported();
    let before: Vec<_> = std::fs::read_dir(t.dir.path()).unwrap().collect();
    let err = t.fails(&["overdue", "--as-of", "13/12/2023", "--format", "xlsx"]);
    assert!(err.contains("--output"), "{err}");
    let run = t.run(&["overdue", "--as-of", "13/12/2023", "--format", "xlsx"]);
    assert!(run.stdout.is_empty(), "{run:?}");
    let err = t.fails(&[
        "results",
        "kiem-diem-2023",
        "--format",
        "xlsx",
        "--lang",
        "en",
    ]);
    assert!(err.contains("--output FILE"), "{err}");
    let after: Vec<_> = std::fs::read_dir(t.dir.path()).unwrap().collect();
    assert_eq!(before.len(), after.len());
    // --force is for --output.
    t.fails(&["overdue", "--force"]);
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let t = Theodoi::son_tay_reported();
    let path = t.dir.path().join("quahan.xlsx");
    let file = path.to_str().unwrap();
    std::fs::write(&path, "báo cáo cũ").unwrap();
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "overdue",
            "--as-of",
            "13/12/2023",
            "--format",
            "xlsx",
            "--output",
            file,
        ];
        a.extend(extra);
        a
    };
    let err = t.fails(&args(&[]));
    assert!(
        err.contains("--force") && err.contains("quahan.xlsx"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "báo cáo cũ");
    // A report that fails leaves the old file as it was, and nothing beside it.
    let mut bad = args(&["--force"]);
    bad.extend(["--within", "khong-co-don-vi"]);
    t.fails(&bad);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "báo cáo cũ");
    // Forced: replaced by the new workbook, owner only, nothing else left.
    let files = || std::fs::read_dir(t.dir.path()).unwrap().count();
    let count = files();
    t.ok(&args(&["--force"]));
    assert_eq!(files(), count);
    let sheets = read(&path);
    assert_eq!(sheets[0].rows().len(), 13);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A link is never written through.
    #[cfg(unix)]
    {
        let target = t.dir.path().join("target.xlsx");
        let link = t.dir.path().join("link.xlsx");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = t.fails(&[
            "overdue",
            "--as-of",
            "13/12/2023",
            "--format",
            "xlsx",
            "--output",
            link.to_str().unwrap(),
        ]);
        assert!(err.contains("--force"), "{err}");
        assert!(!target.exists());
    }
}

#[test]
fn other_formats_go_to_a_file_too() {
    let t = Theodoi::son_tay_reported();
    let args = ["results", "kiem-diem-2023", "--as-of", "13/12/2023"];
    for format in ["csv", "json", "md", "table"] {
        let path = t.dir.path().join(format!("kq.{format}"));
        let mut a = args.to_vec();
        a.extend(["--format", format]);
        let printed = t.ok(&a);
        a.extend(["--output", path.to_str().unwrap()]);
        let said = t.ok(&a);
        assert!(said.starts_with("Đã ghi tệp "), "{said}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), printed, "{format}");
    }
    // Nothing to say (--quiet): no file at all.
    let quiet = t.dir.path().join("none.csv");
    let out = t.ok(&[
        "overdue",
        "--as-of",
        "01/12/2023",
        "--quiet",
        "--format",
        "csv",
        "--output",
        quiet.to_str().unwrap(),
    ]);
    assert_eq!(out, "");
    assert!(!quiet.exists());
}

/// The README's lines on files, run as written in a temporary folder.
#[test]
fn readme_output_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let readme = std::fs::read_to_string(crate::util::repo_file("README.md")).unwrap();
    let start = readme.find("## Output formats").expect("the section");
    let block = readme[start..].split("```sh").nth(1).expect("a block");
    let block = block.split("```").next().unwrap();
    let lines: Vec<&str> = block
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for line in lines {
        let words: Vec<&str> = line.split_whitespace().skip(1).collect();
        let mut cmd = t.command(&words);
        cmd.current_dir(t.dir.path());
        let run = crate::util::run(cmd);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        assert!(
            run.stdout.starts_with("Đã ghi tệp "),
            "{line}: {}",
            run.stdout
        );
    }
    assert_eq!(read(&t.dir.path().join("quahan.xlsx"))[0].rows().len(), 13);
    let csv = std::fs::read_to_string(t.dir.path().join("tiendo.csv")).unwrap();
    assert!(csv.starts_with('\u{FEFF}'));
}

/// `--force` never replaces a database (the one the report reads, or any
/// other) nor what is not a regular file; the database stays whole.
#[test]
fn force_never_replaces_a_database_or_a_device() {
    crate::util::skip_on_postgres!("the database there is a file");
    let t = Theodoi::son_tay();
    let db = t.db.to_str().unwrap().to_string();
    let before = t.snapshot();
    for args in [
        &["overdue", "--format", "csv", "--output", &db, "--force"][..],
        &[
            "report",
            "kiem-diem-2023",
            "--format",
            "html",
            "--output",
            &db,
            "--force",
        ],
    ] {
        let err = t.fails(args);
        assert!(
            err.contains("đó là một cơ sở dữ liệu hoặc không phải tệp thường"),
            "{err}"
        );
    }
    assert_eq!(t.snapshot(), before);
    #[cfg(unix)]
    {
        let fifo = t.dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = t.fails(&[
            "overdue",
            "--format",
            "csv",
            "--output",
            fifo.to_str().unwrap(),
            "--force",
        ]);
        assert!(err.contains("không phải tệp thường"), "{err}");
        use std::os::unix::fs::FileTypeExt;
        assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
        // A link to the pipe, or to the database (as /dev/stdout is a link
        // to a device): judged by what it points to, and kept.
        for (name, to) in [("to-pipe.csv", fifo.clone()), ("to-db.csv", t.db.clone())] {
            let link = t.dir.path().join(name);
            std::os::unix::fs::symlink(&to, &link).unwrap();
            let err = t.fails(&[
                "overdue",
                "--format",
                "csv",
                "--output",
                link.to_str().unwrap(),
                "--force",
            ]);
            assert!(err.contains("không phải tệp thường"), "{err}");
            assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        }
        assert_eq!(t.snapshot(), before);
    }
}

/// Without `--format`, the output file's extension names the format.
#[test]
fn the_file_name_gives_the_format() {
    let t = Theodoi::son_tay();
    let xlsx = t.dir.path().join("quahan.xlsx");
    t.ok(&[
        "overdue",
        "--as-of",
        "13/12/2023",
        "--output",
        xlsx.to_str().unwrap(),
    ]);
    let head = std::fs::read(&xlsx).unwrap();
    assert_eq!(&head[..2], b"PK", "a workbook (a zip)");
    let csv = t.dir.path().join("quahan.csv");
    t.ok(&[
        "overdue",
        "--as-of",
        "13/12/2023",
        "--output",
        csv.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("unit_code,"), "{text}");
}

#[test]
fn a_file_named_xlsx_that_is_not_a_workbook_is_said_so() {
    let t = Theodoi::new();
    let path = t.dir.path().join("donvi.xlsx");
    std::fs::write(
        &path,
        "code,name,kind\nst,Đảng bộ thị xã Sơn Tây,dang-bo-cap-tren\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", path.to_str().unwrap()]);
    assert!(err.contains("như một bảng tính Excel (.xlsx)"), "{err}");
    assert!(!err.contains("UTF-8 hay Windows-1258"), "{err}");
    assert_eq!(
        t.ok(&["unit", "list", "--format", "csv"]).lines().count(),
        1
    );
}

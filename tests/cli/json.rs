//! JSON and CSV are a contract: their values never depend on the interface
//! language, so a cron script reads the same bytes in any office.

use serde::Deserialize;

use crate::util::Theodoi;

/// Sơn Tây with every kind of row the reports print: completions on time
/// and late, an extension, a merger (cancelled and passed-on work), a rated
/// task with ratings, a person with a task, a rule changed, a directive
/// known only by number, one whose date is unknown, a unit's other names.
fn everything() -> Theodoi {
    let t = Theodoi::son_tay_reported();
    t.extend_kim_son();
    t.merge_into_tung_thien();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--code",
        "xl-2023",
        "--title",
        "Xếp loại chất lượng năm 2023",
        "--due",
        "chi-bo-co-so=10/12/2023",
        "--rated",
    ]);
    for (unit, rating) in [("cb-ubkt", "HTXSNV"), ("cb-kho-bac", "HTTNV")] {
        t.ok(&[
            "done",
            "--task",
            "xl-2023",
            "--unit",
            unit,
            "--on",
            "05/12/2023",
            "--rating",
            rating,
        ]);
    }
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
    ]);
    t.ok(&["rules", "set", "min-age-months", "3"]);
    t.ok(&[
        "settings",
        "set",
        "noi-nhan",
        "Thường trực Thị ủy (để báo cáo)",
        "Lưu Ban Tổ chức",
    ]);
    // Other names of a unit, a directive whose date is unknown.
    t.ok(&[
        "unit",
        "edit",
        "cb-ubkt",
        "--alias",
        "UBKT",
        "--alias",
        "Kiểm tra",
    ]);
    t.ok(&[
        "directive",
        "add",
        "Đề án số 35-ĐA/TU",
        "--issuer",
        "Ban Thường vụ Thành ủy Hà Nội",
        "--title",
        "Đào tạo cán bộ",
    ]);
    t
}

/// The commands with `--format`, each as a clerk would type it.
const COMMANDS: &[&[&str]] = &[
    &["overdue", "--as-of", "13/12/2023"],
    &["overdue", "--as-of", "01/08/2025"],
    &["upcoming", "--as-of", "01/12/2023", "--within", "30"],
    &["agenda", "son-tay", "--as-of", "13/12/2023"],
    &["agenda", "son-tay", "--as-of", "01/08/2025"],
    &["progress", "--as-of", "13/12/2023"],
    &["progress", "--by", "parent", "--as-of", "01/08/2025"],
    &["ratings", "--as-of", "31/12/2023"],
    &["log"],
    &["directive", "list"],
    &[
        "directive",
        "show",
        "Kế hoạch số 223",
        "--as-of",
        "13/12/2023",
    ],
    &["unit", "list"],
    &["task", "list"],
    &["person", "list"],
    &["person", "show", "an", "--as-of", "13/12/2023"],
    &["rules"],
    &["settings"],
];

#[test]
fn json_and_csv_are_the_same_in_every_language() {
    let t = everything();
    let mut checked = 0;
    for command in COMMANDS {
        for format in ["json", "csv"] {
            let mut args = command.to_vec();
            args.extend(["--format", format]);
            let vi = t.ok(&args);
            args.extend(["--lang", "en"]);
            let en = t.ok(&args);
            assert!(!vi.trim().is_empty(), "{args:?} printed nothing");
            assert_eq!(
                vi, en,
                "{command:?} --format {format} depends on the language"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, COMMANDS.len() * 2);
}

#[test]
fn tables_stay_in_the_language_of_the_interface() {
    let t = everything();
    // Markdown: localized like the table, and not wrapped to a width.
    let en = t.ok(&[
        "overdue",
        "--as-of",
        "13/12/2023",
        "--lang",
        "en",
        "--format",
        "md",
    ]);
    let vi = t.ok(&["overdue", "--as-of", "13/12/2023", "--format", "md"]);
    assert!(
        en.contains("Plan no. 223") && en.contains("Days overdue"),
        "{en}"
    );
    assert!(
        vi.contains("Kế hoạch số 223") && vi.contains("Số ngày quá hạn"),
        "{vi}"
    );
}

/// One row of `overdue --format json`, as a script reads it.
#[derive(Debug, Deserialize)]
struct Row {
    unit_code: String,
    unit_kind: String,
    directive: String,
    task: String,
    due_on: String,
    completed_on: Option<String>,
    status: String,
    days_overdue: i64,
    original_due_on: Option<String>,
}

#[test]
fn a_script_reads_codes_slugs_iso_dates_and_status_codes() {
    let t = everything();
    for lang in ["vi", "en"] {
        let rows: Vec<Row> = t.json(&["overdue", "--as-of", "13/12/2023", "--lang", lang]);
        let cell = rows
            .iter()
            .find(|r| r.unit_code == "cb-ban-tuyen-giao")
            .expect("the Ban Tuyên giáo cell is late");
        assert_eq!(
            (
                cell.unit_kind.as_str(),
                cell.directive.as_str(),
                cell.task.as_str(),
                cell.due_on.as_str(),
                cell.status.as_str(),
                cell.days_overdue,
                cell.completed_on.as_deref(),
            ),
            (
                "chi-bo-co-so",
                "Kế hoạch số 223",
                "kiem-diem-2023",
                "2023-12-06",
                "overdue",
                7,
                None
            ),
            "{lang}"
        );
        // Kim Sơn's extension: late again only after 20/12.
        assert!(rows.iter().all(|r| r.original_due_on.is_none()), "{lang}");
        let later: Vec<Row> = t.json(&["overdue", "--as-of", "21/12/2023", "--lang", lang]);
        let kim_son = later
            .iter()
            .find(|r| r.original_due_on.is_some())
            .expect("Kim Sơn is late after its extension");
        assert_eq!(
            (kim_son.due_on.as_str(), kim_son.original_due_on.as_deref()),
            ("2023-12-20", Some("2023-12-12"))
        );
    }
}

//! Every write can be taken back: for each action of the change log, `undo`
//! returns the database to its export before the action, and undoing that
//! undo returns it to its export after (the change log itself aside); the
//! tally of open obligations and the stored order of the units stay true
//! throughout.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::{Theodoi, run};

/// One write under test.
struct Case {
    /// What the case shows.
    name: &'static str,
    /// The action the log records for the command: a key of `LOG_LINES`.
    action: &'static str,
    /// Files written into the case's directory first: name, contents.
    files: &'static [(&'static str, &'static str)],
    /// Commands run first, on a copy of the base database.
    setup: &'static [&'static [&'static str]],
    /// The write; `{dir}` stands for the case's directory.
    command: &'static [&'static str],
}

const fn case(
    name: &'static str,
    action: &'static str,
    setup: &'static [&'static [&'static str]],
    command: &'static [&'static str],
) -> Case {
    Case {
        name,
        action,
        files: &[],
        setup,
        command,
    }
}

const fn with_file(
    name: &'static str,
    action: &'static str,
    file: &'static [(&'static str, &'static str)],
    command: &'static [&'static str],
) -> Case {
    Case {
        name,
        action,
        files: file,
        setup: &[],
        command,
    }
}

const ADD_366: &[&str] = &[
    "directive",
    "add",
    "366-QĐ/TW",
    "--type",
    "quy-dinh",
    "--issuer",
    "Bộ Chính trị",
    "--date",
    "01/07/2025",
    "--title",
    "Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
];

const ADD_TUNG_THIEN: &[&str] = &[
    "unit",
    "add",
    "Đảng bộ phường Tùng Thiện",
    "--kind",
    "dang-bo-co-so",
    "--parent",
    "son-tay",
    "--code",
    "p-tung-thien",
];

const DONE_THANH_MY: &[&str] = &[
    "done",
    "--task",
    "kiem-diem-2023",
    "--unit",
    "Thanh Mỹ",
    "--on",
    "13/12/2023",
    "--evidence",
    "Báo cáo kết quả kiểm điểm của Đảng ủy xã",
    "--note",
    "Nộp muộn",
    "--rating",
    "HTNV",
];

/// Every write of the product, on the base database of `base()`.
const CASES: &[Case] = &[
    case("directive add", "directive.add", &[], ADD_366),
    case(
        "directive edit",
        "directive.edit",
        &[],
        &[
            "directive",
            "edit",
            "188-KH/TU",
            "--title",
            "Luân chuyển cán bộ năm 2024",
            "--date",
            "07/11/2023",
        ],
    ),
    case(
        "directive revoke",
        "directive.revoke",
        &[],
        &[
            "directive",
            "revoke",
            "Kế hoạch số 223",
            "--on",
            "01/07/2025",
            "--reason",
            "Hết hiệu lực",
        ],
    ),
    case(
        "directive replace",
        "directive.replace",
        &[ADD_366],
        &["directive", "replace", "44-QĐ/TU", "--by", "366-QĐ/TW"],
    ),
    case(
        "unit add",
        "unit.add",
        &[],
        &[
            "unit",
            "add",
            "Chi bộ Trường THCS Sơn Lộc",
            "--kind",
            "chi bộ cơ sở",
            "--parent",
            "son-tay",
            "--founded",
            "01/09/2023",
        ],
    ),
    with_file(
        "unit import",
        "unit.import",
        &[(
            "donvi.csv",
            "code,name,kind,parent,founded\n\
             tung-thien-tdp1,Chi bộ tổ dân phố 1 phường Tùng Thiện,chi-bo-truc-thuoc,p-tung-thien,\n\
             p-tung-thien,Đảng bộ phường Tùng Thiện,dang-bo-co-so,son-tay,01/07/2025\n\
             cb-thcs-son-loc,Chi bộ Trường THCS Sơn Lộc,chi-bo-co-so,son-tay,\n",
        )],
        &["unit", "import", "{dir}/donvi.csv"],
    ),
    case(
        "unit rename",
        "unit.rename",
        &[],
        &["unit", "rename", "Kim Sơn", "Đảng bộ xã Kim Sơn mới"],
    ),
    case(
        "unit move",
        "unit.move",
        &[],
        &["unit", "move", "kim-son-t1", "--to", "Đường Lâm"],
    ),
    case(
        "unit dissolve",
        "unit.dissolve",
        &[],
        &["unit", "dissolve", "cb-thpt-son-tay", "--on", "01/01/2024"],
    ),
    case(
        "unit merge",
        "unit.merge",
        &[ADD_TUNG_THIEN],
        &[
            "unit",
            "merge",
            "p-le-loi",
            "p-phu-thinh",
            "--into",
            "p-tung-thien",
            "--on",
            "01/07/2025",
        ],
    ),
    case(
        "unit edit, other names added",
        "unit.edit",
        &[],
        &[
            "unit",
            "edit",
            "cb-ubkt",
            "--alias",
            "UBKT",
            "--alias",
            "Chi bộ Kiểm tra",
        ],
    ),
    case(
        "unit edit, other names added and removed",
        "unit.edit",
        &[&[
            "unit",
            "edit",
            "cb-ubkt",
            "--alias",
            "UBKT",
            "--alias",
            "Kiểm tra",
        ]],
        &[
            "unit",
            "edit",
            "UBKT",
            "--remove-alias",
            "kiem tra",
            "--alias",
            "Chi bộ Kiểm tra",
        ],
    ),
    case(
        "task add",
        "task.add",
        &[],
        &[
            "task",
            "add",
            "--directive",
            "188-KH/TU",
            "--code",
            "bc-luan-chuyen",
            "--title",
            "Báo cáo kết quả luân chuyển cán bộ",
            "--due",
            "dang-bo-co-so=15/01/2024",
            "--due",
            "chi-bo-co-so=15/01/2024",
        ],
    ),
    case(
        "task add for people within a unit",
        "task.add",
        &[],
        &[
            "task",
            "add",
            "--directive",
            "45-QĐ/TU",
            "--code",
            "kiem-diem-can-bo-2023",
            "--title",
            "Kiểm điểm cán bộ năm 2023",
            "--people",
            "--within",
            "Ngô Quyền",
            "--due",
            "dang-bo-co-so=20/12/2023",
        ],
    ),
    case(
        "task edit",
        "task.edit",
        &[],
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--code",
            "kd-2023",
            "--title",
            "Kiểm điểm năm 2023",
        ],
    ),
    case("done", "done", &[], DONE_THANH_MY),
    case(
        "done with a rating",
        "done",
        &[],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-ban-to-chuc",
            "--on",
            "05/12/2023",
            "--rating",
            "HTTNV",
        ],
    ),
    case(
        "done, not rated",
        "done",
        &[],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-van-phong",
            "--on",
            "05/12/2023",
            "--not-rated",
            "Thành lập chưa đủ 6 tháng",
        ],
    ),
    case(
        "done --force before the chi bộ",
        "done",
        &[],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "p-le-loi",
            "--on",
            "11/12/2023",
            "--rating",
            "HTNV",
            "--force",
        ],
    ),
    case(
        "done by a person",
        "done",
        &[],
        &[
            "done",
            "--task",
            "xl-can-bo-2023",
            "--person",
            "Nguyễn Văn An",
            "--on",
            "10/12/2023",
            "--rating",
            "HTTNV",
        ],
    ),
    case(
        "done --correct",
        "done.correct",
        &[],
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-kho-bac",
            "--on",
            "05/12/2023",
            "--correct",
        ],
    ),
    case(
        "done --correct of a rating",
        "done.correct",
        &[],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "06/12/2023",
            "--rating",
            "HTTNV",
            "--correct",
        ],
    ),
    case(
        "done --correct of the note alone",
        "done.correct",
        &[],
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-kho-bac",
            "--note",
            "Họp bổ sung ngày 08/12/2023",
            "--correct",
        ],
    ),
    case(
        "done --force before a chi bộ done later",
        "done",
        &[
            &[
                "done",
                "--task",
                "xep-loai-2023",
                "--unit",
                "le-loi-tdp1",
                "--on",
                "05/12/2023",
                "--rating",
                "HTNV",
            ],
            &[
                "done",
                "--task",
                "xep-loai-2023",
                "--unit",
                "le-loi-tdp2",
                "--on",
                "08/12/2023",
                "--rating",
                "HTNV",
            ],
        ],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "p-le-loi",
            "--on",
            "06/12/2023",
            "--rating",
            "HTNV",
            "--force",
        ],
    ),
    with_file(
        "done --from FILE.csv",
        "done.import",
        &[(
            "ketqua.csv",
            "unit,on,evidence,note,rating\n\
             cb-ban-tuyen-giao,07/12/2023,Biên bản họp chi bộ,Nộp muộn,HTNV\n\
             x-thanh-my,13/12/2023,Báo cáo của Đảng ủy xã,,HTTNV\n",
        )],
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--from",
            "{dir}/ketqua.csv",
        ],
    ),
    with_file(
        "done --from FILE.csv with ratings and a correction",
        "done.import",
        &[(
            "xeploai.csv",
            "\u{FEFF}unit,on,evidence,note,rating\n\
             cb-ubkt,05/12/2023,,,HTTNV\n\
             cb-kho-bac,06/12/2023,Biên bản,,HTNV\n\
             le-loi-tdp1,04/12/2023,,,HTXSNV\n",
        )],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--from",
            "{dir}/xeploai.csv",
            "--correct",
        ],
    ),
    case(
        "extend",
        "extend",
        &[],
        &[
            "extend",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "Kim Sơn",
            "--to",
            "20/12/2023",
            "--reason",
            "Bí thư đi học",
        ],
    ),
    case(
        "person add",
        "person.add",
        &[],
        &[
            "person",
            "add",
            "Hoàng Văn Em",
            "--position",
            "Bí thư Đảng ủy xã",
            "--unit",
            "Kim Sơn",
            "--from",
            "01/01/2021",
        ],
    ),
    with_file(
        "person import",
        "person.import",
        &[(
            "canbo.csv",
            "code,name,position,unit,from\n\
             ,Vũ Thị Giang,Bí thư Đảng ủy xã,Thanh Mỹ,01/07/2020\n\
             do-van-hai,Đỗ Văn Hải,Bí thư Chi bộ,cb-kho-bac,\n",
        )],
        &["person", "import", "{dir}/canbo.csv"],
    ),
    case(
        "person leave",
        "person.leave",
        &[],
        &["person", "leave", "Nguyễn Văn An", "--on", "31/12/2023"],
    ),
    case(
        "rules set, a rule at its default",
        "rules.set",
        &[],
        &["rules", "set", "min-age-months", "12"],
    ),
    case(
        "rules set, a rule set before",
        "rules.set",
        &[],
        &["rules", "set", "htxsnv-quota-pct", "25"],
    ),
    case(
        "settings set, a new one",
        "settings.set",
        &[],
        &["settings", "set", "dia-danh", "Sơn Tây"],
    ),
    case(
        "settings set, one set before",
        "settings.set",
        &[&[
            "settings",
            "set",
            "noi-nhan",
            "Thường trực Thị ủy",
            "Lưu Ban Tổ chức",
        ]],
        &["settings", "set", "noi-nhan", "Lưu Ban Tổ chức"],
    ),
    case(
        "settings unset",
        "settings.unset",
        &[&["settings", "set", "ky-hieu", "BTCTU"]],
        &["settings", "unset", "ky-hieu"],
    ),
    with_file(
        "extract --apply",
        "extract.apply",
        &[(
            "thongbao.txt",
            "Sáng 05/01/2024, Ban Thường vụ Thị ủy Sơn Tây ban hành Kế hoạch số 250-KH/TU \
             ngày 05/01/2024 của Ban Thường vụ Thị ủy Sơn Tây về sơ kết việc thực hiện \
             Kế hoạch số 188-KH/TU ngày 6/11/2023 của Ban Thường vụ Thành ủy Hà Nội.\n\
             Theo kế hoạch, các đảng bộ cơ sở gửi báo cáo sơ kết xong trước ngày 20/01/2024.\n",
        )],
        &["extract", "{dir}/thongbao.txt", "--apply", "--yes"],
    ),
    // The undo of the setup's change; undone in turn by its number.
    case("undo", "undo", &[DONE_THANH_MY], &["undo"]),
    // `demo` replaces its file, so the only state before it that an undo can
    // return to is an empty demo database: the demo, undone.
    case("demo", "demo", &[&["demo"], &["undo"]], &["demo"]),
    case(
        "task renew",
        "task.renew",
        &[],
        &["task", "renew", "kiem-diem-2023", "--year", "2024"],
    ),
    case(
        "task renew, a task for people under another plan",
        "task.renew",
        &[ADD_366],
        &[
            "task",
            "renew",
            "xl-can-bo-2023",
            "--year",
            "2025",
            "--directive",
            "366-QĐ/TW",
            "--code",
            "xl-can-bo-2025",
        ],
    ),
    case(
        "task edit, a due date moved",
        "task.edit",
        &[],
        &[
            "task",
            "edit",
            "xep-loai-2023",
            "--due",
            "chi-bo-co-so=15/12/2023",
            "--reason",
            "Theo Công văn số 125-CV/TU",
        ],
    ),
    case(
        "task edit, a due date moved for the units done too",
        "task.edit",
        &[],
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--due",
            "chi-bo-co-so=15/12/2023",
            "--all",
            "--reason",
            "Dời hạn chung",
        ],
    ),
    case(
        "task edit, a kind added",
        "task.edit",
        &[],
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--add-due",
            "chi-bo-truc-thuoc=06/12/2023",
        ],
    ),
    case(
        "task edit, a kind removed",
        "task.edit",
        &[],
        &[
            "task",
            "edit",
            "xep-loai-2023",
            "--remove-due",
            "chi-bo-truc-thuoc",
        ],
    ),
    // Units that join, and units that change kind (tests/cli/join.rs).
    case(
        "unit add that joins an open task",
        "unit.add",
        &[],
        &[
            "unit",
            "add",
            "Chi bộ Trường THCS Sơn Lộc",
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
            "--founded",
            "01/12/2023",
        ],
    ),
    case(
        "unit edit --kind that moves open due dates",
        "unit.edit",
        &[],
        &[
            "unit",
            "edit",
            "cb-trung-tam-y-te",
            "--kind",
            "dang-bo-co-so",
            "--on",
            "01/12/2023",
        ],
    ),
    case(
        "task assign --unit with --due",
        "task.assign",
        &[ADD_CB_MOI],
        &[
            "task",
            "assign",
            "kiem-diem-2023",
            "--unit",
            "cb-moi",
            "--due",
            "20/12/2023",
        ],
    ),
    case(
        "task assign --missing",
        "task.assign",
        &[&[
            "unit",
            "add",
            "Chi bộ Trường THCS Sơn Lộc",
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
            "--founded",
            "01/12/2023",
            "--no-tasks",
        ]],
        &["task", "assign", "kiem-diem-2023", "--missing"],
    ),
    case(
        "task assign of a task for people",
        "task.assign",
        &[&[
            "person",
            "add",
            "Hoàng Văn Em",
            "--position",
            "Bí thư Đảng ủy xã",
            "--unit",
            "Kim Sơn",
        ]],
        &["task", "assign", "xl-can-bo-2023", "--unit", "Kim Sơn"],
    ),
];

/// A chi bộ founded after plan 223's review fell due: it owes nothing yet.
const ADD_CB_MOI: &[&str] = &[
    "unit",
    "add",
    "Chi bộ Trung tâm Chính trị",
    "--kind",
    "chi-bo-co-so",
    "--parent",
    "son-tay",
    "--code",
    "cb-moi",
    "--founded",
    "10/12/2023",
];

/// The action names of `LOG_LINES` in `src/i18n/log.rs`: the string that
/// opens each `(action, text)` pair, the only strings two brackets deep.
fn log_line_actions() -> BTreeSet<String> {
    let source = include_str!("../../src/i18n/log.rs");
    let start = source.find("const LOG_LINES").expect("LOG_LINES");
    let body = &source[start..];
    let body = &body[body.find('=').expect("LOG_LINES =")..];
    let mut actions = BTreeSet::new();
    let mut depth = 0;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => literal.extend(chars.next()),
                        '"' => break,
                        c => literal.push(c),
                    }
                }
                if depth == 2 {
                    actions.insert(literal);
                }
            }
            _ => {}
        }
    }
    actions
}

#[test]
fn every_action_of_the_log_has_an_undo_case() {
    let logged = log_line_actions();
    assert!(logged.contains("person.add") && logged.contains("undo"));
    let covered: BTreeSet<String> = CASES.iter().map(|c| c.action.to_string()).collect();
    assert_eq!(
        covered, logged,
        "the actions of LOG_LINES and the cases of CASES differ"
    );
    let mut names = BTreeSet::new();
    assert!(CASES.iter().all(|c| names.insert(c.name)), "names repeat");
}

#[test]
fn every_write_can_be_undone_and_redone() {
    let base = base();
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|case| {
            check(&base, case)
                .err()
                .map(|e| format!("{}: {e}", case.name))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// The Sơn Tây demo, with a rating task (one chi bộ rated), leaders (one
/// who left), a rating task for them, and a rule changed.
fn base() -> Theodoi {
    let t = Theodoi::bare();
    t.ok(&["demo"]);
    t.add_rated_task();
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "HTXSNV",
    ]);
    let file = t.dir.path().join("canbo.csv");
    std::fs::write(
        &file,
        "code,name,position,unit,from\n\
         nguyen-van-an,Nguyễn Văn An,Bí thư Đảng ủy phường,Ngô Quyền,01/01/2021\n\
         tran-thi-binh,Trần Thị Bình,Phó Bí thư Đảng ủy phường,p-ngo-quyen,\n\
         le-van-cuong,Lê Văn Cường,Bí thư Đảng ủy xã,Đường Lâm,15/06/2020\n\
         pham-thi-dung,Phạm Thị Dung,Bí thư Chi bộ,cb-ubkt,\n",
    )
    .unwrap();
    t.ok(&["person", "import", file.to_str().unwrap()]);
    t.ok(&["person", "leave", "Phạm Thị Dung", "--on", "30/11/2023"]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--code",
        "xl-can-bo-2023",
        "--title",
        "Xếp loại cán bộ diện BTV quản lý năm 2023",
        "--people",
        "--rated",
        "--due",
        "dang-bo-co-so=15/12/2023",
        "--due",
        "chi-bo-co-so=15/12/2023",
    ]);
    t.ok(&["rules", "set", "htxsnv-quota-pct", "15"]);
    t
}

/// Runs one case on a copy of `base`: export, the command, export, undo
/// (the export before again), undo of the undo (the export after again).
fn check(base: &Theodoi, case: &Case) -> Result<(), String> {
    let t = match crate::util::on_postgres() {
        true => base.pg_copy(),
        false => {
            let t = Theodoi::bare();
            ok(base, &["backup", path(&t.db)])?;
            t
        }
    };
    let dir = path(t.dir.path());
    for (name, contents) in case.files {
        std::fs::write(t.dir.path().join(name), contents).map_err(|e| e.to_string())?;
    }
    for command in case.setup {
        ok(&t, command)?;
    }
    let before = export(&t)?;
    let command: Vec<String> = case
        .command
        .iter()
        .map(|a| a.replace("{dir}", dir))
        .collect();
    let command: Vec<&str> = command.iter().map(String::as_str).collect();
    ok(&t, &command)?;
    let change = newest_change(&t)?;
    if change["action"] != case.action {
        return Err(format!(
            "logged as {} (expected {})",
            change["action"], case.action
        ));
    }
    let id = change["id"].as_i64().ok_or("no change id")?;
    let after = export(&t)?;
    if after == before {
        return Err("the command changed nothing".into());
    }
    crate::order::in_collation_order(&t).map_err(|e| format!("after the command: {e}"))?;

    // `undo` takes back one's last change that is not itself an undo; an
    // undo is taken back by its number.
    let number = id.to_string();
    if case.action == "undo" {
        ok(&t, &["undo", &number])?;
    } else {
        ok(&t, &["undo"])?;
    }
    let undo = newest_change(&t)?;
    if undo["action"] != "undo" || undo["undoes"] != id {
        return Err(format!("undo took back the wrong change: {undo}"));
    }
    compare("after undo", &before, &export(&t)?)?;
    tally_is_true(&t)?;
    crate::order::in_collation_order(&t).map_err(|e| format!("after undo: {e}"))?;

    let number = undo["id"].to_string();
    ok(&t, &["undo", &number])?;
    compare("after the undo was undone", &after, &export(&t)?)?;
    tally_is_true(&t)?;
    crate::order::in_collation_order(&t).map_err(|e| format!("after the undo was undone: {e}"))
}

/// `open_by_due`, which export leaves out, still counts the open obligations.
fn tally_is_true(t: &Theodoi) -> Result<(), String> {
    if crate::util::on_postgres() {
        let kept = t.pg_pairs("SELECT due_on, n FROM open_by_due ORDER BY due_on")?;
        let counted = t.pg_pairs(
            "SELECT due_on, count(*) FROM obligation
             WHERE completed_on IS NULL AND cancelled_on IS NULL AND opened_on IS NULL
             GROUP BY due_on ORDER BY due_on",
        )?;
        if kept != counted {
            return Err(format!("open_by_due {kept:?}, counted {counted:?}"));
        }
        return Ok(());
    }
    let conn = rusqlite::Connection::open(&t.db).map_err(|e| e.to_string())?;
    let rows = |sql: &str| -> rusqlite::Result<Vec<(String, i64)>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect()
    };
    let kept = rows("SELECT due_on, n FROM open_by_due ORDER BY due_on");
    let counted = rows(
        "SELECT due_on, count(*) FROM obligation
         WHERE completed_on IS NULL AND cancelled_on IS NULL AND opened_on IS NULL
         GROUP BY due_on ORDER BY due_on",
    );
    match (kept, counted) {
        (Ok(kept), Ok(counted)) if kept == counted => Ok(()),
        (Ok(kept), Ok(counted)) => Err(format!("open_by_due {kept:?}, counted {counted:?}")),
        (Err(e), _) | (_, Err(e)) => Err(e.to_string()),
    }
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// Runs a command that must succeed; its output.
fn ok(t: &Theodoi, args: &[&str]) -> Result<String, String> {
    let r = run(t.command(args));
    if r.code == 0 {
        Ok(r.stdout)
    } else {
        Err(format!("theodoi {args:?} failed: {}", r.stderr.trim_end()))
    }
}

/// The newest entry of the log.
fn newest_change(t: &Theodoi) -> Result<Value, String> {
    let out = ok(t, &["log", "--format", "json"])?;
    let log: Vec<Value> = serde_json::from_str(&out).map_err(|e| e.to_string())?;
    log.into_iter().next().ok_or_else(|| "empty log".into())
}

/// The export's tables, the change log aside.
fn export(t: &Theodoi) -> Result<serde_json::Map<String, Value>, String> {
    let out = ok(t, &["export", "-"])?;
    let mut document: Value = serde_json::from_str(&out).map_err(|e| e.to_string())?;
    let Some(Value::Object(mut tables)) = document.get_mut("tables").map(Value::take) else {
        return Err("an export without tables".into());
    };
    tables.remove("change");
    tables.remove("change_row");
    Ok(tables)
}

/// Says which rows of which tables differ.
fn compare(
    when: &str,
    expected: &serde_json::Map<String, Value>,
    found: &serde_json::Map<String, Value>,
) -> Result<(), String> {
    if expected == found {
        return Ok(());
    }
    let mut lines = vec![format!("{when}, the export differs:")];
    let names: BTreeSet<&String> = expected.keys().chain(found.keys()).collect();
    for name in names {
        let rows = |tables: &serde_json::Map<String, Value>| -> Vec<Value> {
            tables
                .get(name)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (want, got) = (rows(expected), rows(found));
        for row in want.iter().filter(|r| !got.contains(r)).take(3) {
            lines.push(format!("  {name}: missing {row}"));
        }
        for row in got.iter().filter(|r| !want.contains(r)).take(3) {
            lines.push(format!("  {name}: unexpected {row}"));
        }
    }
    Err(lines.join("\n"))
}

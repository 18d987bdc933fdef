//! What a clerk reads of tasks, rules, dates and files: tasks by their
//! content (masked as reports mask a secret directive's), rules and settings
//! by their names, dates that are no day said plainly, one way of listing a
//! file's columns, cells that start with a capital.

use crate::util::Theodoi;

/// The Sơn Tây scenario with a secret directive and a task of it.
fn with_secret_task() -> Theodoi {
    let t = Theodoi::son_tay();
    t.ok(&["directive", "edit", "188-KH/TU", "--secrecy", "mat"]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "nv-03",
        "--title",
        "Rà soát quy hoạch nhân sự",
        "--due",
        "chi-bo-co-so=06/12/2023",
    ]);
    t
}

const REVIEW: &str = "“Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”";

/// `done --task kiem-diem-2023 --from FILE`, refused: what it says.
fn review_from_file_fails(t: &Theodoi, file: &std::path::Path) -> String {
    t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        file.to_str().unwrap(),
    ])
}

#[test]
fn the_log_names_tasks_by_their_content_and_json_keeps_the_codes() {
    let t = with_secret_task();
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
    ]);
    t.ok(&[
        "done",
        "--task",
        "nv-03",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
    ]);
    t.ok(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kim Sơn",
        "--to",
        "20/12/2023",
        "--reason",
        "Bí thư đi học",
    ]);
    let undone = t.ok(&["undo"]);
    assert!(
        undone.contains(&format!("gia hạn nhiệm vụ {REVIEW}")),
        "{undone}"
    );
    let log = t.ok(&["log", "--format", "md"]);
    for line in [
        format!(
            "Ghi kết quả: Chi bộ Kho bạc Nhà nước Sơn Tây hoàn thành nhiệm vụ {REVIEW} ngày 05/12/2023"
        ),
        // A secret directive's task: its code and the mark, as reports
        // name it, so that two of one directive are told apart.
        "hoàn thành nhiệm vụ nv-03 (188-KH/TU, Mật) ngày 05/12/2023".to_string(),
        "Thêm nhiệm vụ nv-03 (188-KH/TU, Mật) của 188-KH/TU".to_string(),
        "Hoàn tác #".to_string(),
        format!("Gia hạn nhiệm vụ {REVIEW} cho Đảng bộ xã Kim Sơn"),
    ] {
        assert!(log.contains(&line), "{line}\n{log}");
    }
    // No code where nothing is typed, and never a secret title.
    for word in ["kiem-diem-2023", "Rà soát"] {
        assert!(!log.contains(word), "{word}\n{log}");
    }
    // With --show-secret, the secret task's title.
    let shown = t.ok(&["--show-secret", "log", "--format", "md"]);
    assert!(shown.contains("“Rà soát quy hoạch nhân sự”"), "{shown}");
    // JSON keeps the codes, the same in any language.
    let json = t.ok(&["log", "--format", "json"]);
    assert!(json.contains(r#"\"task\":\"kiem-diem-2023\""#), "{json}");
    assert!(!json.contains('“'), "{json}");
    assert_eq!(json, t.ok(&["--lang", "en", "log", "--format", "json"]));
    // A unit added now owes the open tasks: named by their content too.
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Trường Tiểu học Sơn Lộc",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--founded",
        "01/11/2023",
    ]);
    let log = t.ok(&["log", "--format", "md"]);
    let added = log
        .lines()
        .find(|l| l.contains("Chi bộ Trường Tiểu học Sơn Lộc"))
        .unwrap_or_default();
    assert!(added.contains(REVIEW), "{added}");
    assert!(added.contains(", nv-03 (188-KH/TU, Mật)"), "{added}");
    assert!(!added.contains("kiem-diem-2023"), "{added}");
}

#[test]
fn the_log_names_rules_and_settings_in_words() {
    let t = Theodoi::son_tay();
    t.ok(&["rules", "set", "lower-levels-first", "off"]);
    t.ok(&["settings", "set", "nguoi-ky", "Nguyễn Văn A"]);
    let said = t.ok(&["rules", "set", "htxsnv-quota-pct", "25"]);
    assert_eq!(
        said.trim(),
        "Đã đặt quy tắc Tỷ lệ HTXSNV tối đa: 25 (trước: 20)"
    );
    let log = t.ok(&["log", "--format", "md"]);
    for line in [
        "Đặt quy tắc Cấp dưới hoàn thành trước: bật → tắt",
        "Đặt họ tên người ký: Nguyễn Văn A",
    ] {
        assert!(log.contains(line), "{line}\n{log}");
    }
    for slug in ["lower-levels-first", "nguoi-ky", "htxsnv-quota-pct"] {
        assert!(!log.contains(slug), "{slug}\n{log}");
    }
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains("Set the rule Lower levels first: on → off"),
        "{en}"
    );
    assert!(en.contains("Set the signer's name to Nguyễn Văn A"), "{en}");
    let json = t.ok(&["log", "--format", "json"]);
    assert!(
        json.contains(r#"\"name\":\"lower-levels-first\""#),
        "{json}"
    );
    assert!(json.contains(r#"\"key\":\"nguoi-ky\""#), "{json}");
    // Where the rule is typed, its slug beside its name.
    let err = t.fails(&["rules", "set", "lower-levels-first", "maybe"]);
    assert!(
        err.contains("quy tắc Cấp dưới hoàn thành trước (lower-levels-first)"),
        "{err}"
    );
}

#[test]
fn errors_name_tasks_by_their_content_and_keep_the_code_to_type() {
    let t = with_secret_task();
    let err = t.fails(&["done", "--task", "kiem-diem-2023", "--unit", "son-tay"]);
    assert!(
        err.contains(&format!("phải thực hiện nhiệm vụ {REVIEW}")),
        "{err}"
    );
    assert!(err.contains("task assign kiem-diem-2023 --unit"), "{err}");
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
    ]);
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
    ]);
    assert!(
        err.contains(&format!("đã có kết quả nhiệm vụ {REVIEW}")),
        "{err}"
    );
    assert!(!err.contains("kiem-diem-2023"), "{err}");
    let err = t.fails(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-kho-bac",
        "--to",
        "20/12/2023",
        "--reason",
        "x",
    ]);
    assert!(
        err.contains(&format!("đã hoàn thành nhiệm vụ {REVIEW}")),
        "{err}"
    );
    // A secret directive's task: as reports name it, never its title.
    let err = t.fails(&[
        "done",
        "--task",
        "nv-03",
        "--unit",
        "cb-kho-bac",
        "--rating",
        "HTTNV",
    ]);
    assert!(
        err.contains("nhiệm vụ “nv-03 (188-KH/TU, Mật)” không có xếp loại"),
        "{err}"
    );
    assert!(!err.contains("Rà soát"), "{err}");
    let en = t.fails(&[
        "--lang",
        "en",
        "done",
        "--task",
        "nv-03",
        "--unit",
        "cb-kho-bac",
        "--rating",
        "HTTNV",
    ]);
    assert!(
        en.contains("task “nv-03 (188-KH/TU, Mật)” is not rated"),
        "{en}"
    );
}

#[test]
fn the_english_log_reads_as_english() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "Kế hoạch số 300",
        "--issuer",
        "Thị ủy Sơn Tây",
        "--title",
        "Sơ kết",
    ]);
    t.ok(&[
        "directive",
        "revoke",
        "Kế hoạch số 300",
        "--on",
        "10/12/2023",
        "--reason",
        "Thay thế",
    ]);
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    for line in [
        "Added directive 188-KH/TU of 06/11/2023 by Ban Thường vụ Thành ủy Hà Nội",
        "Added directive Plan no. 300 (date unknown) by Thị ủy Sơn Tây",
        "Revoked Plan no. 300 (date unknown) by Thị ủy Sơn Tây on 10/12/2023",
        "of Plan no. 223: 23 units",
    ] {
        assert!(en.contains(line), "{line}\n{en}");
    }
    for word in [" ngày ", " của ", "chưa rõ ngày", "Kế hoạch số"] {
        assert!(!en.contains(word), "{word}\n{en}");
    }
    // The same lines in Vietnamese for a Vietnamese reader.
    let vi = t.ok(&["log", "--format", "md"]);
    assert!(
        vi.contains("Thêm văn bản 188-KH/TU ngày 06/11/2023 của Ban Thường vụ Thành ủy Hà Nội"),
        "{vi}"
    );
}

#[test]
fn a_missing_value_points_to_the_help_of_its_command() {
    let t = Theodoi::new();
    for (args, help) in [
        (&["done", "--unit"][..], "`theodoi done --help`"),
        (&["overdue", "--within"], "`theodoi overdue --help`"),
        (&["task", "add", "--directive"], "`theodoi task add --help`"),
        (&["--lang", "en", "done", "--unit"], "`theodoi done --help`"),
    ] {
        let err = t.fails(args);
        assert!(err.contains(help), "{args:?}: {err}");
    }
}

#[test]
fn a_file_s_columns_are_listed_one_way() {
    let t = Theodoi::son_tay();
    let help = t.ok(&["done", "--help"]).replace('\n', " ");
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("cột 'Tên đơn vị', 'Ngày hoàn thành', 'Minh chứng', 'Ghi chú', 'Xếp loại', hoặc 'unit', 'on', 'evidence', 'note', 'rating'"),
        "{help}"
    );
    for command in [
        &["done", "--help"][..],
        &["person", "import", "--help"],
        &["unit", "import", "--help"],
    ] {
        for lang in ["vi", "en"] {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            let help = t.ok(&args);
            assert!(!help.contains("'unit,on"), "{help}");
            assert!(!help.contains("'code,name"), "{help}");
            assert!(!help.contains("cột Họ và tên"), "{help}");
        }
    }
    let file = t.dir.path().join("ketqua.csv");
    std::fs::write(&file, "a,b\n1,2\n").unwrap();
    let err = review_from_file_fails(&t, &file);
    assert!(
        // The column a clerk's sheet heads by the unit's name, named first.
        err.contains("thiếu cột 'Đơn vị' (tiêu đề cột có thể là: 'Đơn vị', 'Tên',")
            && err.contains("'Mã', 'Mã đơn vị'"),
        "{err}"
    );
    assert!(err.contains("dòng tiêu đề đọc được: 'a', 'b'"), "{err}");
}

#[test]
fn cells_that_start_a_line_start_with_a_capital() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "Kế hoạch số 300",
        "--issuer",
        "Thị ủy Sơn Tây",
        "--title",
        "Sơ kết",
    ]);
    t.ok(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kim Sơn",
        "--to",
        "20/12/2023",
        "--reason",
        "Bí thư đi học",
    ]);
    let log = t.ok(&["log", "--format", "md"]);
    assert!(log.contains("| Gia hạn nhiệm vụ “Kiểm điểm"), "{log}");
    assert!(log.contains("| Thêm văn bản Kế hoạch số 300"), "{log}");
    let directives = t.ok(&["directive", "list", "--format", "md"]);
    assert!(directives.contains("| Chưa rõ ngày |"), "{directives}");
    let rules = t.ok(&["rules", "--format", "md"]);
    assert!(rules.contains("| Bật | Bật |"), "{rules}");
    let results = t.ok(&["results", "kiem-diem-2023", "--format", "md"]);
    assert!(results.contains("Gia hạn đến 20/12/2023"), "{results}");
    let agenda = t.ok(&[
        "agenda",
        "Kim Sơn",
        "--as-of",
        "07/12/2023",
        "--format",
        "md",
    ]);
    assert!(agenda.contains("| Gia hạn đến 20/12/2023"), "{agenda}");
}

#[test]
fn a_date_that_is_no_day_says_what_is_wrong_with_it() {
    let t = Theodoi::son_tay();
    for (date, said) in [
        (
            "31/13/2023",
            "ngày 31/13/2023 không có thật: tháng chỉ từ 1 đến 12",
        ),
        (
            "29/02/2023",
            "ngày 29/02/2023 không có thật: ngày trong tháng 2/2023 chỉ từ 1 đến 28",
        ),
        (
            "0/1/2024",
            "ngày 0/1/2024 không có thật: ngày trong tháng 1/2024 chỉ từ 1 đến 31",
        ),
        (
            "ngày 6 tháng 13 năm 2023",
            "ngày 6 tháng 13 năm 2023 không có thật: tháng chỉ từ 1 đến 12",
        ),
        (
            "31/12/1800",
            "ngày 31/12/1800 nằm ngoài khoảng cho phép: chỉ nhận ngày từ 01/01/1930 đến 31/12/9999",
        ),
        (
            "6/12/23",
            "không đọc được ngày '6/12/23': cần viết theo dạng dd/mm/yyyy",
        ),
    ] {
        let err = t.fails(&["overdue", "--as-of", date]);
        assert!(err.contains(said), "{date}: {err}");
    }
    let err = t.fails(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--title",
        "x",
        "--due",
        "chi-bo-co-so=31/04/2024",
    ]);
    assert!(
        err.contains("ngày 31/04/2024 không có thật: ngày trong tháng 4/2024 chỉ từ 1 đến 30"),
        "{err}"
    );
    let en = t.fails(&["--lang", "en", "overdue", "--as-of", "31/13/2023"]);
    assert!(
        en.contains("31/13/2023 is not a real date: months run from 1 to 12"),
        "{en}"
    );
}

#[test]
fn a_task_for_people_with_nobody_in_post_says_so() {
    let t = Theodoi::son_tay();
    let err = t.fails(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--code",
        "xl-can-bo",
        "--title",
        "Đánh giá cán bộ",
        "--people",
        "--due",
        "dang-bo-co-so=20/12/2023",
    ]);
    assert!(
        err.contains("chưa có cán bộ nào đang giữ chức ở đảng bộ cơ sở"),
        "{err}"
    );
    assert!(err.contains("person add"), "{err}");
    assert!(!err.contains("không có tổ chức đảng nào"), "{err}");
    // Units of a kind that is not there: still said as before.
    let err = t.fails(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--title",
        "x",
        "--within",
        "cb-kho-bac",
        "--due",
        "dang-bo-co-so=20/12/2023",
    ]);
    assert!(
        err.contains("không có tổ chức đảng nào là đảng bộ cơ sở"),
        "{err}"
    );
}

#[test]
fn a_secret_directive_s_rated_tasks_keep_their_titles_out_of_ratings_and_renewals() {
    let t = with_secret_task();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "nv-04",
        "--title",
        "Xếp loại cán bộ quy hoạch",
        "--due",
        "chi-bo-co-so=06/12/2023",
        "--rated",
    ]);
    for args in [
        &["ratings", "--as-of", "31/12/2023", "--task", "nv-04"][..],
        &["ratings", "--as-of", "31/12/2023", "--format", "md"],
        &[
            "--lang",
            "en",
            "ratings",
            "--as-of",
            "31/12/2023",
            "--format",
            "md",
        ],
    ] {
        let out = t.ok(args);
        assert!(!out.contains("quy hoạch"), "{args:?}: {out}");
        assert!(out.contains("nv-04 (188-KH/TU, Mật)"), "{args:?}: {out}");
    }
    // Renewed under a directive that is not secret, with its title: refused,
    // nothing written; with a title of its own, made.
    let before = t.snapshot();
    let err = t.fails(&[
        "task",
        "renew",
        "nv-03",
        "--year",
        "2024",
        "--directive",
        "Kế hoạch số 223",
    ]);
    assert!(
        err.contains("nv-03 (188-KH/TU, Mật)")
            && err.contains("--title")
            && !err.contains("quy hoạch"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before, "nothing written");
    let out = t.ok(&[
        "task",
        "renew",
        "nv-03",
        "--year",
        "2024",
        "--directive",
        "Kế hoạch số 223",
        "--title",
        "Việc năm 2024",
    ]);
    assert!(!out.contains("quy hoạch"), "{out}");
}

#[test]
fn braces_in_a_title_are_text_not_a_template() {
    let t = Theodoi::son_tay();
    let out = t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "p4",
        "--title",
        "A {year} {n:x|y} {whom",
        "--due",
        "chi-bo-co-so=06/12/2023",
    ]);
    assert!(out.contains("A {year} {n:x|y} {whom"), "{out}");
    assert!(!out.contains("{whom phải"), "{out}");
}

#[test]
fn a_guessed_secret_title_is_never_confirmed_by_an_edit() {
    let t = with_secret_task();
    let before = t.snapshot();
    for args in [
        &[
            "task",
            "edit",
            "nv-03",
            "--title",
            "Rà soát quy hoạch nhân sự",
        ][..],
        &["task", "edit", "nv-03", "--title", "Đoán sai"],
        &["directive", "edit", "188-KH/TU", "--title", "Đoán"],
    ] {
        let err = t.fails(args);
        assert!(
            err.contains("chỉ sửa được khi có --show-secret") && err.contains("không ghi gì"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(t.snapshot(), before, "nothing written");
    t.ok(&[
        "--show-secret",
        "task",
        "edit",
        "nv-03",
        "--title",
        "Việc khác",
    ]);
}

#[test]
fn an_unknown_command_is_offered_only_a_near_one_and_its_own_help() {
    let t = Theodoi::son_tay();
    let err = t.fails(&["frobnicate"]);
    assert!(!err.contains("có phải"), "{err}");
    let err = t.fails(&["overdeu"]);
    assert!(err.contains("(có phải overdue không?)"), "{err}");
    let err = t.fails(&["task", "ad"]);
    assert!(err.contains("xem `theodoi task --help`"), "{err}");
}

#[test]
fn an_undone_undo_reads_as_the_change_put_back() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "edit",
        "188-KH/TU",
        "--title",
        "Luân chuyển cán bộ",
    ]);
    let first = t.ok(&["undo"]);
    assert!(first.starts_with("Đã hoàn tác thay đổi #"), "{first}");
    let undo: u64 = first["Đã hoàn tác thay đổi #".len()..]
        .split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("the number of the change undone");
    let undo = undo + 1;
    let again = t.ok(&["undo", &undo.to_string()]);
    assert!(
        again.starts_with(&format!(
            "Đã khôi phục thay đổi #{} (hủy hoàn tác #{undo}): ",
            undo - 1
        )),
        "{again}"
    );
    // Not a double undo ("hoàn tác #9: hoàn tác #8: …").
    assert!(!again.contains(": hoàn tác #"), "{again}");
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains(&format!(
            "Khôi phục thay đổi #{} (hủy hoàn tác #{undo})",
            undo - 1
        )),
        "{log}"
    );
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains(&format!(
            "Redid change #{} (reversing undo #{undo})",
            undo - 1
        )),
        "{en}"
    );
    // What it put back is there again.
    let shown = t.ok(&["directive", "show", "188-KH/TU"]);
    assert!(shown.contains("Luân chuyển cán bộ"), "{shown}");
}

#[test]
fn a_row_of_a_file_is_told_of_its_columns_not_of_options() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("donvi.csv");
    std::fs::write(
        &file,
        "Mã đơn vị,Tên tổ chức đảng,Loại tổ chức đảng,Trực thuộc\nx1,Chi bộ A,chi-bo-co-so,\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", file.to_str().unwrap()]);
    assert!(
        err.contains("dòng 2: chi bộ cơ sở phải có cấp trên trực tiếp (cột 'Trực thuộc')"),
        "{err}"
    );
    assert!(!err.contains("--parent"), "{err}");
    // The same at the command line names the option.
    let err = t.fails(&["unit", "add", "Chi bộ A", "--kind", "chi-bo-co-so"]);
    assert!(err.contains("(--parent)"), "{err}");
    // A people file without its unit column names the column a clerk's
    // sheet has, the unit's name, first.
    let people = t.dir.path().join("canbo.csv");
    std::fs::write(&people, "Họ và tên,Chức vụ\nNguyễn A,Bí thư\n").unwrap();
    let err = t.fails(&["person", "import", people.to_str().unwrap()]);
    assert!(err.contains("thiếu cột 'Đơn vị'"), "{err}");
}

#[test]
fn a_name_with_invisible_characters_is_the_name_it_shows() {
    let t = Theodoi::son_tay();
    // A word joiner and a zero-width space, as a page pasted from the web
    // may carry: the same name as the one on record.
    let err = t.fails(&[
        "unit",
        "add",
        "Đảng bộ phường Lê\u{2060} Lợi",
        "--kind",
        "dang-bo-co-so",
        "--parent",
        "son-tay",
    ]);
    assert!(
        err.contains("cấp trên đã có Đảng bộ phường Lê Lợi"),
        "{err}"
    );
    t.ok(&[
        "person",
        "add",
        "Nguyễn Văn An",
        "--position",
        "Bí thư Đảng ủy phường",
        "--unit",
        "Ngô Quyền",
    ]);
    // The same person typed again, with a zero-width space: refused, not
    // a second person coded nguyen-van-an-2.
    let err = t.fails(&[
        "person",
        "add",
        "Nguyễn Văn\u{200B} An",
        "--position",
        "Bí thư Đảng ủy phường",
        "--unit",
        "Ngô Quyền",
    ]);
    assert!(
        err.contains("Đảng bộ phường Ngô Quyền đã có cán bộ Nguyễn Văn An, Bí thư Đảng ủy phường (mã nguyen-van-an) đang giữ chức; không ghi gì")
            && err.contains("--same-name"),
        "{err}"
    );
    // Two people who share a name: said so.
    let added = t.ok(&[
        "person",
        "add",
        "Nguyễn Văn An",
        "--position",
        "Phó Bí thư Đảng ủy phường",
        "--unit",
        "Ngô Quyền",
        "--same-name",
    ]);
    assert!(added.contains("mã nguyen-van-an-2"), "{added}");
    // A code typed with a zero-width space is the code it shows.
    let agenda: Vec<serde_json::Value> =
        t.json(&["agenda", "cb-\u{200B}ubkt", "--as-of", "13/12/2023"]);
    assert!(!agenda.is_empty());
    let people: Vec<serde_json::Value> = t.json(&["person", "list"]);
    assert_eq!(people.len(), 2);
    assert!(
        people.iter().all(|p| p["name"] == "Nguyễn Văn An"),
        "{people:?}"
    );
}

#[test]
fn a_secret_task_is_named_once_beside_its_code() {
    let t = Theodoi::son_tay();
    t.ok(&["directive", "edit", "188-KH/TU", "--secrecy", "mat"]);
    let added = t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "nv-03",
        "--title",
        "Rà soát quy hoạch nhân sự",
        "--due",
        "chi-bo-co-so=06/12/2023",
    ]);
    assert!(
        added.starts_with("Đã thêm nhiệm vụ nv-03 (188-KH/TU, Mật) của văn bản 188-KH/TU"),
        "{added}"
    );
    let joined = t.ok(&[
        "unit",
        "add",
        "Chi bộ Trường Tiểu học Sơn Lộc",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--founded",
        "01/11/2023",
    ]);
    assert!(
        joined.contains("nhiệm vụ nv-03 (188-KH/TU, Mật)"),
        "{joined}"
    );
    for said in [&added, &joined] {
        assert!(!said.contains("nv-03 (nv-03"), "{said}");
        assert!(!said.contains("Rà soát"), "{said}");
    }
    // Its title corrected with --show-secret: both titles said.
    let said = t.ok(&[
        "--show-secret",
        "task",
        "edit",
        "nv-03",
        "--title",
        "Rà soát quy hoạch",
    ]);
    assert_eq!(
        said.trim(),
        "Đã sửa tên nhiệm vụ nv-03: “Rà soát quy hoạch nhân sự” → “Rà soát quy hoạch”"
    );
}

#[test]
fn rows_that_fail_alike_are_said_once_with_every_name() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("ketqua.csv");
    let mut csv = String::from("Đơn vị,Ngày\n");
    for n in 1..=8 {
        csv.push_str(&format!("Không có {n},05/12/2023\n"));
    }
    std::fs::write(&file, csv).unwrap();
    let err = review_from_file_fails(&t, &file);
    assert!(
        err.contains("có 8 dòng lỗi, không ghi gì: dòng 2–9: không tìm thấy tổ chức đảng 'Không có 1', 'Không có 2'")
            && err.contains("'Không có 8'"),
        "{err}"
    );
    assert!(!err.contains("… …") && !err.contains("mục"), "{err}");
    // Among other errors too: the like ones together, the others apart.
    std::fs::write(
        &file,
        "Đơn vị,Ngày\nA1,05/12/2023\nB2,05/12/2023\ncb-kho-bac,32/12/2023\nD4,05/12/2023\n",
    )
    .unwrap();
    let err = review_from_file_fails(&t, &file);
    assert!(
        err.contains("dòng 2–3, 5: không tìm thấy tổ chức đảng 'A1', 'B2', 'D4'; dòng 4: ngày 32/12/2023 không có thật"),
        "{err}"
    );
    // An empty cell is said to be empty, not a name between quotes.
    let people = t.dir.path().join("canbo.csv");
    std::fs::write(&people, "Họ và tên,Chức vụ,Đơn vị\nNguyễn A,Bí thư,\n").unwrap();
    let err = t.fails(&["person", "import", people.to_str().unwrap()]);
    assert!(err.contains("dòng 2: chưa ghi tổ chức đảng"), "{err}");
    assert!(!err.contains("''"), "{err}");
}

#[test]
fn an_import_refuses_a_name_twice_under_one_parent_as_unit_add_does() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let file = t.dir.path().join("donvi.csv");
    std::fs::write(
        &file,
        "Mã đơn vị,Tên tổ chức đảng,Loại tổ chức đảng,Trực thuộc\n\
         x1,Chi bộ X\u{200B}1,chi-bo-co-so,son-tay\n\
         x2,Chi bộ X1,chi-bo-co-so,son-tay\n\
         x3,Chi bộ Trung tâm Y tế thị xã,chi-bo-co-so,son-tay\n\
         x4,Chi bộ X1,chi-bo-truc-thuoc,p-ngo-quyen\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", file.to_str().unwrap()]);
    assert!(
        err.contains("có 2 dòng lỗi")
            && err.contains("dòng 3: Chi bộ X1 trùng tên với dòng 2, cùng cấp trên")
            && err.contains("dòng 4: cấp trên đã có Chi bộ Trung tâm Y tế thị xã"),
        "{err}"
    );
    // Under another parent the name is another unit's: not refused.
    assert!(!err.contains("dòng 5"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn undoing_a_marking_warns_that_the_titles_travel_again() {
    let t = Theodoi::son_tay();
    t.ok(&["directive", "edit", "188-KH/TU", "--secrecy", "mat"]);
    let run = t.run(&["undo"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .starts_with("Cảnh báo: 188-KH/TU không còn độ mật Mật: từ nay trích yếu văn bản"),
        "{run:?}"
    );
    // An undo of anything else warns of nothing.
    t.ok(&[
        "directive",
        "edit",
        "188-KH/TU",
        "--title",
        "Luân chuyển cán bộ",
    ]);
    let run = t.run(&["undo"]);
    assert!(run.stderr.is_empty(), "{run:?}");
}

use crate::util::Theodoi;

#[test]
fn help_speaks_vietnamese_by_default_and_english_on_request() {
    let t = Theodoi::bare();
    let vi = t.ok(&["--help"]);
    for want in ["Cách dùng:", "Lệnh:", "Tùy chọn:", "overdue", "Ví dụ:"] {
        assert!(vi.contains(want), "{want} missing in {vi}");
    }
    let en = t.ok(&["--lang", "en", "--help"]);
    for want in ["Usage:", "Commands:", "Options:", "Examples:"] {
        assert!(en.contains(want), "{want} missing in {en}");
    }
    let sub = t.ok(&["directive", "add", "--help"]);
    assert!(
        sub.contains("Cơ quan ban hành") && sub.contains("Kế hoạch số 223"),
        "{sub}"
    );
}

#[test]
fn theodoi_lang_selects_english() {
    let t = Theodoi::bare();
    let mut cmd = t.command(&["overdue"]);
    cmd.env("THEODOI_LANG", "en");
    let run = crate::util::run(cmd);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no database at"), "{run:?}");
}

#[test]
fn argument_errors_are_one_line_in_the_language_in_force() {
    let t = Theodoi::new();
    let err = t.fails(&["overdue", "--bogus"]);
    assert!(
        err.contains("'--bogus'") && err.contains("overdue --help"),
        "{err}"
    );
    let err = t.fails(&["task", "add", "--title", "x"]);
    assert!(
        err.contains("thiếu tham số") && err.contains("--directive"),
        "{err}"
    );
    let err = t.fails(&["--lang", "en", "overdue", "--format", "pdf"]);
    assert!(
        err.contains("'pdf'") && err.contains("table, json, csv"),
        "{err}"
    );
    let err = t.fails(&["lammoi"]);
    assert!(err.contains("'lammoi'"), "{err}");
}

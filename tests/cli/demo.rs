use crate::util::Theodoi;

#[test]
fn demo_builds_son_tay_and_prints_who_is_late() {
    let t = Theodoi::bare();
    let demo = t.dir.path().join("demo.db");
    let out = t.ok(&["demo", "--db", demo.to_str().unwrap()]);
    assert!(
        out.contains(
            "Số trường hợp chưa hoàn thành, quá hạn tính đến ngày 07/12/2023: 4 (4 tổ chức đảng, 1 nhiệm vụ)"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Số trường hợp chưa hoàn thành, quá hạn tính đến ngày 13/12/2023: 13 (13 tổ chức đảng, 1 nhiệm vụ)"
        ),
        "{out}"
    );
    // It rebuilds on a second run, with the same result.
    let again = t.ok(&["demo", "--db", demo.to_str().unwrap()]);
    assert_eq!(out, again);
}

#[test]
fn demo_never_overwrites_a_real_database() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&["demo", "--db", t.db.to_str().unwrap()]);
    assert!(err.contains("không phải cơ sở dữ liệu mẫu"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn demo_ignores_theodoi_db() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let mut cmd = t.command_without_db(&["demo"]);
    cmd.env("THEODOI_DB", &t.db);
    let run = crate::util::run(cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(t.snapshot(), before);
    #[cfg(target_os = "linux")]
    assert!(t.dir.path().join("data/theodoi/demo.db").exists());
}

//! An export edited by hand (or by anyone) is checked row by row as the
//! commands check what they write: refused whole, every bad value named,
//! nothing written. And should a cycle reach the unit tree all the same,
//! no report walks round it forever.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::{Run, Theodoi, UnitRow};

/// The whole database as its export document.
fn export(t: &Theodoi) -> Value {
    let out = t.ok(&["export", "-"]);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The rows of one table of an export.
fn rows<'a>(doc: &'a mut Value, table: &str) -> &'a mut Vec<Value> {
    doc["tables"][table]
        .as_array_mut()
        .unwrap_or_else(|| panic!("no table {table}"))
}

/// The row of `table` whose `column` is `value`.
fn row<'a>(doc: &'a mut Value, table: &str, column: &str, value: &str) -> &'a mut Value {
    rows(doc, table)
        .iter_mut()
        .find(|r| r[column] == value)
        .unwrap_or_else(|| panic!("no {table} with {column} = {value}"))
}

/// A fresh database, and what importing `doc` into it does.
fn import(doc: &Value, lang: &str) -> (Theodoi, Run) {
    let copy = Theodoi::new();
    let file = copy.dir.path().join("F.json");
    std::fs::write(&file, serde_json::to_vec(doc).unwrap()).unwrap();
    let run = copy.run(&["--lang", lang, "import", file.to_str().unwrap()]);
    (copy, run)
}

/// Asserts a refused import: one error line, and still nothing recorded.
fn refused(copy: &Theodoi, run: &Run) -> String {
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with("theodoi: "), "{}", run.stderr);
    assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
    assert_eq!(copy.ok(&["unit", "list"]), "Chưa có tổ chức đảng nào.\n");
    assert_eq!(copy.ok(&["directive", "list", "--format", "json"]), "[]\n");
    assert_eq!(copy.ok(&["log", "--format", "json"]), "[]\n");
    run.stderr.clone()
}

/// Runs a command, killed if it has not ended within `limit`: `None` then.
/// Output goes to files, so that a large report never blocks on a pipe.
fn run_within(t: &Theodoi, args: &[&str], limit: Duration) -> Option<Run> {
    let out = t.dir.path().join("out.txt");
    let err = t.dir.path().join("err.txt");
    let mut child = t
        .command(args)
        .stdout(Stdio::from(std::fs::File::create(&out).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&err).unwrap()))
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let read = |p: &Path| std::fs::read_to_string(p).unwrap();
            return Some(Run {
                code: status.code().unwrap_or(-1),
                stdout: read(&out),
                stderr: read(&err),
            });
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_export_whose_parents_make_a_cycle_is_refused() {
    let t = Theodoi::son_tay_reported();
    let mut doc = export(&t);
    // The ward of Lê Lợi under its own chi bộ: a cycle of two units.
    let cell = row(&mut doc, "unit", "code", "le-loi-tdp1")["id"].clone();
    let ward = row(&mut doc, "unit", "code", "p-le-loi");
    ward["parent_id"] = cell.clone();
    let ward_id = ward["id"].clone();

    let (copy, run) = import(&doc, "vi");
    let err = refused(&copy, &run);
    assert!(err.contains("F.json"), "{err}");
    for unit in [&ward_id, &cell] {
        assert!(err.contains(&format!("unit #{unit}, parent_id")), "{err}");
    }
    assert!(err.contains("trực thuộc chính c"), "{err}");
    // The reports that hung on such a tree answer at once: there is no tree.
    for args in [
        &["progress", "--by", "parent"][..],
        &["overdue", "--within", "son-tay"],
        &["agenda", "son-tay"],
    ] {
        let r = run_within(&copy, args, Duration::from_secs(30));
        assert!(r.is_some(), "{args:?} hangs");
    }

    let (_, run) = import(&doc, "en");
    assert!(
        run.stderr
            .contains("the parents place an organization under"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_hand_edited_export_is_refused_with_every_bad_value_named() {
    let t = Theodoi::son_tay_reported();
    let mut doc = export(&t);
    let obligations = rows(&mut doc, "obligation");
    let ids: Vec<Value> = obligations[..3].iter().map(|o| o["id"].clone()).collect();
    obligations[0]["due_on"] = json!("31/02/2023");
    obligations[1]["completed_on"] = json!("yesterday");
    obligations[2]["rating"] = json!("SUPER");
    // A chi bộ cơ sở under a đảng bộ cơ sở: the wrong kind for its parent.
    let cell = row(&mut doc, "unit", "code", "le-loi-tdp2");
    cell["kind"] = json!("chi-bo-co-so");
    let cell_id = cell["id"].clone();
    // A unit code with accents and a slash.
    let ward = row(&mut doc, "unit", "code", "p-ngo-quyen");
    ward["code"] = json!("phường/1");
    let ward_id = ward["id"].clone();
    // A bad collation key is not an error: it is computed again.
    ward["name_key"] = json!({"$blob": "zz"});
    // A second unit at the top of the tree.
    let units = rows(&mut doc, "unit");
    let mut second = units[0].clone();
    let second_id = units.iter().filter_map(|u| u["id"].as_i64()).max().unwrap() + 1;
    second["id"] = json!(second_id);
    second["$rowid"] = json!(second_id);
    second["code"] = json!("ha-noi");
    second["name"] = json!("Đảng bộ Thành phố Hà Nội");
    units.push(second);

    let (copy, run) = import(&doc, "vi");
    let err = refused(&copy, &run);
    // One line names every bad value; what each accepts is said in full when
    // it is alone (`every_table_and_column_is_checked`).
    assert!(err.contains("có 6 giá trị sai"), "{err}");
    for (at, value) in [
        (format!("obligation #{}, due_on", ids[0]), "\"31/02/2023\""),
        (
            format!("obligation #{}, completed_on", ids[1]),
            "\"yesterday\"",
        ),
        (format!("obligation #{}, rating", ids[2]), "\"SUPER\""),
        (format!("unit #{cell_id}, kind"), "\"chi-bo-co-so\""),
        (format!("unit #{ward_id}, code"), "\"phường/1\""),
        (format!("unit #{second_id}, parent_id"), "null"),
    ] {
        let shown: String = value.chars().take(4).collect();
        assert!(err.contains(&format!("{at} = {shown}")), "{at}: {err}");
    }
    assert!(err.trim_end().chars().count() <= 300, "{err}");
    assert!(!err.contains("name_key"), "{err}");

    let (copy, run) = import(&doc, "en");
    let err = refused(&copy, &run);
    assert!(err.contains("6 bad values; nothing imported"), "{err}");
}

#[test]
fn every_table_and_column_is_checked() {
    let t = Theodoi::son_tay_reported();
    let base = export(&t);
    // Each edit alone, and the words its refusal must contain.
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit, &str); 13] = [
        (
            "a date before 1930",
            |d| rows(d, "directive")[0]["issued_on"] = json!("1929-12-31"),
            "issued_on = \"1929-12-31\"",
        ),
        (
            "a day that does not exist",
            |d| rows(d, "task_due")[0]["due_on"] = json!("2023-02-29"),
            "due_on = \"2023-02-29\"",
        ),
        (
            "a kind of unit",
            |d| rows(d, "task_due")[0]["kind"] = json!("chi-bo"),
            "chi-bo-truc-thuoc",
        ),
        (
            "a document type",
            |d| rows(d, "directive")[0]["doc_type"] = json!("thu"),
            "ke-hoach",
        ),
        (
            "an unknown parent",
            |d| rows(d, "unit")[1]["parent_id"] = json!(9999),
            "parent_id = 9999",
        ),
        (
            "an unknown task",
            |d| rows(d, "obligation")[0]["task_id"] = json!(77),
            "task_id = 77",
        ),
        (
            "a flag",
            |d| rows(d, "task")[0]["rated"] = json!("yes"),
            "rated = \"yes\"",
        ),
        (
            "an empty name",
            |d| rows(d, "unit")[1]["name"] = json!("  "),
            "name = \"  \"",
        ),
        (
            "a duplicate code",
            |d| {
                let code = rows(d, "unit")[1]["code"].clone();
                rows(d, "unit")[2]["code"] = json!(code.as_str().unwrap().to_uppercase());
            },
            "code = \"P-LE-LOI\"",
        ),
        (
            "an unknown column",
            |d| rows(d, "unit")[0]["colour"] = json!("red"),
            "colour",
        ),
        (
            "a logged row",
            |d| {
                // An obligation as it was before a change, which undo would put back.
                let logged = rows(d, "change_row")
                    .iter_mut()
                    .find(|r| r["tbl"] == "obligation" && r["before"].is_string())
                    .expect("a logged update");
                let mut before: Value =
                    serde_json::from_str(logged["before"].as_str().unwrap()).unwrap();
                before["due_on"] = json!("someday");
                logged["before"] = json!(before.to_string());
            },
            "before.due_on = \"someday\": cần một ngày",
        ),
        (
            "a run of rows",
            |d| rows(d, "change_row")[0]["first_id"] = json!(0),
            "first_id+last_id = [0,",
        ),
        (
            "a timestamp",
            |d| rows(d, "change")[0]["at"] = json!("hôm qua"),
            "at = \"hôm qua\"",
        ),
    ];
    for (what, edit, said) in cases {
        let mut doc = base.clone();
        edit(&mut doc);
        let (copy, run) = import(&doc, "vi");
        let err = refused(&copy, &run);
        assert!(err.contains(said), "{what}: {err}");
    }
}

#[test]
fn derived_columns_are_computed_again_not_trusted() {
    let t = Theodoi::son_tay_reported();
    let mut doc = export(&t);
    let ward = row(&mut doc, "unit", "code", "p-ngo-quyen");
    ward["name_key"] = json!({"$blob": "zz"});
    ward["name_fold"] = json!("khong phai ten nay");
    row(&mut doc, "directive", "symbol", "188-KH/TU")["title_fold"] = json!("");
    let (copy, run) = import(&doc, "vi");
    assert_eq!(run.code, 0, "{run:?}");
    // Sorted and found by name as in the original.
    let names = |t: &Theodoi| -> Vec<String> {
        let units: Vec<UnitRow> = t.json(&["unit", "list"]);
        units.into_iter().map(|u| u.code).collect()
    };
    assert_eq!(names(&copy), names(&t));
    let found: Vec<UnitRow> = copy.json(&["unit", "list", "--search", "ngo quyen"]);
    assert!(found.iter().any(|u| u.code == "p-ngo-quyen"), "{found:?}");
    copy.ok(&["directive", "show", "luan chuyen"]);
    // And exported as the original was.
    assert_eq!(
        copy.ok(&["export", "-"]),
        t.ok(&["export", "-"]),
        "the copy's export"
    );
}

#[test]
fn reports_stop_at_a_cycle_that_got_in_all_the_same() {
    crate::util::skip_on_postgres!("edits the SQLite file directly");
    let t = Theodoi::son_tay_reported();
    // Past every check: straight into the file.
    {
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        let changed = conn
            .execute(
                "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'le-loi-tdp1')
                 WHERE code = 'p-le-loi'",
                [],
            )
            .unwrap();
        assert_eq!(changed, 1);
    }
    let limit = Duration::from_secs(30);
    let cycle = |r: &Run| {
        r.code == 2
            && r.stderr.contains("trực thuộc chính cấp dưới của mình")
            && r.stderr.lines().count() == 1
    };
    // Walks that cannot go on say so.
    for args in [
        &["progress", "--by", "parent", "--as-of", "13/12/2023"][..],
        &["progress", "--by", "parent", "--within", "p-le-loi"],
        &["unit", "list"],
        &["unit", "move", "ngo-quyen-tdp1", "--to", "p-le-loi"],
    ] {
        let r = run_within(&t, args, limit).unwrap_or_else(|| panic!("{args:?} hangs"));
        assert!(cycle(&r), "{args:?}: {r:?}");
    }
    // Subtrees are the units met, each once.
    for args in [
        &["agenda", "p-le-loi", "--as-of", "13/12/2023"][..],
        &["overdue", "--within", "p-le-loi", "--as-of", "13/12/2023"],
        &["overdue", "--within", "p-le-loi", "--count"],
        &["upcoming", "--within", "p-le-loi", "--as-of", "01/12/2023"],
        &["ratings", "--within", "p-le-loi"],
        &[
            "task",
            "add",
            "--directive",
            "Kế hoạch số 223",
            "--title",
            "Báo cáo",
            "--due",
            "chi-bo-truc-thuoc=31/12/2023",
            "--within",
            "p-le-loi",
        ],
    ] {
        let r = run_within(&t, args, limit).unwrap_or_else(|| panic!("{args:?} hangs"));
        assert!(r.code == 0 || cycle(&r), "{args:?}: {r:?}");
    }
    let r = run_within(
        &t,
        &[
            "agenda",
            "p-le-loi",
            "--as-of",
            "13/12/2023",
            "--format",
            "json",
        ],
        limit,
    )
    .expect("an answer");
    let rows: Vec<Value> = serde_json::from_str(&r.stdout).unwrap();
    let units: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| r["unit_code"].as_str())
        .collect();
    assert!(units.contains("p-le-loi") && units.len() <= 3, "{units:?}");
    // Put right with a move, the tree answers again.
    t.ok(&["unit", "move", "p-le-loi", "--to", "son-tay", "--correct"]);
    t.ok(&["unit", "list"]);
    t.ok(&["progress", "--by", "parent"]);
}

#[test]
fn a_full_export_imports_and_answers_as_the_original() {
    let t = Theodoi::son_tay_reported();
    let people = t.dir.path().join("canbo.csv");
    std::fs::write(
        &people,
        "code,name,position,unit,from\n\
         nguyen-van-an,Nguyễn Văn An,Bí thư Đảng ủy phường,Ngô Quyền,01/01/2021\n",
    )
    .unwrap();
    t.ok(&["person", "import", people.to_str().unwrap()]);
    t.ok(&["rules", "set", "htxsnv-quota-pct", "15"]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--issuer",
        "Thị ủy Sơn Tây",
        "--code",
        "xep-loai-2023",
        "--title",
        "Xếp loại năm 2023",
        "--rated",
        "--due",
        "chi-bo-co-so=06/12/2023",
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
        "directive",
        "revoke",
        "188-KH/TU",
        "--on",
        "01/03/2024",
        "--reason",
        "thay thế",
    ]);
    t.extend_kim_son();
    t.merge_into_tung_thien();
    t.ok(&["undo"]);
    let doc = export(&t);
    let (copy, run) = import(&doc, "vi");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(copy.ok(&["export", "-"]), t.ok(&["export", "-"]));
    assert_eq!(copy.snapshot(), t.snapshot());
}

#[test]
fn a_second_unit_at_the_top_is_refused_by_the_commands_too() {
    let t = Theodoi::son_tay();
    let err = t.fails(&[
        "unit",
        "add",
        "Đảng bộ Thành phố Hà Nội",
        "--kind",
        "dang-bo-cap-tren",
    ]);
    assert!(err.contains("Đảng bộ thị xã Sơn Tây"), "{err}");
    let file = t.dir.path().join("donvi.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent\nhn,Đảng bộ Hà Nội,dang-bo-cap-tren,\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", file.to_str().unwrap()]);
    assert!(err.contains("dòng 2"), "{err}");
    // Under the top it may sit.
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ Khối",
        "--kind",
        "dang-bo-cap-tren",
        "--parent",
        "son-tay",
    ]);
}

/// Links the commands never let loop, and a completion before its directive
/// that was not forced, are refused in an export too.
#[test]
fn replacements_successors_and_early_completions_are_checked() {
    let t = Theodoi::son_tay_reported();
    let mut doc = export(&t);
    let first = rows(&mut doc, "directive")[0]["id"].clone();
    rows(&mut doc, "directive")[0]["replaced_by"] = first.clone();
    let done = rows(&mut doc, "obligation")
        .iter_mut()
        .find(|o| !o["completed_on"].is_null())
        .expect("a completion");
    done["completed_on"] = json!("1931-01-01");
    let done_id = done["id"].clone();
    let (copy, run) = import(&doc, "vi");
    let err = refused(&copy, &run);
    assert!(
        err.contains(&format!("directive #{first}, replaced_by")),
        "{err}"
    );
    assert!(
        err.contains(&format!("obligation #{done_id}, completed_on")),
        "{err}"
    );
    // Recorded as forced, as `done --force` records it, the same date passes.
    let mut forced = export(&t);
    let done = rows(&mut forced, "obligation")
        .iter_mut()
        .find(|o| !o["completed_on"].is_null())
        .expect("a completion");
    done["completed_on"] = json!("1931-01-01");
    done["forced"] = json!(1);
    let (_, run) = import(&forced, "vi");
    assert_eq!(run.code, 0, "{run:?}");
}

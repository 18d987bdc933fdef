//! The units' order is stored (`unit_order`): every report that lists
//! obligations by unit lists them in the Vietnamese order of the names as
//! they are now (the parent by name then code, then the unit by name then
//! code), after any write. `undo.rs` checks it after every write of the log
//! and its undo; here, a unit import, the import of an export and `copy`.

use serde_json::Value;
use theodoi::text::collate::sort_key;

use crate::util::Theodoi;

/// The order the names give: parent (none first), then unit.
type Key = (Option<Vec<u8>>, Option<String>, Vec<u8>, String);

fn key(row: &Value) -> Key {
    let text = |field: &str| row[field].as_str().map(str::to_string);
    (
        text("parent").as_deref().map(sort_key),
        text("parent_code").map(|c| c.to_lowercase()),
        sort_key(&text("unit").unwrap_or_default()),
        text("unit_code").unwrap_or_default().to_lowercase(),
    )
}

/// `agenda` of the whole tree, far ahead (every obligation), and `overdue`
/// list their rows in the order of the names, and `upcoming` each day's
/// rows; on SQLite, every unit's row of `unit_order` holds its keys as they
/// are now, and its index walks the units in that order.
pub fn in_collation_order(t: &Theodoi) -> Result<(), String> {
    let rows = |args: &[&str]| -> Result<Vec<Value>, String> {
        let r = crate::util::run(t.command(args));
        if r.code != 0 {
            return Err(format!("theodoi {args:?} failed: {}", r.stderr.trim_end()));
        }
        serde_json::from_str(&r.stdout).map_err(|e| e.to_string())
    };
    let units = rows(&["unit", "list", "--format", "json"])?;
    let root = units
        .first()
        .and_then(|u| u["code"].as_str().map(str::to_string))
        .unwrap_or_default();
    let reports = match units.is_empty() {
        true => vec![],
        false => vec![
            vec![
                "agenda",
                root.as_str(),
                "--as-of",
                "2030-12-31",
                "--format",
                "json",
            ],
            vec!["overdue", "--as-of", "2030-12-31", "--format", "json"],
            vec![
                "upcoming",
                "--as-of",
                "2000-01-01",
                "--within",
                "36500",
                "--format",
                "json",
            ],
        ],
    };
    for args in reports {
        let listed = rows(&args)?;
        if listed.is_empty() {
            return Err(format!("{args:?} listed nothing"));
        }
        // By due date first: `upcoming` orders the rows of each day.
        let day = |row: &Value| match args[0] {
            "upcoming" => row["due_on"].as_str().unwrap_or_default().to_string(),
            _ => String::new(),
        };
        let keys: Vec<(String, Key)> = listed.iter().map(|row| (day(row), key(row))).collect();
        if !keys.is_sorted() {
            let codes: Vec<&str> = listed
                .iter()
                .filter_map(|r| r["unit_code"].as_str())
                .collect();
            return Err(format!("{args:?} out of order: {codes:?}"));
        }
    }
    if crate::util::on_postgres() {
        return Ok(());
    }
    let conn = rusqlite::Connection::open(&t.db).map_err(|e| e.to_string())?;
    let rows = |sql: &str| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        rows.collect()
    };
    let stored = rows(
        "SELECT unit_id || ' ' || ifnull(hex(parent_key), '-') || ' ' || ifnull(parent_code, '-')
                || ' ' || hex(name_key) || ' ' || code
         FROM unit_order INDEXED BY unit_order_key
         ORDER BY parent_key, parent_code, name_key, code, unit_id",
    )
    .map_err(|e| e.to_string())?;
    let named = rows(
        "SELECT u.id || ' ' || ifnull(hex(p.name_key), '-') || ' ' || ifnull(p.code, '-')
                || ' ' || hex(u.name_key) || ' ' || u.code
         FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
         ORDER BY p.name_key, p.code, u.name_key, u.code, u.id",
    )
    .map_err(|e| e.to_string())?;
    match stored == named {
        true => Ok(()),
        false => Err(format!("unit_order {stored:?}, by name {named:?}")),
    }
}

#[test]
fn a_unit_import_is_listed_in_order() {
    let t = Theodoi::son_tay();
    in_collation_order(&t).unwrap();
    let file = t.dir.path().join("donvi.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent\n\
         p-an-hoa,Đảng bộ phường An Hòa,dang-bo-co-so,son-tay\n\
         an-hoa-1,Chi bộ tổ dân phố Ấp 1,chi-bo-truc-thuoc,p-an-hoa\n\
         an-hoa-2,Chi bộ tổ dân phố An 2,chi-bo-truc-thuoc,p-an-hoa\n\
         cb-a,Chi bộ Ắ,chi-bo-co-so,son-tay\n",
    )
    .unwrap();
    t.ok(&["unit", "import", file.to_str().unwrap()]);
    in_collation_order(&t).unwrap();
}

/// Two units of the same name under parents of the same name come in the
/// order of their parents' codes compared byte by byte, as SQLite compares
/// them: `.` before `_`, whatever the server's collation says (a Vietnamese
/// one puts `_` first).
#[test]
fn same_names_come_in_the_order_of_the_codes_bytes() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("khu.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent\n\
         khu_1,Đảng bộ bộ phận Khu 1,dang-bo-bo-phan,p-le-loi\n\
         khu.1,Đảng bộ bộ phận Khu 1,dang-bo-bo-phan,p-ngo-quyen\n\
         khu_1-cb,Chi bộ Thôn 1,chi-bo-truc-thuoc,khu_1\n\
         khu.1-cb,Chi bộ Thôn 1,chi-bo-truc-thuoc,khu.1\n",
    )
    .unwrap();
    t.ok(&["unit", "import", file.to_str().unwrap()]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "thon",
        "--title",
        "Báo cáo của chi bộ thôn",
        "--due",
        "chi-bo-truc-thuoc=01/03/2024",
    ]);
    in_collation_order(&t).unwrap();
    let listed = |args: &[&str]| -> Vec<String> {
        let rows: Vec<Value> = t.json(args);
        rows.iter()
            .filter_map(|row| row["unit_code"].as_str())
            .filter(|code| code.starts_with("khu"))
            .map(str::to_string)
            .collect()
    };
    let both = ["khu.1-cb", "khu_1-cb"];
    assert_eq!(listed(&["overdue", "--as-of", "2024-07-01"]), both);
    assert_eq!(
        listed(&["upcoming", "--as-of", "2024-02-01", "--within", "60"]),
        both
    );
    assert_eq!(
        listed(&["agenda", "son-tay", "--as-of", "2024-02-01"]),
        both
    );
}

#[test]
fn an_export_imported_and_a_copy_are_listed_in_order() {
    let t = Theodoi::son_tay();
    t.ok(&["unit", "rename", "Kim Sơn", "Đảng bộ xã An Kim Sơn"]);
    let file = t.dir.path().join("xuat.json");
    t.ok(&["export", file.to_str().unwrap()]);
    let other = Theodoi::bare();
    other.ok(&["init"]);
    other.ok(&["import", file.to_str().unwrap()]);
    in_collation_order(&other).unwrap();
    if crate::util::on_postgres() {
        return;
    }
    let copy = Theodoi::bare();
    let from = t.db.to_str().unwrap();
    let to = copy.db.to_str().unwrap();
    copy.ok(&["copy", "--from", from, "--to", to]);
    in_collation_order(&copy).unwrap();
}

/// Within one unit and one due date, tasks are listed in the order they were
/// added, not by code: `zz` added before `aa` comes first in every unit.
#[test]
fn tasks_of_one_unit_and_day_in_the_order_they_were_added() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "91-KH/TU",
        "--issuer",
        "Ban Thường vụ Thị ủy",
        "--date",
        "15/01/2024",
        "--title",
        "Kế hoạch thử thứ tự",
    ]);
    for code in ["zz", "aa"] {
        t.ok(&[
            "task",
            "add",
            "--directive",
            "91-KH/TU",
            "--code",
            code,
            "--title",
            &format!("Nhiệm vụ {code}"),
            "--due",
            "chi-bo-truc-thuoc=01/03/2024",
        ]);
    }
    let r = crate::util::run(t.command(&["overdue", "--as-of", "2024-07-01", "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<Value> = serde_json::from_str(&r.stdout).unwrap();
    let listed: Vec<(&str, &str)> = rows
        .iter()
        .filter(|row| matches!(row["task"].as_str(), Some("zz" | "aa")))
        .map(|row| {
            (
                row["unit_code"].as_str().unwrap_or_default(),
                row["task"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(!listed.is_empty(), "{}", r.stdout);
    for pair in listed.chunks(2) {
        assert_eq!(
            pair.iter().map(|p| p.1).collect::<Vec<_>>(),
            ["zz", "aa"],
            "{listed:?}"
        );
        assert_eq!(pair[0].0, pair[1].0, "{listed:?}");
    }
}

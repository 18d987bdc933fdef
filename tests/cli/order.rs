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
/// list their rows in the order of the names; on SQLite, every unit's rank
/// is its place in that order.
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
        ],
    };
    for args in reports {
        let listed = rows(&args)?;
        if listed.is_empty() {
            return Err(format!("{args:?} listed nothing"));
        }
        let keys: Vec<Key> = listed.iter().map(key).collect();
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
    let ids = |sql: &str| -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        rows.collect()
    };
    let stored = ids("SELECT unit_id FROM unit_order ORDER BY rank").map_err(|e| e.to_string())?;
    let named = ids(
        "SELECT u.id FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
         ORDER BY p.name_key, p.code, u.name_key, u.code",
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

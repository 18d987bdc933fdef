//! Generates benchmark data at chosen sizes (not a user command).
//!
//! ```sh
//! cargo run --release --example gen -- units 300000 > units.csv     # a province's unit file
//! theodoi --db big.db init && theodoi --db big.db unit import units.csv
//! cargo run --release --example gen -- fill big.db 20               # 20 directives, one task each, completions
//! cargo run --release --example gen -- flat 10000 > flat.csv        # 10,000 chi bộ under two đảng bộ
//! ```
//!
//! The tree: one province committee; one grassroots organization per 12 units
//! (four in five a đảng bộ cơ sở, the rest chi bộ cơ sở); the rest chi bộ trực
//! thuộc spread over the đảng bộ cơ sở. Each task is due for all three kinds on
//! dates spread over 2024; about 60% of obligations are done on time, 15% late,
//! 25% still open. Everything is deterministic.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::{Days, NaiveDate};
use theodoi::domain::{DirectiveSpec, DueRule, UnitKind};
use theodoi::store::SqliteStore;

const WORDS: &[&str] = &[
    "An",
    "Bình",
    "Hòa",
    "Phú",
    "Thịnh",
    "Hưng",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Tân",
    "Phước",
    "Long",
    "Thạnh",
    "Mỹ",
    "Đức",
    "Quang",
    "Trung",
    "Sơn",
    "Lâm",
    "Hải",
    "Xuân",
    "Thủy",
    "Kim",
    "Ngọc",
    "Vĩnh",
    "Cát",
    "Lộc",
    "Phong",
    "Thái",
    "Đường",
    "Ân",
    "Ưng",
    "Ơn",
    "Yên",
    "Khánh",
];

/// A deterministic mix of `i` (splitmix64).
fn mix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn place(i: u64) -> String {
    let a = WORDS[(mix(i) % WORDS.len() as u64) as usize];
    let b = WORDS[(mix(i + 7_777_777) % WORDS.len() as u64) as usize];
    format!("{a} {b} {i}")
}

fn units(count: u64) -> Result<()> {
    if count < 2 {
        bail!("at least 2 units");
    }
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    writeln!(out, "code,name,kind,parent")?;
    writeln!(out, "tinh,Đảng bộ tỉnh,dang-bo-cap-tren,")?;
    let grassroots = (count / 12).max(1);
    let mut dang_bo = Vec::new();
    for g in 0..grassroots {
        if g % 5 == 4 {
            writeln!(out, "cs{g},Chi bộ cơ sở {},chi-bo-co-so,tinh", place(g))?;
        } else {
            writeln!(out, "cs{g},Đảng bộ xã {},dang-bo-co-so,tinh", place(g))?;
            dang_bo.push(g);
        }
    }
    if dang_bo.is_empty() {
        dang_bo.push(0);
    }
    for c in 0..count.saturating_sub(1 + grassroots) {
        let parent = dang_bo[(c % dang_bo.len() as u64) as usize];
        writeln!(
            out,
            "cb{c},Chi bộ thôn {},chi-bo-truc-thuoc,cs{parent}",
            place(c + 1_000_000)
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The tree of the listing benchmark: a committee, two đảng bộ cơ sở, and
/// `count` chi bộ trực thuộc shared between them.
fn flat(count: u64) -> Result<()> {
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    writeln!(out, "code,name,kind,parent")?;
    writeln!(out, "tinh,Đảng bộ tỉnh,dang-bo-cap-tren,")?;
    writeln!(out, "db0,Đảng bộ xã {},dang-bo-co-so,tinh", place(0))?;
    writeln!(out, "db1,Đảng bộ xã {},dang-bo-co-so,tinh", place(1))?;
    for c in 0..count {
        writeln!(
            out,
            "cb{c},Chi bộ thôn {},chi-bo-truc-thuoc,db{}",
            place(c + 1_000_000),
            c % 2
        )?;
    }
    out.flush()?;
    Ok(())
}

fn fill(db: &Path, tasks: u64) -> Result<()> {
    let mut store = SqliteStore::open(db, None)?;
    let start = NaiveDate::from_ymd_opt(2024, 1, 15).context("date")?;
    for t in 0..tasks {
        let issued = start + Days::new(t * 300 / tasks.max(1));
        let symbol = format!("{}-KH/TU", t + 1);
        let spec = DirectiveSpec::parse(&symbol, None)?;
        let dues: Vec<DueRule> = [
            (UnitKind::ChiBoTrucThuoc, 20),
            (UnitKind::ChiBoCoSo, 25),
            (UnitKind::DangBoCoSo, 30),
        ]
        .into_iter()
        .map(|(kind, days)| DueRule {
            kind,
            due_on: issued + Days::new(days),
        })
        .collect();
        theodoi::store::write(&mut store, "gen", "task.add", |db| {
            let d = db.insert_directive(
                &spec,
                &symbol,
                "Ban Thường vụ Tỉnh ủy",
                Some(issued),
                &format!("Kế hoạch {}", t + 1),
            )?;
            let task = theodoi::domain::task::Task {
                id: 0,
                code: format!("t{}", t + 1),
                directive_id: d.id,
                title: format!("Nhiệm vụ {}", t + 1),
                rated: false,
                for_people: false,
                dues: dues.clone(),
            };
            db.insert_task(&task, None)?;
            Ok::<(), anyhow::Error>(())
        })?;
    }
    // Completions straight in SQL: the generator's shortcut, not the product's path.
    // No ANALYZE: theodoi never runs it, so reports (and the sqlite3 floor)
    // read the file as a clerk's would be.
    let conn = rusqlite::Connection::open(db)?;
    conn.execute_batch(
        "UPDATE obligation SET completed_on = CASE
             WHEN (id * 2654435761) % 100 < 60 THEN date(due_on, '-' || ((id * 7) % 10) || ' days')
             WHEN (id * 2654435761) % 100 < 75 THEN date(due_on, '+' || (1 + (id * 11) % 20) || ' days')
             ELSE NULL END,
           recorded_by = 'gen';",
    )?;
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["units", n] => units(n.parse()?),
        ["fill", db, t] => fill(Path::new(db), t.parse()?),
        ["flat", n] => flat(n.parse()?),
        _ => bail!(
            "usage: gen units COUNT > units.csv | gen fill DB TASKS | gen flat COUNT > units.csv"
        ),
    }
}

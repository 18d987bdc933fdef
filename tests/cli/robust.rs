//! Real processes, real files: many completions at once, many writers at
//! once, a killed import, a backup while others write.

use std::io::Write as _;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::util::{OverdueRow, Theodoi};

#[test]
fn completions_from_a_spreadsheet_all_or_nothing() {
    let t = Theodoi::son_tay();
    let bad = t.dir.path().join("ketqua.csv");
    std::fs::write(
        &bad,
        "\u{FEFF}unit,on,evidence,note\n\
         Thanh Mỹ,10/12/2023,Báo cáo số 12-BC/ĐU,\n\
         Xuân Sơn,31/02/2023,,\n\
         Hoàn Kiếm,10/12/2023,,\n\
         cb-ubkt,32/13/2023,,\n",
    )
    .unwrap();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        bad.to_str().unwrap(),
    ]);
    for want in [
        "3 dòng lỗi",
        "dòng 3",
        "ngày 31/02/2023",
        "dòng 4",
        "'Hoàn Kiếm'",
        "dòng 5",
    ] {
        assert!(err.contains(want), "{want} missing in {err}");
    }
    assert!(!err.contains("dòng 2:"), "{err}");
    assert_eq!(t.snapshot(), before);

    let good = t.dir.path().join("ketqua2.csv");
    std::fs::write(
        &good,
        "unit,on,evidence,note\nThanh Mỹ,10/12/2023,BC 12,\nxuan son,2023-12-14,,Nộp muộn\n",
    )
    .unwrap();
    let out = t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        good.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(out.contains("sẽ ghi 2 kết quả hoàn thành"), "{out}");
    assert_eq!(t.snapshot(), before);
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        good.to_str().unwrap(),
    ]);
    let rows: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "13/12/2023"]);
    assert!(!rows.iter().any(|r| r.unit_code == "x-thanh-my"));
    assert!(
        rows.iter().any(|r| r.unit_code == "x-xuan-son"),
        "done on 14/12, late on 13/12"
    );
    // One undo takes the whole file back.
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        good.to_str().unwrap(),
        "--unit",
        "x",
    ]);
    assert!(err.contains("--from"), "{err}");
}

#[test]
fn backup_is_private_complete_and_never_overwrites() {
    crate::util::skip_on_postgres!("backup files are of SQLite databases");
    let t = Theodoi::son_tay_reported();
    let copy = t.dir.path().join("saoluu.db");
    t.ok(&["backup", copy.to_str().unwrap()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let from_copy = crate::util::run({
        let mut c = t.command_without_db(&[
            "--db",
            copy.to_str().unwrap(),
            "overdue",
            "--as-of",
            "13/12/2023",
            "--format",
            "json",
        ]);
        c.stdout(Stdio::piped());
        c
    });
    assert_eq!(
        from_copy.stdout,
        t.ok(&["overdue", "--as-of", "13/12/2023", "--format", "json"])
    );
    let err = t.fails(&["backup", copy.to_str().unwrap()]);
    assert!(err.contains("đã có"), "{err}");
}

/// A town with `n` chi bộ cơ sở and one task that all of them owe.
fn town(n: usize) -> Theodoi {
    let t = Theodoi::new();
    let file = t.dir.path().join("units.csv");
    let mut csv = String::from("code,name,kind,parent\nroot,Đảng bộ thị xã,dang-bo-cap-tren,\n");
    for i in 0..n {
        csv.push_str(&format!("cb{i},Chi bộ số {i},chi-bo-co-so,root\n"));
    }
    std::fs::write(&file, csv).unwrap();
    t.ok(&["unit", "import", file.to_str().unwrap()]);
    t.ok(&[
        "directive",
        "add",
        "223-KH/TU",
        "--issuer",
        "BTV",
        "--date",
        "23/11/2023",
        "--title",
        "Kiểm điểm",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "223-KH/TU",
        "--code",
        "t",
        "--title",
        "Kiểm điểm",
        "--due",
        "chi-bo-co-so=06/12/2023",
    ]);
    t
}

#[test]
fn eight_writers_and_a_reader_at_once() {
    let t = Arc::new(town(1600));
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (t, stop) = (Arc::clone(&t), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut runs = 0;
            while !stop.load(Ordering::Relaxed) {
                let run = t.run(&["overdue", "--as-of", "07/12/2023", "--format", "csv"]);
                assert_eq!(run.code, 0, "{run:?}");
                runs += 1;
            }
            runs
        })
    };
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let t = Arc::clone(&t);
            std::thread::spawn(move || {
                for i in 0..200 {
                    let unit = format!("cb{}", w * 200 + i);
                    let run =
                        t.run(&["done", "--task", "t", "--unit", &unit, "--on", "05/12/2023"]);
                    assert_eq!(run.code, 0, "{unit}: {run:?}");
                    assert!(!run.stderr.contains("locked"), "{run:?}");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer");
    }
    stop.store(true, Ordering::Relaxed);
    assert!(reader.join().expect("reader") > 0);
    let late: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "07/12/2023"]);
    assert!(late.is_empty(), "{} still late", late.len());
    let progress: Vec<serde_json::Value> = t.json(&["progress", "--as-of", "07/12/2023"]);
    assert_eq!(progress[0]["done_on_time"], 1600);
}

/// The counts of a report's table and its list of late units, read while
/// units report one after another: both of one moment.
#[test]
fn a_report_is_of_one_moment_while_units_report() {
    let t = Arc::new(town(1500));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (t, stop) = (Arc::clone(&t), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut unit = 0;
            while !stop.load(Ordering::Relaxed) && unit < 1500 {
                let code = format!("cb{unit}");
                let run = t.run(&["done", "--task", "t", "--unit", &code, "--on", "05/12/2023"]);
                assert_eq!(run.code, 0, "{code}: {run:?}");
                unit += 1;
            }
            unit
        })
    };
    // The number in the table's total row under "Chưa hoàn thành, quá
    // hạn", and the number of units section III asks to finish (the list).
    let numbers = |html: &str| -> (u64, u64) {
        let text: String = html
            .split('<')
            .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = text.split_whitespace().collect();
        let total = words
            .windows(2)
            .position(|w| w == ["Tổng", "cộng"])
            .expect("a total row");
        let table = words[total + 9].parse().expect("a count");
        let asked = words
            .windows(2)
            .position(|w| w == ["III.", "ĐỀ"])
            .expect("section III");
        let list = words[asked + 5].parse().expect("a count");
        (table, list)
    };
    let mut reports = 0;
    for i in 0..30 {
        let path = t.dir.path().join(format!("bc{i}.html"));
        let path = path.to_str().unwrap();
        t.ok(&["report", "t", "--as-of", "07/12/2023", "-o", path]);
        let (table, list) = numbers(&std::fs::read_to_string(path).unwrap());
        assert_eq!(
            table, list,
            "report {i}: the table and the list of late units"
        );
        reports += 1;
    }
    stop.store(true, Ordering::Relaxed);
    let reported = writer.join().expect("the writer");
    assert!(
        reported > 10 && reports == 30,
        "{reported} units reported meanwhile"
    );
}

#[test]
fn a_killed_import_leaves_all_or_nothing() {
    crate::util::skip_on_postgres!("reads the SQLite file directly");
    let t = Theodoi::new();
    let file = t.dir.path().join("lon.csv");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        writeln!(
            f,
            "code,name,kind,parent\nroot,Đảng ủy tỉnh,dang-bo-cap-tren,"
        )
        .unwrap();
        for i in 0..100_000 {
            writeln!(f, "u{i},Chi bộ cơ sở số {i},chi-bo-co-so,root").unwrap();
        }
    }
    let mut seed = 0x2545_f491_u64;
    let mut kills = 0;
    for _ in 0..10 {
        // A pseudo-random moment (xorshift), from 20 to 800 ms into the import.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = std::time::Duration::from_millis(20 + seed % 780);
        let mut child = t
            .command(&["unit", "import", file.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_none() {
            kills += 1;
        }
        // SIGKILL on Unix, TerminateProcess on Windows: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let units: i64 = conn
            .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
            .unwrap();
        assert!(
            units == 0 || units == 100_001,
            "{units} units: a partial import"
        );
        if units > 0 {
            // It finished before the kill: start again from nothing.
            drop(conn);
            t.ok(&["undo"]);
        }
    }
    assert!(kills > 0, "no import was ever interrupted");
    t.ok(&["unit", "import", file.to_str().unwrap()]);
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let units: i64 = conn
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(units, 100_001);
}

#[test]
fn export_import_export_is_identical() {
    let t = Theodoi::son_tay_reported();
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kho bạc",
        "--on",
        "06/12/2023",
        "--correct",
    ]);
    t.extend_kim_son();
    t.add_tung_thien();
    t.ok(&[
        "unit",
        "merge",
        "p-phu-thinh",
        "--into",
        "p-tung-thien",
        "--on",
        "01/07/2025",
    ]);
    t.ok(&[
        "unit",
        "add",
        "'); DROP TABLE unit;-- 🚩",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "la",
    ]);
    let first = t.dir.path().join("a.json");
    t.ok(&["export", first.to_str().unwrap()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&first).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    let copy = Theodoi::new();
    let out = copy.ok(&["import", first.to_str().unwrap()]);
    assert!(out.contains("Đã nhập"), "{out}");
    let second = copy.dir.path().join("b.json");
    copy.ok(&["export", second.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    // The copy answers as the original, log included, and undo still works there.
    assert_eq!(copy.snapshot(), t.snapshot());
    assert_eq!(
        copy.ok(&["log", "--format", "json"]),
        t.ok(&["log", "--format", "json"])
    );
    copy.ok(&["undo"]);

    // Only into an empty database; only a theodoi export.
    let err = t.fails(&["import", first.to_str().unwrap()]);
    assert!(err.contains("trống"), "{err}");
    let junk = t.dir.path().join("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}").unwrap();
    let empty = Theodoi::new();
    let err = empty.fails(&["import", junk.to_str().unwrap()]);
    assert!(err.contains("junk.json"), "{err}");
    std::fs::write(&junk, "not json").unwrap();
    let err = empty.fails(&["import", junk.to_str().unwrap()]);
    assert!(err.contains("JSON"), "{err}");
    assert_eq!(empty.ok(&["unit", "list"]), "Chưa có tổ chức đảng nào.\n");
}

/// Ctrl-C while a report is being written to a file: the file, not yet
/// whole, is removed rather than left to look like the whole report, and the
/// run ends with status 130. The text read from a named pipe holds `extract`
/// after it has made its output file, so the interruption comes at a known
/// point.
#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_half_written_file() {
    let t = Theodoi::new();
    let fifo = t.dir.path().join("van-ban.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let report = t.dir.path().join("ket-qua.csv");
    let mut cmd = t.command(&[
        "extract",
        fifo.to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        report.to_str().unwrap(),
    ]);
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !report.exists() {
        assert!(start.elapsed().as_secs() < 30, "no output file made");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(!report.exists(), "the half-written file is still there");
    assert!(
        stderr.contains("Ctrl-C") && stderr.contains("ket-qua.csv"),
        "{stderr}"
    );
}

//! The README's commands, run as written.

use crate::util::{Theodoi, repo_file};

/// The shell lines of the README's first ```sh block after `heading`,
/// continuation lines joined, comments dropped.
fn shell_block(heading: &str, fence: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let start = readme.find(heading).expect("heading in README");
    let block = readme[start..]
        .split(fence)
        .nth(1)
        .expect("a code block after the heading");
    let block = block.split("```").next().unwrap();
    block
        .replace("\\\n", " ")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Runs one README line in bash, in `t`'s temporary directory: what a line
/// writes (`> quahan.csv`) lands there, never in the repository.
#[cfg(unix)]
fn bash(t: &Theodoi, line: &str) -> crate::util::Run {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_theodoi"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut bash = std::process::Command::new("bash");
    t.clean_env(&mut bash);
    bash.arg("-c")
        .arg(line)
        .current_dir(t.dir.path())
        .env("PATH", path)
        .env("THEODOI_DB", &t.db);
    crate::util::run(bash)
}

/// Copies the repository's `fixtures/` into `dir`, so that the README's
/// relative paths (`fixtures/units.csv`) read the same files from there.
#[cfg(unix)]
fn copy_fixtures(dir: &std::path::Path) {
    let to = dir.join("fixtures");
    std::fs::create_dir(&to).unwrap();
    for entry in std::fs::read_dir(repo_file("fixtures")).unwrap() {
        let from = entry.unwrap().path();
        std::fs::copy(&from, to.join(from.file_name().unwrap())).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn tree_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let lines = shell_block("### The tree as it was", "```sh");
    assert_eq!(lines.len(), 6, "{lines:?}");
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
    }
    // Renamed and moved from 2025: the list of 2023 has them as they were.
    let then = t.ok(&["unit", "list", "--as-of", "31/12/2023", "--format", "csv"]);
    assert!(
        then.contains("kim-son-t1,Chi bộ thôn Kim Trung xã Kim Sơn,chi-bo-truc-thuoc,x-kim-son"),
        "{then}"
    );
    assert!(then.contains("x-kim-son,Đảng bộ xã Kim Sơn,"), "{then}");
    let now = t.ok(&["unit", "list", "--format", "csv"]);
    assert!(now.contains("chi-bo-truc-thuoc,x-duong-lam"), "{now}");
    assert!(now.contains("Đảng bộ xã Kim Sơn mới"), "{now}");
    // The kinds changed from 2025: as they were in 2023, as they are now.
    assert!(
        then.contains("cb-kho-bac,Chi bộ Kho bạc Nhà nước Sơn Tây,chi-bo-co-so,son-tay"),
        "{then}"
    );
    assert!(
        then.contains("cb-trung-tam-y-te,Chi bộ Trung tâm Y tế thị xã,chi-bo-co-so,"),
        "{then}"
    );
    assert!(
        now.contains("cb-kho-bac,Chi bộ Kho bạc Nhà nước Sơn Tây,chi-bo-truc-thuoc,p-le-loi"),
        "{now}"
    );
    assert!(
        now.contains("cb-trung-tam-y-te,Chi bộ Trung tâm Y tế thị xã,dang-bo-co-so,"),
        "{now}"
    );
}

#[cfg(unix)]
#[test]
fn walkthrough_runs_as_written() {
    let t = Theodoi::bare();
    copy_fixtures(t.dir.path());
    let lines = shell_block("## Walkthrough", "```sh");
    assert!(lines.len() > 10, "{lines:?}");
    let mut last = String::new();
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        last = run.stdout;
    }
    // The last line prints JSON: today, both Sơn Tây deadlines are long past.
    let rows: Vec<crate::util::OverdueRow> = serde_json::from_str(&last).unwrap();
    assert!(rows.iter().any(|r| r.unit_code == "cb-ban-tuyen-giao"));
    assert!(
        !rows
            .iter()
            .any(|r| r.unit_code == "p-ngo-quyen" || r.unit_code == "cb-kho-bac")
    );
    // `> quahan.csv` wrote the overdue list of 13/12/2023 beside the database.
    let csv = std::fs::read_to_string(t.dir.path().join("quahan.csv")).unwrap();
    assert!(csv.starts_with("unit_code,unit,"), "{csv}");
    let codes: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .collect();
    assert!(codes.contains(&"cb-ban-tuyen-giao"), "{codes:?}");
    assert!(
        !codes.contains(&"p-ngo-quyen") && !codes.contains(&"cb-kho-bac"),
        "{codes:?}"
    );
}

/// The README's cron lines, run as cron runs them: each job line with the
/// path of this build's binary for the installed one and a temporary
/// database for the clerk's, under cron's bare environment (`env -i
/// PATH=/usr/bin:/bin sh -c LINE`), where `theodoi` alone is not found. The
/// first mails who is late; the second, a week before each due date, what
/// falls due.
#[cfg(unix)]
#[test]
fn cron_line_runs_under_crons_environment_and_mails_only_when_something_is_late() {
    crate::util::skip_on_postgres!(
        "cron's empty environment has no password for the test server (a clerk keeps it in ~/.pgpass at home)"
    );
    let lines = shell_block("## Every morning, by cron", "```cron");
    let [zone, late_line, soon_line] = lines.as_slice() else {
        panic!("a CRON_TZ line and two job lines expected: {lines:?}")
    };
    // Cron reads 7:30 in Vietnam's zone, whatever the server's clock says.
    assert_eq!(zone, "CRON_TZ=Asia/Ho_Chi_Minh");
    // Minute, hour, day of month, month, day of week; then the command.
    let job = |line: &str| -> (Vec<String>, String, String) {
        let fields: Vec<String> = line.split_whitespace().map(String::from).collect();
        let command = fields[5..].join(" ");
        let binary = fields[5].clone();
        assert!(
            binary.starts_with('/') && binary.ends_with("/theodoi"),
            "cron's PATH is /usr/bin:/bin: the line names theodoi by its full path: {line}"
        );
        assert!(command.contains("/srv/theodoi/sontay.db"), "{command}");
        (fields[..5].to_vec(), command, binary)
    };
    let here = |t: &Theodoi, (_, command, binary): &(Vec<String>, String, String)| {
        let command = command
            .replacen(
                binary.as_str(),
                &format!("'{}'", env!("CARGO_BIN_EXE_theodoi")),
                1,
            )
            .replace(
                "/srv/theodoi/sontay.db",
                &format!("'{}'", t.db.to_str().unwrap()),
            );
        let mut cron = std::process::Command::new("env");
        cron.args(["-i", "PATH=/usr/bin:/bin", "sh", "-c", &command])
            .current_dir(t.dir.path())
            .stdin(std::process::Stdio::null());
        crate::util::run(cron)
    };

    let overdue = job(late_line);
    assert_eq!(overdue.0, ["30", "7", "*", "*", "1-5"], "{late_line}");
    assert!(
        overdue.1.contains("overdue --exit-code --quiet"),
        "{late_line}"
    );
    let late = Theodoi::son_tay();
    let run = here(&late, &overdue);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""), "{run:?}");
    assert!(
        run.stdout.contains("chưa hoàn thành, quá hạn") && run.stdout.contains("Đảng bộ"),
        "{run:?}"
    );
    let calm = Theodoi::new();
    let run = here(&calm, &overdue);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );

    // A week before: something due in three days (Vietnam's today) is said.
    let upcoming = job(soon_line);
    assert_eq!(upcoming.0[2..], ["*", "*", "1-5"], "{soon_line}");
    assert!(
        upcoming
            .1
            .contains("upcoming --within 7 --quiet --exit-code"),
        "{soon_line}"
    );
    let soon = Theodoi::son_tay();
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let in_three_days = (chrono::Utc::now().with_timezone(&vietnam).date_naive()
        + chrono::Days::new(3))
    .format("%d/%m/%Y")
    .to_string();
    soon.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "bc-luan-chuyen",
        "--title",
        "Báo cáo kết quả luân chuyển cán bộ",
        "--due",
        &format!("dang-bo-co-so={in_three_days}"),
    ]);
    let run = here(&soon, &upcoming);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""), "{run:?}");
    assert!(
        run.stdout.contains("sắp đến hạn") && run.stdout.contains(" 3 ngày "),
        "{run:?}"
    );
    let run = here(&calm, &upcoming);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
}

/// "Today" is the date in Vietnam (UTC+7) whatever the time zone of the
/// machine or of the environment (`TZ`): cron's `CRON_TZ` says when a job
/// runs, never which day theodoi counts from.
#[test]
fn today_is_the_date_in_vietnam_whatever_tz() {
    let t = Theodoi::new();
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let today = || {
        chrono::Utc::now()
            .with_timezone(&vietnam)
            .format("%d/%m/%Y")
            .to_string()
    };
    for zone in [
        Some("Asia/Ho_Chi_Minh"),
        Some("UTC"),
        Some("America/Los_Angeles"),
        Some("Pacific/Kiritimati"),
        Some("Etc/GMT+12"),
        None,
    ] {
        let mut cmd = t.command(&["overdue"]);
        match zone {
            Some(zone) => cmd.env("TZ", zone),
            None => cmd.env_remove("TZ"),
        };
        let before = today();
        let run = crate::util::run(cmd);
        let after = today();
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stdout.contains(&before) || run.stdout.contains(&after),
            "TZ={zone:?}: {} (today in Vietnam: {before})",
            run.stdout
        );
    }
}

#[cfg(unix)]
#[test]
fn report_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let lines = shell_block("## Reports", "```sh");
    assert_eq!(lines.len(), 10, "{lines:?}");
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        assert!(!run.stdout.is_empty(), "{line}");
    }
}

/// The README's account of the export names its schema version and every
/// table an export holds, as an export of today's database has them.
#[test]
fn export_section_names_every_table_of_the_export() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("x.json");
    t.ok(&["export", file.to_str().unwrap()]);
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let start = readme.find("The export is one JSON document").unwrap();
    let section =
        &readme[start..start + readme[start..].find("`tables`\nholds").unwrap_or(0) + 400];
    let schema = format!("\"schema\": {}", export["schema"]);
    assert!(
        section.contains(&schema),
        "README says another schema than {schema}"
    );
    for table in export["tables"].as_object().unwrap().keys() {
        assert!(
            section.contains(&format!("`{table}`")),
            "README misses table {table}"
        );
    }
}

#[cfg(unix)]
#[test]
fn yearly_cycle_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let lines = shell_block("## The yearly cycle", "```sh");
    assert!(lines.len() >= 6, "{lines:?}");
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
    }
    let tasks = t.ok(&["task", "list", "--format", "csv"]);
    assert!(
        tasks.contains("kiem-diem-2024,Kế hoạch số 223,")
            && tasks.contains("kiem-diem-2025,Kế hoạch số 301,"),
        "{tasks}"
    );
}

#[cfg(unix)]
#[test]
fn join_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let lines = shell_block("### Units that join, and units that change kind", "```sh");
    assert_eq!(lines.len(), 7, "{lines:?}");
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
    }
    let late: Vec<String> = t
        .json::<Vec<crate::util::OverdueRow>>(&["overdue", "--as-of", "07/12/2023"])
        .into_iter()
        .map(|r| r.unit_code)
        .collect();
    assert!(
        late.contains(&"cb-thcs-son-loc".to_string())
            && !late.contains(&"cb-trung-tam-y-te".to_string()),
        "{late:?}"
    );
    let cells: Vec<crate::util::OverdueRow> =
        t.json(&["overdue", "--as-of", "21/12/2023", "--within", "p-le-loi"]);
    assert!(
        cells
            .iter()
            .any(|r| r.unit_code == "le-loi-tdp2" && r.due_on == "2023-12-08"),
        "{cells:?}"
    );
}

#[cfg(unix)]
#[test]
fn documents_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let lines = shell_block("## Documents: the report and the reminder", "```sh");
    assert_eq!(lines.len(), 13, "{lines:?}");
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        // Every setting is set before the first document: nothing missing.
        assert_eq!(run.stderr, "", "{line}");
    }
    for file in [
        "bao-cao.docx",
        "bao-cao.html",
        "don-doc.docx",
        "don-doc/x-kim-son.docx",
    ] {
        assert!(t.dir.path().join(file).is_file(), "{file}");
    }
}

/// The two blocks of "Secret documents", run as written: the marks, then
/// the same report masked and with `--show-secret`.
#[cfg(unix)]
#[test]
fn secret_documents_examples_run_as_written() {
    let t = Theodoi::son_tay();
    let lines = shell_block("## Secret documents", "```sh");
    assert_eq!(lines.len(), 5, "{lines:?}");
    let mut masked = String::new();
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        masked = run.stdout;
    }
    assert!(masked.contains("nv-03 (03-HD/TU, Tối mật)"), "{masked}");
    assert!(!masked.contains("quy hoạch nhân sự"), "{masked}");
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let start = readme.find("## Secret documents").unwrap();
    let second = readme[start..]
        .split("```sh")
        .nth(2)
        .expect("a second block");
    let second = second.split("```").next().unwrap();
    let lines: Vec<&str> = second
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let shown = bash(&t, lines[0]);
    assert_eq!(shown.code, 0, "{shown:?}");
    assert!(
        shown.stdout.contains("Rà soát quy hoạch nhân sự"),
        "{shown:?}"
    );
    assert!(shown.stderr.contains("--show-secret"), "{shown:?}");
    let run = bash(&t, lines[1]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(t.dir.path().join("ketqua.xlsx").is_file());
}

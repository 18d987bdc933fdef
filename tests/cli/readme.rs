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

/// The README's cron lines, run as cron runs them: the job line with the
/// path of this build's binary for the installed one and a temporary
/// database for the clerk's, under cron's bare environment (`env -i
/// PATH=/usr/bin:/bin sh -c LINE`), where `theodoi` alone is not found.
#[cfg(unix)]
#[test]
fn cron_line_runs_under_crons_environment_and_mails_only_when_something_is_late() {
    let lines = shell_block("## Every morning, by cron", "```cron");
    let [zone, line] = lines.as_slice() else {
        panic!("a CRON_TZ line and one job line expected: {lines:?}")
    };
    // Cron reads 7:30 in Vietnam's zone, whatever the server's clock says.
    assert_eq!(zone, "CRON_TZ=Asia/Ho_Chi_Minh");
    // Minute, hour, day of month, month, day of week; then the command.
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields[..5], ["30", "7", "*", "*", "1-5"], "{line}");
    let command = fields[5..].join(" ");
    let binary = fields[5];
    assert!(
        binary.starts_with('/') && binary.ends_with("/theodoi"),
        "cron's PATH is /usr/bin:/bin: the line names theodoi by its full path: {line}"
    );
    assert!(command.contains("/srv/theodoi/sontay.db"), "{command}");
    let here = |t: &Theodoi| {
        let command = command
            .replacen(binary, &format!("'{}'", env!("CARGO_BIN_EXE_theodoi")), 1)
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

    let late = Theodoi::son_tay();
    let run = here(&late);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""), "{run:?}");
    assert!(
        run.stdout.contains("Nhiệm vụ quá hạn") && run.stdout.contains("Đảng bộ"),
        "{run:?}"
    );

    let calm = Theodoi::new();
    let run = here(&calm);
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
    assert_eq!(lines.len(), 8, "{lines:?}");
    for line in &lines {
        let run = bash(&t, line);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        assert!(!run.stdout.is_empty(), "{line}");
    }
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

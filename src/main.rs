//! Parse, dispatch, map the outcome to an exit code: 0 success, 1 for
//! `overdue --exit-code` when something is late, 2 for every error, 130
//! when interrupted (Ctrl-C).

use std::io::{BufWriter, ErrorKind, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

use theodoi::domain::Error;
use theodoi::{cli, i18n};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    i18n::set_lang(cli::lang_from(&args));
    std::panic::set_hook(Box::new(|info| {
        let detail = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "{}",
            i18n::error_output(&i18n::fill(
                i18n::INTERNAL_ERROR.get(),
                &[("detail", &detail)]
            ))
        );
    }));
    // Ctrl-C: no half-written file is left to look like a whole one.
    let _ = ctrlc::set_handler(|| {
        let removed = theodoi::files::remove_unfinished();
        // What SQLite keeps beside a file goes with it, unsaid.
        let said = removed.iter().filter(|p| {
            !["-wal", "-shm", "-journal"]
                .iter()
                .any(|s| p.to_string_lossy().ends_with(s))
        });
        for path in said {
            eprintln!(
                "{}",
                i18n::error_output(&i18n::fill(
                    i18n::INTERRUPTED_REMOVED.get(),
                    &[("path", &path.display().to_string())]
                ))
            );
        }
        std::process::exit(130);
    });
    let cli = match cli::parse(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut out = BufWriter::new(std::io::stdout().lock());
        let code = cli::run(cli, &mut out)?;
        match out.flush() {
            // A reader that stopped early changes no status (`overdue
            // --exit-code | head -1` is still 1 when something is late).
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {}
            flushed => flushed?,
        }
        Ok::<_, anyhow::Error>(code)
    }));
    match outcome {
        Ok(Ok(code)) => code,
        // A closed pipe (`theodoi overdue | head -1`) is not an error.
        Ok(Err(err)) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        // Nor is a command that finds the record as it asks: it says so.
        Ok(Err(err)) if changed_nothing(&err) => {
            // Written as the rest is: a reader gone is no panic.
            let _ = writeln!(std::io::stdout(), "{}", i18n::NOTHING_CHANGED.get());
            ExitCode::SUCCESS
        }
        Ok(Err(err)) => {
            // One line of at most 300 characters, nothing a terminal acts on.
            eprintln!("{}", i18n::error_output(&i18n::error_line(&err)));
            ExitCode::from(2)
        }
        // The panic hook has already said what happened.
        Err(_) => ExitCode::from(2),
    }
}

fn changed_nothing(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| matches!(cause.downcast_ref::<Error>(), Some(Error::NothingChanged)))
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = match cause.downcast_ref::<Error>() {
            Some(Error::Output(e)) => Some(e.kind()),
            _ => cause
                .downcast_ref::<std::io::Error>()
                .map(std::io::Error::kind)
                // JSON written whole (ratings, directive show, extract).
                .or_else(|| {
                    cause
                        .downcast_ref::<serde_json::Error>()
                        .and_then(serde_json::Error::io_error_kind)
                }),
        };
        kind == Some(ErrorKind::BrokenPipe)
    })
}

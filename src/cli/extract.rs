//! `theodoi extract [FILE|-]`: the directives and deadlines an announcement
//! names. Prints what it finds; writes nothing.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{Context, OutputArgs};
use crate::extract::extract;
use crate::i18n::{self, tr};
use crate::report::extract::{FoundDeadlines, FoundDirectives};
use crate::report::{Format, render};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text; `-` or nothing for standard input.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: Args, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    match args.file.as_deref().filter(|f| f.as_os_str() != "-") {
        Some(file) => {
            bytes = std::fs::read(file)
                .with_context(|| tr!(i18n::IMPORT_READ, path = file.display()))?;
        }
        None => {
            std::io::stdin().read_to_end(&mut bytes)?;
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let found = extract(text);
    let options = args.output.options(ctx);
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &found)?;
            writeln!(out)?;
        }
        Format::Csv => {
            render(&FoundDirectives, &found.directives, options, out)?;
        }
        Format::Table | Format::Md => {
            render(&FoundDirectives, &found.directives, options, out)?;
            writeln!(out)?;
            render(&FoundDeadlines, &found.deadlines, options, out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `theodoi completions SHELL` and `theodoi man`, generated from the clap
//! definitions in the language in force.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "SHELL", value_enum)]
    shell: clap_complete::Shell,
}

pub fn completions(args: Args, out: &mut dyn Write) -> Result<ExitCode> {
    let mut cmd = super::command();
    // Generated whole first: a closed pipe is then an error to return (and
    // ignore), not a failure inside the generator.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "theodoi", &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(out: &mut dyn Write) -> Result<ExitCode> {
    clap_mangen::Man::new(super::command()).render(out)?;
    Ok(ExitCode::SUCCESS)
}

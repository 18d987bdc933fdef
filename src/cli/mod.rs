//! The command line: the clap definitions, their help in the language in
//! force, the argument parsers, and the dispatch to one module per command.

mod agenda;
mod assign;
mod backup;
mod completions;
mod crypt;
mod csvfile;
mod demo;
mod directive;
mod done;
mod extend;
mod extract;
mod history;
mod init;
mod output;
mod overdue;
mod person;
mod portable;
mod progress;
mod ratings;
mod renew;
mod report_doc;
mod results;
mod settings;
mod sheet;
mod task;
mod unit;
mod upcoming;
// Moving between stores.
mod copy;
// Offices of a server's database.
mod office;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use chrono::{FixedOffset, NaiveDate, Utc};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::app::DirectiveQuery;
use crate::app::reports::Filters;
use crate::domain::{DocType, DueRule, Secrecy, UnitKind, Urgency};
use crate::i18n::{self, Lang, tr};
use crate::report::progress::GroupBy;
use crate::report::{Format, RenderOptions};
use crate::store::{Db, Location, PostgresStore, Scope, Storage};
use crate::text::date::{DateError, NoSuchDay, parse_date};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(name = "theodoi", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[arg(long, global = true, value_name = "vi|en", value_parser = lang_arg)]
    pub lang: Option<Lang>,
    #[arg(long, global = true, value_name = "NAME")]
    pub actor: Option<String>,
    #[arg(long, global = true)]
    pub show_secret: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    #[command(subcommand)]
    Directive(directive::Command),
    #[command(subcommand)]
    Unit(unit::Command),
    #[command(subcommand)]
    Task(task::Command),
    #[command(subcommand)]
    Person(person::Command),
    Done(done::Args),
    Extend(extend::Args),
    Undo(history::UndoArgs),
    Log(history::LogArgs),
    Backup(backup::Args),
    Export(portable::Args),
    Import(portable::Args),
    Overdue(overdue::Args),
    Upcoming(upcoming::Args),
    Progress(progress::Args),
    Agenda(agenda::Args),
    Rules(ratings::RulesArgs),
    Ratings(ratings::RatingsArgs),
    Demo(demo::Args),
    Extract(extract::Args),
    Completions(completions::Args),
    Man,
    Results(results::Args),
    Settings(settings::Args),
    Report(report_doc::ReportArgs),
    Remind(report_doc::RemindArgs),
    Encrypt,
    Decrypt,
    Copy(copy::Args),
    #[command(subcommand)]
    Key(crypt::KeyCommand),
    #[command(subcommand)]
    Office(office::Command),
}

/// What every command may need besides its arguments: read once, at the edge.
pub struct Context {
    /// Today in Vietnam (UTC+7), from the UTC clock: neither the machine's
    /// time zone nor `TZ` moves it (a cron job on a server in UTC counts the
    /// same day as a clerk in Hà Nội).
    pub today: NaiveDate,
    /// Who records changes: `THEODOI_ACTOR`, else the login name.
    pub actor: String,
    /// Whether tables may be coloured: stdout is a terminal and `NO_COLOR` is unset.
    pub color: bool,
    /// `--show-secret`: the titles of secret directives are printed
    /// wherever a report goes.
    pub show_secret: bool,
    /// Whether standard output is a terminal (a clerk looking, not a pipe).
    pub terminal: bool,
}

impl Context {
    /// Whether an output of the clerk's own lookup (`directive list/show`,
    /// `task list`) shows the titles of secret directives: with
    /// `--show-secret`, or when it goes to the terminal and nowhere else.
    pub fn shows_secret_here(&self, output: &OutputArgs) -> bool {
        self.show_secret || (self.terminal && output.output.is_none())
    }
}

impl Context {
    /// Reads the clock and the environment. `--actor` and `THEODOI_ACTOR`
    /// are checked as any name a clerk types (no control character, 300
    /// characters at most); a login name that would not pass is skipped.
    fn from_env(actor: Option<String>, show_secret: bool) -> Result<Context> {
        let vietnam = FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset");
        let given = actor.filter(|a| !a.trim().is_empty()).or_else(|| {
            std::env::var("THEODOI_ACTOR")
                .ok()
                .filter(|s| !s.trim().is_empty())
        });
        let actor = match given {
            Some(actor) => crate::app::text(&actor, crate::domain::error::Field::Actor)?,
            None => ["USER", "LOGNAME", "USERNAME"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find_map(|s| crate::app::text(&s, crate::domain::error::Field::Actor).ok())
                .unwrap_or_else(|| i18n::ACTOR_UNKNOWN_MARK.to_string()),
        };
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let terminal = std::io::stdout().is_terminal();
        Ok(Context {
            today: Utc::now().with_timezone(&vietnam).date_naive(),
            actor,
            color: terminal && !no_color,
            show_secret,
            terminal,
        })
    }
}

/// The language asked for by `--lang` (anywhere on the line) or
/// `THEODOI_LANG`, read before clap so that help and errors use it.
pub fn lang_from(args: &[OsString]) -> Lang {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    std::env::var("THEODOI_LANG")
        .ok()
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// The clap command with its help in the language in force.
pub fn command() -> clap::Command {
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help(i18n::VERSION_FLAG.get())
        .help_heading(i18n::HELP_OPTIONS.get());
    localize(Cli::command().disable_version_flag(true).arg(version), "")
}

fn localize(cmd: clap::Command, path: &str) -> clap::Command {
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(i18n::HELP_FLAG.get())
        .help_heading(i18n::HELP_OPTIONS.get());
    let mut cmd = cmd
        .help_template(i18n::HELP_TEMPLATE.get())
        .subcommand_help_heading(i18n::HELP_COMMANDS.get())
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(help)
        .mut_args(|arg| {
            let key = arg_key(path, &arg);
            let text = i18n::help(&key).or_else(|| i18n::help(&global_key(&arg)));
            let heading = if arg.is_positional() {
                i18n::HELP_ARGUMENTS
            } else {
                i18n::HELP_OPTIONS
            };
            let mut arg = arg.help_heading(heading.get());
            let mut help = text.map(|text| text.get().to_string());
            // clap's own "[possible values: …]" and "[default: …]" are in
            // English: hidden, and said in the language in force instead.
            if let Some(values) = values_line(&global_key(&arg), &arg) {
                arg = arg.hide_possible_values(true).hide_default_value(true);
                help = Some(match help {
                    Some(help) => format!("{help}. {values}"),
                    None => values,
                });
            }
            if arg.get_action().takes_values() {
                let long = arg.get_long().map(|l| format!("--{l}"));
                let names: Vec<String> = arg
                    .get_value_names()
                    .map(|names| names.iter().map(|n| n.to_string()).collect())
                    .unwrap_or_else(|| vec![arg.get_id().as_str().to_uppercase()]);
                let local: Vec<&'static str> = names
                    .iter()
                    .filter_map(|name| i18n::placeholder(long.as_deref(), name))
                    .map(|text| text.get())
                    .collect();
                if local.len() == names.len() {
                    arg = arg.value_names(local);
                }
            }
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(i18n::PLACEHOLDER_COMMAND.get());
    }
    if let Some(about) = i18n::help(path) {
        cmd = cmd.about(about.get());
    }
    if let Some(examples) = i18n::examples(path) {
        cmd = cmd.after_help(examples.get());
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path));
    }
    cmd
}

/// What an option accepts and its default, in the language in force:
/// `Giá trị: table – bảng…; json – …; mặc định: table`.
fn values_line(key: &str, arg: &Arg) -> Option<String> {
    if !arg.get_action().takes_values() {
        return None;
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let name = v.get_name();
            match i18n::value_help(key, name) {
                Some(text) => format!("{name} – {}", text.get()),
                None => name.to_string(),
            }
        })
        .collect();
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && default.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !values.is_empty() {
        parts.push(tr!(i18n::HELP_VALUES, values = values.join("; ")));
    }
    if !default.is_empty() {
        parts.push(tr!(i18n::HELP_DEFAULT, value = default.join(", ")));
    }
    Some(parts.join("; "))
}

/// A rendered help screen with clap's own words put in the language in force.
fn help_text(err: &clap::Error) -> String {
    use std::io::IsTerminal;
    let styled = err.render();
    let to_terminal = if err.use_stderr() {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let text = if to_terminal && !no_color {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let mut text = text.replacen("[OPTIONS]", i18n::PLACEHOLDER_OPTIONS.get(), 1);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// `directive add --issuer`, or `directive add SYMBOL` for a positional.
fn arg_key(path: &str, arg: &Arg) -> String {
    let name = global_key(arg);
    if path.is_empty() {
        name
    } else {
        format!("{path} {name}")
    }
}

/// `--format`, or the value name of a positional.
fn global_key(arg: &Arg) -> String {
    match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => arg
            .get_value_names()
            .and_then(|names| names.first())
            .map(|n| n.to_string())
            .unwrap_or_else(|| arg.get_id().to_string()),
    }
}

/// Parses the command line. On failure returns the exit code after
/// printing help, the version, or a one-line error in the language in force.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    // Localizing the help of every command costs more than running most of
    // them: parse with the plain definitions, and localize only to show help
    // or an error. Both accept exactly the same arguments.
    let mut plain = Cli::command();
    let parsed = plain
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    // The definitions live until the process ends: taking apart the tree of
    // every command costs a tenth of a short command's time.
    std::mem::forget(plain);
    if let Ok(cli) = parsed {
        return Ok(cli);
    }
    let matches = command().try_get_matches_from(args.clone());
    let err = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => return Ok(cli),
        Err(err) => err,
    };
    match err.kind() {
        ErrorKind::DisplayVersion => {
            let _ = err.print();
            Err(ExitCode::SUCCESS)
        }
        ErrorKind::DisplayHelp => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(help_text(&err).as_bytes());
            let _ = stdout.flush();
            Err(ExitCode::SUCCESS)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", help_text(&err));
            Err(ExitCode::from(2))
        }
        _ => {
            eprintln!("{}", i18n::error_output(&clap_message(&err, &args)));
            Err(ExitCode::from(2))
        }
    }
}

/// Whether `suggested` is near enough to what was typed to be offered: it
/// begins as the input does (a slip of the fingers keeps the first letter),
/// and is a letter or two away. `frobnicate` is not a misspelt `office`.
fn near(typed: &str, suggested: &str) -> bool {
    if suggested.is_empty() || typed.chars().next() != suggested.chars().next() {
        return false;
    }
    let longest = typed.chars().count().max(suggested.chars().count());
    strsim::levenshtein(typed, suggested) <= if longest >= 4 { 2 } else { 1 }
}

/// A clap error in the language in force, on one line; `args` name the
/// command whose help it points to when clap's error does not.
fn clap_message(err: &clap::Error, args: &[OsString]) -> String {
    let context = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let cmd = match command_path(&context(ContextKind::Usage)) {
        cmd if cmd.is_empty() => command_path_of(args),
        cmd => cmd,
    };
    match err.kind() {
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(err)
                .map(|e| e.to_string())
                .unwrap_or_default();
            // The option as typed (`--date`), not its placeholder too.
            let arg = context(ContextKind::InvalidArg);
            let arg = match arg.split_once(' ') {
                Some((flag, _)) if flag.starts_with('-') => flag.to_string(),
                _ => arg,
            };
            format!("{arg}: {reason}")
        }
        ErrorKind::InvalidValue if context(ContextKind::InvalidValue).is_empty() => tr!(
            i18n::CLAP_NO_VALUE,
            arg = context(ContextKind::InvalidArg),
            cmd = cmd
        ),
        ErrorKind::InvalidValue => {
            let value = context(ContextKind::InvalidValue);
            let mut msg = tr!(
                i18n::CLAP_INVALID_VALUE,
                value = i18n::short(&value),
                arg = context(ContextKind::InvalidArg)
            );
            let valid = context(ContextKind::ValidValue);
            if !valid.is_empty() {
                msg.push_str(&format!("; {}: {valid}", i18n::ACCEPTED.get()));
            }
            msg
        }
        ErrorKind::UnknownArgument => {
            let suggested = context(ContextKind::SuggestedArg);
            let hint = if suggested.is_empty() {
                String::new()
            } else {
                tr!(i18n::CLAP_SUGGEST, arg = suggested)
            };
            let arg = context(ContextKind::InvalidArg);
            // `--fromat` is an option not known; `qua` (of `--on hôm qua`)
            // or `-3`, a word or value left over.
            let option = arg.starts_with('-')
                && !arg[1..]
                    .starts_with(|c: char| c.is_ascii_digit() || c == '-' && arg.len() == 2);
            if option || !hint.is_empty() {
                tr!(i18n::CLAP_UNKNOWN_ARG, arg = arg, hint = hint, cmd = cmd)
            } else {
                tr!(i18n::CLAP_EXTRA_ARG, arg = arg, cmd = cmd)
            }
        }
        ErrorKind::MissingRequiredArgument => tr!(
            i18n::CLAP_MISSING,
            args = context(ContextKind::InvalidArg),
            cmd = cmd
        ),
        ErrorKind::InvalidSubcommand => tr!(
            i18n::CLAP_UNKNOWN_CMD,
            arg = context(ContextKind::InvalidSubcommand),
            hint = match context(ContextKind::SuggestedSubcommand) {
                s if !near(&context(ContextKind::InvalidSubcommand), &s) => String::new(),
                s => tr!(i18n::CLAP_SUGGEST, arg = s),
            },
            cmd = cmd
        ),
        ErrorKind::ArgumentConflict => tr!(
            i18n::CLAP_CONFLICT,
            arg = context(ContextKind::InvalidArg),
            other = context(ContextKind::PriorArg),
            cmd = cmd
        ),
        ErrorKind::MissingSubcommand => tr!(i18n::CLAP_NO_COMMAND, cmd = cmd),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!(
                i18n::CLAP_VALUE_COUNT,
                arg = context(ContextKind::InvalidArg),
                cmd = cmd
            )
        }
        ErrorKind::InvalidUtf8 => tr!(i18n::CLAP_NOT_UTF8, cmd = cmd),
        _ => {
            // Kinds theodoi's arguments never raise; clap's wording is
            // English, so only the argument it names is kept.
            let arg = context(ContextKind::InvalidArg);
            tr!(i18n::CLAP_OTHER, detail = arg, cmd = cmd)
        }
    }
}

/// `directive add ` from a usage line `Usage: theodoi directive add [OPTIONS] …`.
fn command_path(usage: &str) -> String {
    usage
        .split_whitespace()
        .skip_while(|w| *w != "theodoi")
        .skip(1)
        .take_while(|w| {
            w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-')
        })
        .map(|w| format!("{w} "))
        .collect()
}

/// `done ` for `theodoi --lang en done --unit`: the subcommands named on
/// the line, past the options (and their values) before them.
fn command_path_of(args: &[OsString]) -> String {
    let root = command();
    let mut cmd = root.clone();
    let mut path = String::new();
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if let Some(option) = word.strip_prefix("--") {
            // Its value follows unless given with `=` or it takes none.
            let takes_value = !option.contains('=')
                && cmd
                    .get_arguments()
                    .chain(root.get_arguments())
                    .any(|a| a.get_long() == Some(option) && a.get_action().takes_values());
            if takes_value {
                words.next();
            }
            continue;
        }
        if word.starts_with('-') {
            let takes_value = word.len() == 2
                && cmd
                    .get_arguments()
                    .chain(root.get_arguments())
                    .any(|a| word.chars().nth(1) == a.get_short() && a.get_action().takes_values());
            if takes_value {
                words.next();
            }
            continue;
        }
        match cmd.find_subcommand(word.as_ref()).cloned() {
            Some(sub) => {
                path.push_str(sub.get_name());
                path.push(' ');
                cmd = sub;
            }
            None => break,
        }
    }
    path
}

/// Runs a parsed command line.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    let ctx = Context::from_env(cli.actor.clone(), cli.show_secret)?;
    crate::app::resolve::search_secret_titles(ctx.show_secret);
    match cli.command {
        Command::Demo(args) => return demo::run(cli.db, args, &ctx, out),
        Command::Init(args) => return init::run(&db_location(cli.db)?, args, out),
        Command::Completions(args) => return completions::completions(args, out),
        Command::Man => return completions::man(out),
        Command::Extract(args) => return extract::run(args, cli.db, &ctx, out),
        Command::Encrypt => return crypt::encrypt(&sqlite_file(db_location(cli.db)?)?, out),
        Command::Decrypt => return crypt::decrypt(&sqlite_file(db_location(cli.db)?)?, out),
        Command::Copy(args) => return copy::run(args, out),
        Command::Key(crypt::KeyCommand::New { file }) => return crypt::key_new(&file, out),
        Command::Office(cmd) => return office::run(db_location(cli.db)?, cmd, &ctx, out),
        _ => {}
    }
    let location = db_location(cli.db)?;
    let server = match &location {
        Location::Postgres(_) => Some(location.shown()),
        Location::Sqlite(_) => None,
    };
    let (mut store, encrypted) = open_store(location, reads_only(&cli.command))?;
    if encrypted && matches!(cli.command, Command::Export(_)) {
        // A full copy in plain JSON: what the encryption kept from being read.
        warn(i18n::EXPORT_PLAIN.get());
    }
    let done = match cli.command {
        Command::Directive(cmd) => directive::run(&mut *store, cmd, &ctx, out),
        Command::Unit(cmd) => unit::run(&mut *store, cmd, &ctx, out),
        Command::Task(cmd) => task::run(&mut *store, cmd, &ctx, out),
        Command::Person(cmd) => person::run(&mut *store, cmd, &ctx, out),
        Command::Done(args) => done::run(&mut *store, args, &ctx, out),
        Command::Extend(args) => extend::run(&mut *store, args, &ctx, out),
        Command::Undo(args) => history::undo(&mut *store, args, &ctx, out),
        Command::Log(args) => history::log(&*store, args, &ctx, out),
        Command::Backup(args) => backup::run(&*store, args, out),
        Command::Export(args) => portable::export(&*store, args, out),
        Command::Import(args) => portable::import(&mut *store, args, server.as_deref(), out),
        Command::Overdue(args) => overdue::run(&*store, args, &ctx, out),
        Command::Upcoming(args) => upcoming::run(&*store, args, &ctx, out),
        Command::Progress(args) => progress::run(&*store, args, &ctx, out),
        Command::Agenda(args) => agenda::run(&*store, args, &ctx, out),
        Command::Rules(args) => ratings::rules(&mut *store, args, &ctx, out),
        Command::Ratings(args) => ratings::ratings(&*store, args, &ctx, out),
        Command::Results(args) => results::run(&*store, args, &ctx, out),
        Command::Settings(args) => settings::run(&mut *store, args, &ctx, out),
        Command::Report(args) => report_doc::report(&*store, args, &ctx, out),
        Command::Remind(args) => report_doc::remind(&*store, args, &ctx, out),
        Command::Init(_)
        | Command::Demo(_)
        | Command::Extract(_)
        | Command::Completions(_)
        | Command::Man
        | Command::Encrypt
        | Command::Decrypt
        | Command::Copy(_)
        | Command::Key(_)
        | Command::Office(_) => {
            unreachable!("handled above")
        }
    };
    // A stored value the store could not read (a file edited by hand): said
    // in the clerk's words, with the bad date found where one is.
    let done = done.map_err(|e| {
        match e
            .chain()
            .find_map(|c| c.downcast_ref::<crate::domain::Error>())
            .and_then(|inner| store.unreadable(inner))
        {
            Some(said) => said.into(),
            None => e,
        }
    });
    // Secret titles printed to a pipe (mail, a file of the shell's): said
    // once, and only when some were printed.
    if done.is_ok()
        && ctx.show_secret
        && !ctx.terminal
        && crate::domain::marks::secret_shown()
        && !output::wrote_file()
    {
        warn(i18n::WARN_SHOW_SECRET_PIPE.get());
    }
    done
}

/// Whether a command only reads the database: the reports and lists, `log`,
/// `rules` without `set`, `export` and `backup`. These open it read-only,
/// so that they work where it cannot be written and leave nothing beside it.
fn reads_only(command: &Command) -> bool {
    match command {
        Command::Log(_)
        | Command::Backup(_)
        | Command::Export(_)
        | Command::Overdue(_)
        | Command::Upcoming(_)
        | Command::Progress(_)
        | Command::Agenda(_)
        | Command::Ratings(_)
        | Command::Results(_)
        | Command::Report(_)
        | Command::Remind(_) => true,
        Command::Rules(args) => args.reads_only(),
        Command::Settings(args) => args.reads_only(),
        Command::Directive(cmd) => matches!(
            cmd,
            directive::Command::List(_) | directive::Command::Show(_)
        ),
        Command::Unit(cmd) => matches!(cmd, unit::Command::List(_)),
        Command::Task(cmd) => matches!(cmd, task::Command::List(_)),
        Command::Person(cmd) => {
            matches!(cmd, person::Command::List(_) | person::Command::Show(_))
        }
        Command::Init(_)
        | Command::Done(_)
        | Command::Extend(_)
        | Command::Undo(_)
        | Command::Import(_)
        | Command::Demo(_)
        | Command::Extract(_)
        | Command::Completions(_)
        | Command::Man
        | Command::Encrypt
        | Command::Decrypt
        | Command::Copy(_)
        | Command::Key(_)
        | Command::Office(_) => false,
    }
}

/// `--db`, else `THEODOI_DB`, else `theodoi.db` in the user's data
/// directory: an SQLite file, or a PostgreSQL database by its address.
/// A database named either way is what the commands messages suggest open
/// (a server's address without its password).
fn db_location(flag: Option<PathBuf>) -> Result<Location> {
    let named = flag.or_else(|| {
        std::env::var_os("THEODOI_DB")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    });
    let Some(path) = named else {
        return Ok(Location::Sqlite(data_dir()?.join("theodoi.db")));
    };
    let location = Location::parse(path.as_os_str())?;
    i18n::set_named_db(Path::new(&location.typed()), || {
        Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect()
    });
    Ok(location)
}

/// Opens the database a command works on (`read_only`: see `reads_only`),
/// and says whether it is an encrypted file.
fn open_store(location: Location, read_only: bool) -> Result<(Box<dyn Storage>, bool)> {
    Ok(match location {
        Location::Sqlite(path) => {
            let opened = crypt::open(&path, read_only)?;
            (Box::new(opened.store), opened.encrypted)
        }
        Location::Postgres(address) => (Box::new(PostgresStore::open(&address, read_only)?), false),
    })
}

/// The file of a command that works on SQLite files only (`encrypt`,
/// `decrypt`): a PostgreSQL database is refused.
fn sqlite_file(location: Location) -> Result<PathBuf> {
    match location {
        Location::Sqlite(path) => Ok(path),
        Location::Postgres(_) => Err(crate::domain::Error::PgEncrypt(location.shown()).into()),
    }
}

/// The user's data directory for theodoi (XDG on Linux, AppData on Windows).
fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "theodoi")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| anyhow::anyhow!(i18n::NO_DATA_DIR.get()))
}

/// `--format`: how a report is printed (`report::Format`, as clap reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A table for people, dates as dd/mm/yyyy.
    Table,
    /// One JSON array of objects, ISO dates, stable field names.
    Json,
    /// RFC 4180 CSV with the JSON field names as header, ISO dates.
    Csv,
    /// A Markdown table under a heading naming the report and the date.
    Md,
    /// An Excel workbook, to a file (`--output`).
    Xlsx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Md => Format::Md,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }
}

/// `--by`: how progress is grouped (`report::progress::GroupBy`, as clap reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupByArg {
    /// One line per unit kind.
    Kind,
    /// One line per unit with units under it, counting its whole subtree.
    Parent,
}

impl From<GroupByArg> for GroupBy {
    fn from(g: GroupByArg) -> GroupBy {
        match g {
            GroupByArg::Kind => GroupBy::Kind,
            GroupByArg::Parent => GroupBy::Parent,
        }
    }
}

/// `--format`, `--bom`, `--output` and `--force`, shared by every report
/// and list (`output.rs`: where the report goes).
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Default: the one `--output`'s extension names (`.xlsx`, `.csv`,
    /// `.json`, `.md`), else a table.
    #[arg(long, value_enum, ignore_case = true)]
    pub format: Option<FormatArg>,
    #[arg(long)]
    pub bom: bool,
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl OutputArgs {
    /// The format given, else the one the output file's extension names.
    pub fn format(&self) -> FormatArg {
        self.format.unwrap_or_else(|| {
            let extension = self
                .output
                .as_deref()
                .and_then(|p| p.extension())
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            match extension.as_deref() {
                Some("xlsx") => FormatArg::Xlsx,
                Some("csv") => FormatArg::Csv,
                Some("json") => FormatArg::Json,
                Some("md") => FormatArg::Md,
                _ => FormatArg::Table,
            }
        })
    }

    pub fn options(&self, ctx: &Context) -> RenderOptions {
        RenderOptions {
            format: self.format().into(),
            bom: self.bom,
            // Colour is for a terminal, never for a file.
            color: ctx.color && self.output.is_none(),
        }
    }
}

/// Runs `f` as one change of the clerk's: all of it or nothing, logged.
pub fn write<T>(
    store: &mut dyn Storage,
    ctx: &Context,
    action: &str,
    f: impl FnMut(&dyn Db) -> Result<T>,
) -> Result<T> {
    crate::store::write(store, &ctx.actor, action, f)
}

/// The rollback that ends a dry run.
#[derive(Debug, thiserror::Error)]
#[error("dry run")]
struct DryRun;

/// Runs `f` as one change; with `dry_run`, checks everything against the
/// database as it is, then rolls back so that nothing is written.
pub fn write_checked<T>(
    store: &mut dyn Storage,
    ctx: &Context,
    action: &str,
    dry_run: bool,
    mut f: impl FnMut(&dyn Db) -> Result<T>,
) -> Result<T> {
    if !dry_run {
        return write(store, ctx, action, f);
    }
    let mut kept = None;
    let result = write(store, ctx, action, |db| {
        kept = Some(f(db)?);
        Err::<(), _>(DryRun.into())
    });
    match (result, kept) {
        (Err(e), Some(value)) if e.is::<DryRun>() => Ok(value),
        (Err(e), _) => Err(e),
        (Ok(()), _) => unreachable!("a dry run always rolls back"),
    }
}

/// Says a warning on stderr, on its own line: what was recorded all the
/// same, or what the clerk may want to check. The exit status stays 0.
pub fn warn(message: &str) {
    if !message.is_empty() {
        eprintln!("{}", crate::text::visible(message, false));
    }
}

/// `--directive`, `--task`, `--kind`: which obligations a report covers.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    #[arg(long, value_name = "REF")]
    pub directive: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    #[arg(long, value_name = "REF")]
    pub task: Option<String>,
    #[arg(long, value_name = "KIND", value_parser = kind_arg)]
    pub kind: Option<UnitKind>,
}

impl FilterArgs {
    /// The filters these arguments give.
    pub fn filters(&self) -> Filters<'_> {
        Filters {
            directive: self.directive.as_deref().map(|reference| DirectiveQuery {
                reference,
                issuer: self.issuer.as_deref(),
                issued_on: None,
            }),
            task: self.task.as_deref(),
            within: None,
            kind: self.kind,
        }
    }

    /// The scope these filters name, under `within` when given.
    pub fn scope(&self, db: &dyn Db, within: Option<&str>) -> Result<Scope> {
        Ok(crate::app::reports::scope(
            db,
            &Filters {
                within,
                ..self.filters()
            },
        )?)
    }
}

fn lang_arg(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| tr!(i18n::BAD_LANG, input = i18n::short(s)))
}

/// A whole number of at most `max`, with the error naming the input.
fn whole_number(s: &str, max: u64) -> Result<u64, String> {
    s.trim()
        .parse::<u64>()
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| tr!(i18n::BAD_NUMBER, input = i18n::short(s.trim()), max = max))
}

/// A number of days: 0 to 36,500 (a hundred years).
pub fn days_arg(s: &str) -> Result<u32, String> {
    whole_number(s, 36_500).map(|n| n as u32)
}

/// A change's number in the log.
pub fn change_arg(s: &str) -> Result<i64, String> {
    whole_number(s.trim().trim_start_matches('#'), i64::MAX as u64).map(|n| n as i64)
}

/// A date in any accepted form, with the error naming the input.
pub fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| date_error(s, &e))
}

/// The message for a text that is not a date.
pub fn date_error(input: &str, e: &DateError) -> String {
    use crate::text::date::{MAX_YEAR, MIN_YEAR};
    let input = i18n::short(input.trim());
    match e {
        DateError::Shape => tr!(i18n::BAD_DATE_SHAPE, input = input),
        DateError::NoSuchDay(NoSuchDay::Month) => {
            tr!(i18n::BAD_DATE_MONTH, input = without_day_word(&input))
        }
        DateError::NoSuchDay(NoSuchDay::Day { month, year, last }) => tr!(
            i18n::BAD_DATE_DAY,
            input = without_day_word(&input),
            month = month,
            year = year,
            last = last
        ),
        DateError::OutOfRange => tr!(
            i18n::BAD_DATE_RANGE,
            input = without_day_word(&input),
            from = format!("01/01/{MIN_YEAR}"),
            to = format!("31/12/{MAX_YEAR}")
        ),
    }
}

/// A date as written, after the word `ngày` that the message says
/// before it: `6 tháng 13 năm 2023` of `ngày 6 tháng 13 năm 2023`.
fn without_day_word(input: &str) -> &str {
    match input.split_once(' ') {
        Some((first, rest)) if crate::text::fold(first) == "ngay" => rest.trim_start(),
        _ => input,
    }
}

/// A unit kind by slug or name.
pub fn kind_arg(s: &str) -> Result<UnitKind, String> {
    crate::i18n::parse_kind(s).ok_or_else(|| kind_error(s))
}

/// The message for a text that is not a unit kind.
pub fn kind_error(s: &str) -> String {
    tr!(
        i18n::BAD_KIND,
        input = i18n::short(s.trim()),
        accepted = i18n::accepted(UnitKind::ALL.iter().map(|k| k.slug().to_string()))
    )
}

/// A directive type by slug, name or code.
pub fn doc_type_arg(s: &str) -> Result<DocType, String> {
    crate::i18n::parse_doc_type(s).ok_or_else(|| {
        tr!(
            i18n::BAD_DOC_TYPE,
            input = i18n::short(s.trim()),
            accepted = i18n::accepted(DocType::ALL.iter().map(|t| t.slug().to_string()))
        )
    })
}

/// A mark given on the command line, or `none` (`Mark(None)`): no mark,
/// or the one recorded removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark<T>(pub Option<T>);

/// Whether a word says "no mark": `none`, `không`, `khong`.
fn no_mark(s: &str) -> bool {
    matches!(
        crate::text::fold(s).as_str(),
        "none" | "khong" | "khong mat" | "khong khan"
    )
}

/// `--secrecy`: `mat`, `toi-mat`, `tuyet-mat` (or `Tối mật`…), or `none`.
pub fn secrecy_arg(s: &str) -> Result<Mark<Secrecy>, String> {
    if no_mark(s) {
        return Ok(Mark(None));
    }
    i18n::parse_secrecy(s)
        .map(|m| Mark(Some(m)))
        .ok_or_else(|| {
            tr!(
                i18n::BAD_SECRECY,
                input = i18n::short(s.trim()),
                accepted = i18n::accepted(
                    Secrecy::ALL
                        .iter()
                        .map(|m| m.slug().to_string())
                        .chain(["none".to_string()])
                )
            )
        })
}

/// `--urgency`: `khan`, `thuong-khan`, `hoa-toc` (or `Hỏa tốc`…), or `none`.
pub fn urgency_arg(s: &str) -> Result<Mark<Urgency>, String> {
    if no_mark(s) {
        return Ok(Mark(None));
    }
    i18n::parse_urgency(s)
        .map(|m| Mark(Some(m)))
        .ok_or_else(|| {
            tr!(
                i18n::BAD_URGENCY,
                input = i18n::short(s.trim()),
                accepted = i18n::accepted(
                    Urgency::ALL
                        .iter()
                        .map(|m| m.slug().to_string())
                        .chain(["none".to_string()])
                )
            )
        })
}

/// `KIND=DATE`.
pub fn due_arg(s: &str) -> Result<DueRule, String> {
    use crate::domain::task::DueRuleError;
    DueRule::parse_with(s, i18n::parse_kind).map_err(|e| match e {
        DueRuleError::Shape => tr!(i18n::BAD_DUE_SHAPE, input = i18n::short(s)),
        DueRuleError::Kind(kind) => kind_error(&kind),
        DueRuleError::Date(date, e) => date_error(&date, &e),
    })
}

/// A task's title as a message after a command says it: a secret
/// directive's task as its directive's citation and mark (as the log says
/// it), unless `--show-secret`.
pub fn task_title(db: &dyn Db, task: &crate::domain::task::Task, show: bool) -> Result<String> {
    let directive = db.directive(task.directive_id)?;
    Ok(crate::domain::marks::shown_task_title(
        &task.title,
        &task.code,
        &directive.citation(),
        directive.secrecy,
        show,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option has help in both languages.
    #[test]
    fn every_command_and_option_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if i18n::help(path).is_none() {
                missing.push(path.to_string());
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if i18n::help(&arg_key(path, arg)).is_none()
                    && i18n::help(&global_key(arg)).is_none()
                {
                    missing.push(arg_key(path, arg));
                }
            }
            for sub in cmd.get_subcommands() {
                let sub_path = if path.is_empty() {
                    sub.get_name().to_string()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help for: {missing:?}");
    }

    #[test]
    fn clap_definition_is_valid() {
        command().debug_assert();
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from(&args(&["theodoi", "--lang", "en", "overdue"])),
            Lang::En
        );
        assert_eq!(
            lang_from(&args(&["theodoi", "overdue", "--lang=en"])),
            Lang::En
        );
    }

    #[test]
    fn usage_gives_command_path() {
        assert_eq!(
            command_path("Usage: theodoi directive add [OPTIONS] --issuer <NAME> <SYMBOL>"),
            "directive add "
        );
        assert_eq!(command_path("Usage: theodoi [OPTIONS] <COMMAND>"), "");
    }

    #[test]
    fn every_placeholder_and_value_is_said_in_vietnamese() {
        fn walk(cmd: &clap::Command, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                if !arg.get_action().takes_values() {
                    continue;
                }
                let long = arg.get_long().map(|l| format!("--{l}"));
                for name in arg.get_value_names().into_iter().flatten() {
                    if i18n::placeholder(long.as_deref(), name).is_none() {
                        missing.push(format!("{} <{name}>", cmd.get_name()));
                    }
                }
                let key = global_key(arg);
                for value in arg.get_possible_values() {
                    // Shells are named by their own names.
                    if key != "SHELL" && i18n::value_help(&key, value.get_name()).is_none() {
                        missing.push(format!("{key}={}", value.get_name()));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut missing);
        assert!(missing.is_empty(), "no Vietnamese for: {missing:?}");
    }
}

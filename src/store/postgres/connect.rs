//! Connecting to the server. The `postgres` crate reads neither libpq's
//! environment nor its password file: what the address leaves out is filled
//! here as libpq fills it (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`,
//! `PGPASSWORD`, then `PGPASSFILE` or `~/.pgpass`; `PGOPTIONS`), and TLS
//! as libpq asks for it (`tls`: `sslmode`, `sslrootcert`, `PGSSLMODE`,
//! `PGSSLROOTCERT`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use postgres::config::Host;
use postgres::{Client, Config, NoTls};

use super::tls;
use crate::domain::error::{Error, Result, TlsProblem};

/// How long a connection may take before it is given up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The port a server listens on unless told otherwise.
const DEFAULT_PORT: u16 = 5432;

/// A connection to the database at `address`; `shown` names it in errors.
pub(super) fn client(address: &str, shown: &str) -> Result<Client> {
    let failed = |reason: String| Error::PgConnect {
        address: shown.to_string(),
        reason,
    };
    let tls_failed = |problem: TlsProblem| Error::PgTls {
        address: shown.to_string(),
        problem,
    };
    let env = Environment::from_process();
    let (rest, given) = tls::split(address);
    let rest = match &env.port {
        Some(port) => with_port(&rest, port),
        None => rest,
    };
    let mut config: Config = rest.parse().map_err(|e| failed(chain(&e)))?;
    fill(&mut config, &env);
    let plan = tls::plan(
        &mut config,
        given.mode.as_deref().or(env.sslmode.as_deref()),
        given.rootcert.as_deref().or(env.sslrootcert.as_deref()),
    )
    .map_err(tls_failed)?;
    let who = Who::of(&config);
    // The client's timeout covers reaching the server, not its answer: a
    // server (or another program on its port) that never answers is given
    // up after the same time, in a thread of its own, so no command hangs.
    let timeout = config
        .get_connect_timeout()
        .copied()
        .unwrap_or(CONNECT_TIMEOUT);
    let (sent, answer) = std::sync::mpsc::channel();
    let (check, connector) = match plan {
        tls::Plan::Plain => (None, None),
        tls::Plan::Tls {
            connector,
            mode,
            root,
            found,
        } => (Some((mode, root, found)), Some(connector)),
    };
    std::thread::spawn(move || {
        let connected = match connector {
            Some(connector) => config.connect(connector),
            None => config.connect(NoTls),
        };
        let _ = sent.send(connected);
    });
    let connected = match answer.recv_timeout(timeout) {
        Ok(connected) => connected,
        Err(_) => {
            return Err(Error::PgNoAnswer {
                address: shown.to_string(),
                seconds: timeout.as_secs(),
            });
        }
    };
    let e = match connected {
        Ok(mut client) => {
            super::limit_lock_waits(&mut client, shown, &who)?;
            return Ok(client);
        }
        Err(e) => e,
    };
    if let Some((mode, root, found)) = check {
        let found = found.lock().ok().and_then(|f| *f);
        if let Some(problem) = tls::failure(mode, root.as_deref(), found, &who.host, &e) {
            return Err(tls_failed(problem));
        }
    }
    if let Some(problem) = super::server_problem(&e, Some(&who)) {
        return Err(Error::PgServer {
            address: shown.to_string(),
            problem,
        });
    }
    Err(failed(super::reason_chain(&e)))
}

/// A URL whose hosts have no port with `port` (`PGPORT`) after each: the
/// crate gives them 5432, libpq the environment's port.
pub(super) fn with_port(address: &str, port: &str) -> String {
    let lower = address.trim_start().to_ascii_lowercase();
    if !(lower.starts_with("postgres://") || lower.starts_with("postgresql://"))
        || port.parse::<u16>().is_err()
    {
        return address.to_string();
    }
    let Some((scheme, rest)) = address.split_once("://") else {
        return address.to_string();
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (user, hosts) = match authority.rsplit_once('@') {
        Some((user, hosts)) => (format!("{user}@"), hosts),
        None => (String::new(), authority),
    };
    let query_port = tail
        .split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|p| p.starts_with("port=")));
    if hosts.is_empty() || query_port {
        return address.to_string();
    }
    let hosts: Vec<String> = hosts
        .split(',')
        .map(|chunk| {
            let has_port = match chunk.strip_prefix('[') {
                Some(v6) => v6.split_once(']').is_some_and(|(_, r)| r.starts_with(':')),
                None => chunk.contains(':'),
            };
            match has_port || chunk.is_empty() {
                true => chunk.to_string(),
                false => format!("{chunk}:{port}"),
            }
        })
        .collect();
    format!("{scheme}://{user}{}{tail}", hosts.join(","))
}

/// Who connects where: what the errors of a connection name.
#[derive(Debug, Clone, Default)]
pub(super) struct Who {
    pub user: String,
    pub db: String,
    pub host: String,
}

impl Who {
    fn of(config: &Config) -> Who {
        let user = config
            .get_user()
            .map(str::to_string)
            .or_else(whoami_user)
            .unwrap_or_default();
        let db = config
            .get_dbname()
            .map_or_else(|| user.clone(), str::to_string);
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(Host::Unix(p)) => p.display().to_string(),
            None => String::new(),
        };
        Who { user, db, host }
    }
}

/// What libpq reads from the environment, read once.
#[derive(Debug, Default, Clone)]
pub(super) struct Environment {
    pub host: Option<String>,
    pub port: Option<String>,
    pub user: Option<String>,
    pub database: Option<String>,
    pub password: Option<String>,
    /// The password file: `PGPASSFILE`, else libpq's default place.
    pub passfile: Option<PathBuf>,
    pub connect_timeout: Option<String>,
    pub options: Option<String>,
    pub sslmode: Option<String>,
    pub sslrootcert: Option<String>,
}

impl Environment {
    fn from_process() -> Environment {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Environment {
            host: var("PGHOST"),
            port: var("PGPORT"),
            user: var("PGUSER"),
            database: var("PGDATABASE"),
            password: var("PGPASSWORD"),
            passfile: var("PGPASSFILE")
                .map(PathBuf::from)
                .or_else(default_passfile),
            connect_timeout: var("PGCONNECT_TIMEOUT"),
            options: var("PGOPTIONS"),
            sslmode: var("PGSSLMODE"),
            sslrootcert: var("PGSSLROOTCERT"),
        }
    }
}

/// `~/.pgpass`; on Windows `%APPDATA%\postgresql\pgpass.conf`.
fn default_passfile() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("postgresql").join("pgpass.conf"))
    } else {
        directories::BaseDirs::new().map(|d| d.home_dir().join(".pgpass"))
    }
}

/// Fills what `config` leaves out from `env`, as libpq does.
pub(super) fn fill(config: &mut Config, env: &Environment) {
    if config.get_hosts().is_empty() {
        match &env.host {
            Some(hosts) => {
                for host in hosts.split(',') {
                    config.host(host);
                }
            }
            None => {
                config.host(&default_host());
            }
        }
    }
    if config.get_ports().is_empty()
        && let Some(port) = env.port.as_deref().and_then(|p| p.parse::<u16>().ok())
    {
        config.port(port);
    }
    if config.get_user().is_none()
        && let Some(user) = &env.user
    {
        config.user(user);
    }
    if config.get_dbname().is_none()
        && let Some(db) = &env.database
    {
        config.dbname(db);
    }
    if config.get_options().is_none()
        && let Some(options) = &env.options
    {
        config.options(options);
    }
    if config.get_connect_timeout().is_none() {
        let seconds = env
            .connect_timeout
            .as_deref()
            .and_then(|s| s.parse::<u64>().ok())
            .filter(|s| *s > 0);
        config.connect_timeout(seconds.map_or(CONNECT_TIMEOUT, Duration::from_secs));
    }
    if config.get_password().is_none() {
        if let Some(password) = &env.password {
            config.password(password.as_str());
        } else if let Some(file) = &env.passfile
            && let Some(password) = from_passfile(file, config)
        {
            config.password(password);
        }
    }
}

/// Where libpq looks for a server when told nothing: its socket folder on
/// Unix when there is one, else this machine over TCP.
fn default_host() -> String {
    if cfg!(unix) {
        for dir in ["/var/run/postgresql", "/run/postgresql", "/tmp"] {
            if Path::new(dir)
                .join(format!(".s.PGSQL.{DEFAULT_PORT}"))
                .exists()
            {
                return dir.to_string();
            }
        }
    }
    "localhost".to_string()
}

/// The password the file gives for the first host of `config`, its port,
/// database and user; `None` when no line matches or the file cannot be
/// read (on Unix, also when others may read it: libpq ignores it then).
fn from_passfile(file: &Path, config: &Config) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(file).ok()?;
    let (host, socket) = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => (h.clone(), false),
        #[cfg(unix)]
        Some(Host::Unix(p)) => (p.display().to_string(), true),
        None => ("localhost".to_string(), false),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(DEFAULT_PORT)
        .to_string();
    let user = config
        .get_user()
        .map(str::to_string)
        .or_else(whoami_user)
        .unwrap_or_default();
    let db = config
        .get_dbname()
        .map_or_else(|| user.clone(), str::to_string);
    passfile_lookup(&text, &host, socket, &port, &db, &user)
}

/// The user name the crate logs in with when none is given.
fn whoami_user() -> Option<String> {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
}

/// The password of the first line of a password file that matches:
/// `host:port:database:user:password`, `*` matching anything, `\:` and
/// `\\` escaped; `#` starts a comment line. A Unix socket's host matches its
/// folder, or `localhost`.
pub(super) fn passfile_lookup(
    text: &str,
    host: &str,
    socket: bool,
    port: &str,
    db: &str,
    user: &str,
) -> Option<String> {
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_fields(line);
        if fields.len() < 5 {
            continue;
        }
        let matches = |field: &str, value: &str| field == "*" || field == value;
        let host_matches = matches(&fields[0], host) || (socket && fields[0] == "localhost");
        if host_matches
            && matches(&fields[1], port)
            && matches(&fields[2], db)
            && matches(&fields[3], user)
        {
            // A password may hold `:`: the rest of the line.
            return Some(fields[4..].join(":"));
        }
    }
    None
}

/// The fields of a password file line, escapes undone.
fn split_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

/// An error and its causes, on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut line = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        line.push_str(": ");
        line.push_str(&c.to_string());
        cause = c.source();
    }
    line
}

/// Makes a new, empty database on the server at `server` (a test server:
/// `THEODOI_TEST_PG`) and returns the address of it, as key-value.
#[cfg(test)]
pub(super) fn fresh_database(server: &str) -> Result<String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let mut config: Config = server.parse().map_err(Error::storage)?;
    fill(&mut config, &Environment::from_process());
    let mut client = config.connect(NoTls)?;
    let name = format!(
        "theodoi_unit_{}_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst),
        chrono::Utc::now().timestamp_micros()
    );
    client.batch_execute(&format!("CREATE DATABASE {name}"))?;
    Ok(with_dbname(&config, &name))
}

/// The key-value address of database `name` on the server of `config`.
#[cfg(test)]
fn with_dbname(config: &Config, name: &str) -> String {
    let mut parts = Vec::new();
    if let Some(host) = config.get_hosts().first() {
        match host {
            Host::Tcp(h) => parts.push(format!("host={h}")),
            #[cfg(unix)]
            Host::Unix(p) => parts.push(format!("host={}", p.display())),
        }
    }
    if let Some(port) = config.get_ports().first() {
        parts.push(format!("port={port}"));
    }
    if let Some(user) = config.get_user() {
        parts.push(format!("user={user}"));
    }
    parts.push(format!("dbname={name}"));
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_file_is_read_as_libpq_reads_it() {
        let file = "# comment\n\
                    other:5432:*:u:no\n\
                    db.example:*:theodoi:u:first\n\
                    *:*:*:u:any\\:colon\n\
                    h\\:x:5432:d:u:escaped:more\n";
        let get = |host, port, db, user| passfile_lookup(file, host, false, port, db, user);
        assert_eq!(
            get("db.example", "5432", "theodoi", "u").as_deref(),
            Some("first")
        );
        assert_eq!(
            get("db.example", "5432", "x", "u").as_deref(),
            Some("any:colon")
        );
        assert_eq!(get("h:x", "5432", "d", "v"), None);
        assert_eq!(get("other", "5432", "d", "u").as_deref(), Some("no"));
        let sock = passfile_lookup("localhost:5432:d:u:s\n", "/tmp", true, "5432", "d", "u");
        assert_eq!(sock.as_deref(), Some("s"));
        let escaped = passfile_lookup("h\\:x:5432:d:u:esc:aped\n", "h:x", false, "5432", "d", "u");
        assert_eq!(escaped.as_deref(), Some("esc:aped"));
    }

    #[test]
    fn a_url_without_a_port_takes_pgport() {
        assert_eq!(
            with_port("postgres://u@h/db", "5433"),
            "postgres://u@h:5433/db"
        );
        assert_eq!(
            with_port("postgres://u@h:1/db", "5433"),
            "postgres://u@h:1/db"
        );
        assert_eq!(
            with_port("postgresql://[::1],h2:7/db?sslmode=require", "5"),
            "postgresql://[::1]:5,h2:7/db?sslmode=require"
        );
        assert_eq!(with_port("postgres:///db", "5433"), "postgres:///db");
        assert_eq!(
            with_port("postgres://h/db?port=1", "5433"),
            "postgres://h/db?port=1"
        );
        assert_eq!(with_port("host=h dbname=x", "5433"), "host=h dbname=x");
    }

    #[test]
    fn what_the_address_leaves_out_comes_from_the_environment() {
        let env = Environment {
            host: Some("/tmp".into()),
            port: Some("5433".into()),
            user: Some("clerk".into()),
            database: Some("theodoi".into()),
            password: Some("from-env".into()),
            passfile: None,
            connect_timeout: None,
            options: None,
            sslmode: None,
            sslrootcert: None,
        };
        let mut config: Config = "dbname=other".parse().expect("address");
        fill(&mut config, &env);
        assert_eq!(config.get_dbname(), Some("other"));
        assert_eq!(config.get_user(), Some("clerk"));
        assert_eq!(config.get_ports(), &[5433]);
        assert_eq!(config.get_password(), Some(&b"from-env"[..]));
        let mut given: Config = "postgres://me:pw@h:1/db".parse().expect("address");
        fill(&mut given, &env);
        assert_eq!(given.get_user(), Some("me"));
        assert_eq!(given.get_password(), Some(&b"pw"[..]));
        assert_eq!(given.get_ports(), &[1]);
    }
}

//! Where the database is: an SQLite file, or a PostgreSQL server. `--db`
//! and `THEODOI_DB` take either: a `postgres://` (or `postgresql://`) URL, or
//! a libpq key-value string (`host=/run/postgresql dbname=theodoi`), names a
//! PostgreSQL database; anything else is the path of an SQLite file.

use std::path::PathBuf;

/// A database theodoi opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL database, by its address as given (URL or key-value).
    Postgres(String),
}

/// The keys of a libpq key-value connection string.
const LIBPQ_KEYS: &[&str] = &[
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "require_auth",
    "channel_binding",
    "connect_timeout",
    "client_encoding",
    "options",
    "application_name",
    "fallback_application_name",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_count",
    "tcp_user_timeout",
    "replication",
    "gssencmode",
    "sslmode",
    "requiressl",
    "sslnegotiation",
    "sslcompression",
    "sslcert",
    "sslkey",
    "sslpassword",
    "sslcertmode",
    "sslrootcert",
    "sslcrl",
    "sslcrldir",
    "sslsni",
    "requirepeer",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "krbsrvname",
    "gsslib",
    "gssdelegation",
    "service",
    "target_session_attrs",
    "load_balance_hosts",
];

impl Location {
    /// What `--db` or `THEODOI_DB` names.
    pub fn parse(text: &std::ffi::OsStr) -> Location {
        match text.to_str() {
            Some(s) if is_url(s) || key_values(s).is_some() => Location::Postgres(s.to_string()),
            _ => Location::Sqlite(PathBuf::from(text)),
        }
    }

    /// The address as messages show it: a PostgreSQL address without its
    /// password, a file by its path.
    pub fn shown(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(address) => without_password(address),
        }
    }
}

/// `postgres://…` or `postgresql://…`.
fn is_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// The pairs of a libpq key-value string, each key one libpq knows; `None`
/// for any other text. Values may be quoted (`'a b'`), with `\'` and `\\`.
pub fn key_values(s: &str) -> Option<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '_') {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') || !LIBPQ_KEYS.contains(&key.as_str()) {
            return None;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next()? {
                    '\\' => value.push(chars.next()?),
                    '\'' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.push(chars.next()?);
                } else {
                    value.push(c);
                }
            }
        }
        pairs.push((key, value));
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// A PostgreSQL address with its password left out (a URL's `user:secret@`
/// and `password=` parameter; a key-value string's `password=`).
pub fn without_password(address: &str) -> String {
    if is_url(address) {
        let address = address.trim();
        let (scheme, rest) = address.split_once("://").unwrap_or(("postgres", address));
        let (authority, tail) = match rest.find(['/', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let authority = match authority.rsplit_once('@') {
            Some((user_info, hosts)) => {
                let user = user_info.split(':').next().unwrap_or("");
                format!("{user}@{hosts}")
            }
            None => authority.to_string(),
        };
        let tail = match tail.split_once('?') {
            Some((path, query)) => {
                let kept: Vec<&str> = query
                    .split('&')
                    .filter(|p| !p.to_ascii_lowercase().starts_with("password="))
                    .collect();
                if kept.is_empty() {
                    path.to_string()
                } else {
                    format!("{path}?{}", kept.join("&"))
                }
            }
            None => tail.to_string(),
        };
        return format!("{scheme}://{authority}{tail}");
    }
    match key_values(address) {
        Some(pairs) => pairs
            .into_iter()
            .filter(|(k, _)| k != "password")
            .map(|(k, v)| {
                if v.is_empty() || v.contains(|c: char| c.is_whitespace() || c == '\'') {
                    format!("{k}='{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
                } else {
                    format!("{k}={v}")
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
        None => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Location {
        Location::parse(std::ffi::OsStr::new(s))
    }

    #[test]
    fn addresses_and_paths() {
        for pg in [
            "postgres://u@localhost/db",
            "postgresql://localhost",
            "POSTGRES://h/db",
            "host=/tmp dbname=x user=y",
            "dbname=theodoi",
            "host = localhost  port=5433",
            "host=localhost application_name='the odoi'",
        ] {
            assert_eq!(parse(pg), Location::Postgres(pg.to_string()), "{pg}");
        }
        for file in [
            "theodoi.db",
            "/home/a/theodoi.db",
            "C:\\Users\\a\\theodoi.db",
            "a=b",
            "dbname",
            "host=x nonsense",
            "postgres:/x",
            "",
            "thư mục/x=1.db",
        ] {
            assert_eq!(parse(file), Location::Sqlite(PathBuf::from(file)), "{file}");
        }
    }

    #[test]
    fn the_password_is_never_shown() {
        assert_eq!(
            without_password("postgres://u:secret@h:5432/db?sslmode=disable&password=x"),
            "postgres://u@h:5432/db?sslmode=disable"
        );
        assert_eq!(
            without_password("postgresql://u:s@h/db?password=x"),
            "postgresql://u@h/db"
        );
        assert_eq!(without_password("postgres://h/db"), "postgres://h/db");
        assert_eq!(
            without_password("host=/tmp password='a b' dbname=x"),
            "host=/tmp dbname=x"
        );
        assert_eq!(
            Location::Sqlite(PathBuf::from("a.db")).shown(),
            "a.db".to_string()
        );
    }
}

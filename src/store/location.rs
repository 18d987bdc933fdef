//! Where the database is: an SQLite file, or a PostgreSQL server. `--db`
//! and `THEODOI_DB` take either: a `postgres://` (or `postgresql://`) URL, or
//! a libpq key-value string (`host=/run/postgresql dbname=theodoi`), names a
//! PostgreSQL database; anything else is the path of an SQLite file.

use std::path::PathBuf;

use crate::domain::Error;

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
    /// What `--db` or `THEODOI_DB` names. Text that means a server but
    /// is not an address theodoi can use (`postgres:/…`, `pg://…`, an unknown
    /// or misspelt key, an unclosed quote) is refused: taken for a file, it
    /// would make a database nobody else sees, named with its password.
    pub fn parse(text: &std::ffi::OsStr) -> Result<Location, Error> {
        let Some(s) = text.to_str() else {
            return Ok(Location::Sqlite(PathBuf::from(text)));
        };
        if is_url(s) {
            // The scheme in lower case, as the client reads it.
            let s = s.trim();
            let (scheme, rest) = s.split_once("://").unwrap_or((s, ""));
            return Ok(Location::Postgres(format!(
                "{}://{rest}",
                scheme.to_ascii_lowercase()
            )));
        }
        if key_values(s).is_some() {
            return Ok(Location::Postgres(s.to_string()));
        }
        if means_a_server(s) {
            return Err(Error::BadAddress(redacted(s)));
        }
        Ok(Location::Sqlite(PathBuf::from(text)))
    }

    /// The database as messages name it: a file by its path, a PostgreSQL
    /// database by its server and name only (`label`).
    pub fn shown(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(address) => label(address),
        }
    }

    /// The database as a command a message suggests names it (`--db`): a
    /// file by its path, a PostgreSQL address whole but for its password.
    pub fn typed(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(address) => without_password(address),
        }
    }
}

/// A PostgreSQL database as messages name it: `HOST[:PORT]/DBNAME` (the
/// first host; the port when given), or the database's name alone when
/// the address names no host (libpq's `PGHOST` then). Never the password,
/// the user or the other settings, which make a line too long to read.
pub fn label(address: &str) -> String {
    let (mut host, mut port, mut db) = (None, None, None);
    if is_url(address) {
        let rest = address.trim().split_once("://").map_or("", |(_, r)| r);
        let (authority, tail) = match rest.find(['/', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let hosts = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let first = hosts.split(',').next().unwrap_or_default();
        let (h, p) = match first.rfind(':') {
            Some(i) if !first[i..].contains(']') => (&first[..i], Some(&first[i + 1..])),
            _ => (first, None),
        };
        host = Some(h.to_string()).filter(|h| !h.is_empty());
        port = p.map(str::to_string).filter(|p| !p.is_empty());
        let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
        db = Some(path.trim_start_matches('/').to_string()).filter(|d| !d.is_empty());
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("host", v)) if host.is_none() => {
                    host = Some(v.replace("%2F", "/").replace("%2f", "/"));
                }
                Some(("port", v)) if port.is_none() => port = Some(v.to_string()),
                Some(("dbname", v)) if db.is_none() => db = Some(v.to_string()),
                _ => {}
            }
        }
        host = host.map(|h| h.replace("%2F", "/").replace("%2f", "/"));
    } else if let Some(pairs) = key_values(address) {
        for (key, value) in pairs {
            match key.as_str() {
                "host" => host = value.split(',').next().map(str::to_string),
                "hostaddr" if host.is_none() => {
                    host = value.split(',').next().map(str::to_string);
                }
                "port" => port = value.split(',').next().map(str::to_string),
                "dbname" => db = Some(value),
                _ => {}
            }
        }
    }
    let port = port.map(|p| format!(":{p}")).unwrap_or_default();
    match (host.filter(|h| !h.is_empty()), db) {
        (Some(host), Some(db)) => format!("{host}{port}/{db}"),
        (Some(host), None) => format!("{host}{port}"),
        (None, Some(db)) => db,
        (None, None) => without_password(address),
    }
}

/// Whether text that is no usable address was meant as one: a URL of any
/// scheme, a word starting like `postgres` or `pg` with a colon, or
/// `key=value` words where a libpq key is written.
fn means_a_server(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    // `postgres…:` or `pg:` at the start. Every command reads its `--db`
    // here: plain comparisons, no pattern to build first.
    let scheme = lower.split_once(':').is_some_and(|(head, _)| {
        head == "pg"
            || head
                .strip_prefix("postgres")
                .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_lowercase()))
    });
    if lower.contains("://") || scheme {
        return true;
    }
    // A word of letters and `_` at the start or after a space, then `=`
    // (spaces between allowed), that libpq knows as a key.
    let mut after_space = true;
    for (at, c) in s.char_indices() {
        if after_space && (c.is_ascii_alphabetic() || c == '_') {
            let word_end = s[at..]
                .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
                .map_or(s.len(), |n| at + n);
            let key = s[at..word_end].to_ascii_lowercase();
            if s[word_end..].trim_start().starts_with('=') && LIBPQ_KEYS.contains(&key.as_str()) {
                return true;
            }
        }
        after_space = c.is_whitespace();
    }
    false
}

/// Text shown in a message with anything like a password left out.
fn redacted(s: &str) -> String {
    let keyed = regex::Regex::new(r"(?i)(password\s*=\s*)('[^']*'?|\S+)").expect("pattern");
    let s = keyed.replace_all(s, "${1}…");
    let url = regex::Regex::new(r"(//[^:/@\s]*):[^@/\s]*@").expect("pattern");
    url.replace_all(&s, "${1}:…@").into_owned()
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
        Location::parse(std::ffi::OsStr::new(s)).expect("an address or a path")
    }

    #[test]
    fn a_server_is_told_as_the_patterns_tell_it() {
        let scheme = regex::Regex::new(r"^(postgres[a-z]*|pg):").expect("pattern");
        let keyed = regex::Regex::new(r"(?:^|\s)([A-Za-z_]+)\s*=").expect("pattern");
        let by_patterns = |s: &str| {
            let lower = s.trim_start().to_ascii_lowercase();
            lower.contains("://")
                || scheme.is_match(&lower)
                || keyed
                    .captures_iter(s)
                    .any(|c| LIBPQ_KEYS.contains(&c[1].to_ascii_lowercase().as_str()))
        };
        for s in [
            "theodoi.db",
            "C:\\Users\\clerk\\theodoi.db",
            "D:theodoi.db",
            "pg:td",
            "PG:td",
            "postgres:td",
            "postgresql:td",
            "postgres1:td",
            "  Postgres:td",
            "post:td",
            "a=b.db",
            "host=h",
            " host = h",
            "x host\t=h",
            "xhost=h",
            "host1=h",
            "HOST=h",
            "dbname =td",
            "so host=h",
            "ấy host=h",
            "ấyhost=h",
            "user_x=1",
            "=host",
            "",
            "sslmode=require",
            "báo cáo=2024.db",
        ] {
            assert_eq!(means_a_server(s), by_patterns(s), "{s:?}");
        }
    }

    #[test]
    fn what_means_a_server_but_is_no_address_is_refused_without_its_password() {
        for bad in [
            "postgres:/clerk@127.0.0.1:5432/td",
            "postgress://clerk@h/td",
            "pg://clerk@h/td",
            "http://h/td",
            "dbname=td usr=clerk",
            "host=h user=clerk password=LEAK7 bogus=1",
            "host=h PASSWORD=LEAK7",
            "host=h dbname='td",
            "host=x nonsense",
            "postgres:/x",
        ] {
            match Location::parse(std::ffi::OsStr::new(bad)) {
                Err(Error::BadAddress(shown)) => {
                    assert!(!shown.contains("LEAK7"), "{shown}");
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
        let shown = match Location::parse(std::ffi::OsStr::new("postgress://u:LEAK7@h/td")) {
            Err(Error::BadAddress(shown)) => shown,
            other => panic!("{other:?}"),
        };
        assert!(
            !shown.contains("LEAK7") && shown.contains("u:…@h"),
            "{shown}"
        );
        // Files keep their names, even ones that start like a server's.
        for file in [
            "postgres-backup.db",
            "pg.db",
            "theodoi.db",
            "ban=to-chuc.db",
            "C:\\Users\\x\\theodoi.db",
        ] {
            assert_eq!(parse(file), Location::Sqlite(PathBuf::from(file)), "{file}");
        }
        // A scheme in capitals is read in lower case.
        assert_eq!(
            parse(" POSTGRES://u@h/td"),
            Location::Postgres("postgres://u@h/td".into())
        );
    }

    #[test]
    fn addresses_and_paths() {
        for pg in [
            "postgres://u@localhost/db",
            "postgresql://localhost",
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
            "",
            "thư mục/x=1.db",
        ] {
            assert_eq!(parse(file), Location::Sqlite(PathBuf::from(file)), "{file}");
        }
    }

    #[test]
    fn a_server_database_is_named_by_its_host_and_name() {
        for (address, shown) in [
            (
                "postgres://u:secret@may-chu.local:5433/theodoi?sslmode=require",
                "may-chu.local:5433/theodoi",
            ),
            (
                "postgresql://u@/td?host=/var/run/postgresql&port=5432",
                "/var/run/postgresql:5432/td",
            ),
            ("postgresql://u@%2Ftmp%2Fsock/td", "/tmp/sock/td"),
            ("postgres://[::1]:5432/td", "[::1]:5432/td"),
            ("postgres:///td", "td"),
            (
                "host=db1,db2 port=5432 dbname=td user=u password=secret",
                "db1:5432/td",
            ),
            ("dbname=td", "td"),
            ("host=h", "h"),
            ("user=u password=secret", "user=u"),
        ] {
            assert_eq!(label(address), shown, "{address}");
            assert_eq!(
                Location::Postgres(address.to_string()).shown(),
                shown,
                "{address}"
            );
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

//! TLS to the server, as libpq asks for it: `sslmode` (`disable`, `allow`,
//! `prefer` — the default —, `require`, `verify-ca`, `verify-full`) and
//! `sslrootcert`, from the address or `PGSSLMODE`/`PGSSLROOTCERT`. The
//! client crate knows neither `verify-*` nor `sslrootcert`: both are taken
//! out of the address here and done with OpenSSL (the libcrypto SQLCipher
//! is linked with). As libpq: no TLS over a Unix socket; a root certificate
//! file (`sslrootcert`, else `~/.postgresql/root.crt`) that is there makes
//! every TLS connection check the server's chain; `verify-full` checks its
//! name too; `verify-*` without a root certificate is refused.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::{X509, X509VerifyResult};
use postgres::config::{Host, SslMode};
use postgres_openssl::MakeTlsConnector;

use crate::domain::error::{CertProblem, TlsProblem};

/// What `sslmode` asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Disable,
    /// `allow` and `prefer`: TLS when the server offers it.
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl Mode {
    fn parse(text: &str) -> Option<Mode> {
        Some(match text {
            "disable" => Mode::Disable,
            "allow" | "prefer" => Mode::Prefer,
            "require" => Mode::Require,
            "verify-ca" => Mode::VerifyCa,
            "verify-full" => Mode::VerifyFull,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Mode::Disable => "disable",
            Mode::Prefer => "prefer",
            Mode::Require => "require",
            Mode::VerifyCa => "verify-ca",
            Mode::VerifyFull => "verify-full",
        }
    }
}

/// The TLS settings an address gives, taken out of it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Given {
    pub mode: Option<String>,
    pub rootcert: Option<String>,
}

/// The address without `sslmode` and `sslrootcert`, and their values.
pub(super) fn split(address: &str) -> (String, Given) {
    let mut given = Given::default();
    let lower = address.trim_start().to_ascii_lowercase();
    if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
        let Some((head, query)) = address.split_once('?') else {
            return (address.to_string(), given);
        };
        let mut kept = Vec::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => given.mode = Some(percent_decoded(value)),
                "sslrootcert" => given.rootcert = Some(percent_decoded(value)),
                _ => kept.push(pair),
            }
        }
        let rest = match kept.is_empty() {
            true => head.to_string(),
            false => format!("{head}?{}", kept.join("&")),
        };
        return (rest, given);
    }
    let Some(pairs) = super::super::location::key_values(address) else {
        return (address.to_string(), given);
    };
    let mut kept = Vec::new();
    for (key, value) in pairs {
        match key.as_str() {
            "sslmode" => given.mode = Some(value),
            "sslrootcert" => given.rootcert = Some(value),
            _ => kept.push(format!(
                "{key}='{}'",
                value.replace('\\', "\\\\").replace('\'', "\\'")
            )),
        }
    }
    (kept.join(" "), given)
}

/// `%XX` escapes undone (a URL's query value).
fn percent_decoded(text: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How to connect: without TLS, or with this connector; and what its
/// check of the server's certificate found wrong, once it has run.
pub(super) enum Plan {
    Plain,
    Tls {
        connector: MakeTlsConnector,
        mode: Mode,
        /// The root certificate file the chain is checked against, if any.
        root: Option<PathBuf>,
        found: Arc<Mutex<Option<X509VerifyResult>>>,
    },
}

/// The plan for `mode` and `rootcert` (the address's, else the
/// environment's) to the hosts of `config`; sets the crate's own mode.
pub(super) fn plan(
    config: &mut postgres::Config,
    mode: Option<&str>,
    rootcert: Option<&str>,
) -> Result<Plan, TlsProblem> {
    let mode = match mode {
        None => Mode::Prefer,
        Some(text) => Mode::parse(text).ok_or_else(|| TlsProblem::BadMode(text.to_string()))?,
    };
    // libpq never uses TLS over a Unix socket, whatever the mode.
    let sockets_only = !config.get_hosts().is_empty()
        && config
            .get_hosts()
            .iter()
            .all(|h| !matches!(h, Host::Tcp(_)));
    if mode == Mode::Disable || sockets_only {
        config.ssl_mode(SslMode::Disable);
        return Ok(Plan::Plain);
    }
    let (root, explicit) = match rootcert.filter(|r| !r.is_empty()) {
        Some(path) => (Some(PathBuf::from(path)), true),
        None => (default_root().filter(|p| p.is_file()), false),
    };
    if explicit
        && let Some(path) = &root
        && !path.is_file()
    {
        return Err(TlsProblem::BadRootCert {
            path: path.display().to_string(),
            detail: None,
        });
    }
    let verify = matches!(mode, Mode::VerifyCa | Mode::VerifyFull);
    if verify && root.is_none() {
        return Err(TlsProblem::NoRootCert {
            mode: mode.name().to_string(),
            path: default_root()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        });
    }
    let found: Arc<Mutex<Option<X509VerifyResult>>> = Arc::default();
    let mut builder = SslConnector::builder(SslMethod::tls_client())
        .map_err(|e| TlsProblem::Other(e.to_string()))?;
    match &root {
        Some(path) => {
            // Only the given roots: not the system's (as libpq).
            let bad = |detail: Option<String>| TlsProblem::BadRootCert {
                path: path.display().to_string(),
                detail,
            };
            let pem = std::fs::read(path).map_err(|e| bad(Some(e.kind().to_string())))?;
            let certs = X509::stack_from_pem(&pem).map_err(|_| bad(None))?;
            if certs.is_empty() {
                return Err(bad(None));
            }
            let mut store = X509StoreBuilder::new().map_err(|e| bad(Some(e.to_string())))?;
            for cert in certs {
                store.add_cert(cert).map_err(|e| bad(Some(e.to_string())))?;
            }
            builder.set_cert_store(store.build());
            let seen = Arc::clone(&found);
            builder.set_verify_callback(SslVerifyMode::PEER, move |ok, ctx| {
                if !ok && let Ok(mut slot) = seen.lock() {
                    slot.get_or_insert(ctx.error());
                }
                ok
            });
        }
        None => builder.set_verify(SslVerifyMode::NONE),
    }
    let mut connector = MakeTlsConnector::new(builder.build());
    if mode != Mode::VerifyFull {
        connector.set_callback(|c, _| {
            c.set_verify_hostname(false);
            Ok(())
        });
    }
    config.ssl_mode(match mode {
        Mode::Prefer => SslMode::Prefer,
        _ => SslMode::Require,
    });
    Ok(Plan::Tls {
        connector,
        mode,
        root,
        found,
    })
}

/// libpq's root certificate file: `~/.postgresql/root.crt`, on Windows
/// `%APPDATA%\postgresql\root.crt`.
pub(super) fn default_root() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("postgresql").join("root.crt"))
    } else {
        directories::BaseDirs::new().map(|d| d.home_dir().join(".postgresql").join("root.crt"))
    }
}

/// What went wrong with TLS in a failed connection, if TLS is what failed:
/// the certificate check's finding, else the crate's words.
pub(super) fn failure(
    mode: Mode,
    root: Option<&Path>,
    found: Option<X509VerifyResult>,
    host: &str,
    error: &postgres::Error,
) -> Option<TlsProblem> {
    if let Some(result) = found {
        // X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH.
        if matches!(result.as_raw(), 62 | 64) {
            return Some(TlsProblem::WrongName {
                host: host.to_string(),
            });
        }
        let why = match result.as_raw() {
            // Unknown issuer, self-signed, unable to verify the leaf.
            2 | 18 | 19 | 20 | 21 => CertProblem::Issuer,
            9 => CertProblem::NotYetValid,
            10 => CertProblem::Expired,
            _ => CertProblem::Other(result.error_string().to_string()),
        };
        return Some(TlsProblem::Untrusted {
            root: root.map(|p| p.display().to_string()).unwrap_or_default(),
            why,
        });
    }
    // What the server said is no TLS failure (its words may name SSL).
    if error.as_db_error().is_some() {
        return None;
    }
    let text = super::reason_chain(error);
    if text.contains("server does not support TLS") {
        return Some(TlsProblem::NotOffered {
            mode: mode.name().to_string(),
        });
    }
    if text.contains("TLS") || text.contains("SSL") || text.contains("ssl") {
        return Some(TlsProblem::Other(text));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssl_settings_are_taken_out_of_either_form() {
        let (rest, given) = split(
            "postgres://u@h:5432/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&connect_timeout=3",
        );
        assert_eq!(rest, "postgres://u@h:5432/db?connect_timeout=3");
        assert_eq!(given.mode.as_deref(), Some("verify-full"));
        assert_eq!(given.rootcert.as_deref(), Some("/etc/ca.pem"));
        let (rest, given) = split("postgresql://h/db?sslmode=require");
        assert_eq!(rest, "postgresql://h/db");
        assert_eq!(given.mode.as_deref(), Some("require"));
        let (rest, given) =
            split("host=h dbname='a b' sslmode=verify-ca sslrootcert='C:\\\\ca dir\\\\ca.pem'");
        assert_eq!(rest, "host='h' dbname='a b'");
        assert_eq!(given.mode.as_deref(), Some("verify-ca"));
        assert_eq!(given.rootcert.as_deref(), Some("C:\\ca dir\\ca.pem"));
        let parsed: postgres::Config = rest.parse().expect("address");
        assert_eq!(parsed.get_dbname(), Some("a b"));
    }

    #[test]
    fn modes_are_libpqs() {
        let mut config: postgres::Config = "host=db.example dbname=x".parse().expect("address");
        assert!(matches!(
            plan(&mut config, Some("verify-all"), None),
            Err(TlsProblem::BadMode(_))
        ));
        assert!(matches!(
            plan(&mut config, Some("disable"), None),
            Ok(Plan::Plain)
        ));
        assert_eq!(config.get_ssl_mode(), SslMode::Disable);
        assert!(matches!(
            plan(&mut config, Some("require"), None),
            Ok(Plan::Tls { .. })
        ));
        assert_eq!(config.get_ssl_mode(), SslMode::Require);
        assert!(matches!(
            plan(
                &mut config,
                Some("verify-full"),
                Some("/nonexistent/ca.pem")
            ),
            Err(TlsProblem::BadRootCert { .. })
        ));
        // Over a Unix socket, no TLS (as libpq).
        let mut socket: postgres::Config = "host=/tmp dbname=x".parse().expect("address");
        assert!(matches!(
            plan(&mut socket, Some("verify-full"), None),
            Ok(Plan::Plain)
        ));
    }
}

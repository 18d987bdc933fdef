//! Offices: logins of the committees below, each writing only for the units
//! of its subtree (today's tree), and read-only logins. The server enforces
//! it (grants, and the row-level policies of `migrations/postgres/0010_offices.sql`);
//! the store checks first, so that a refused write is said in words naming
//! the unit and the office, before anything is written.
//!
//! Offices are the server's administration, not records of the committee:
//! adding or removing one grants or revokes rights, which the change log
//! cannot undo; it is not a change of the log, and export does not carry it.

use postgres::{GenericClient, Transaction};
use serde_json::Value;

use super::{PgDb, PostgresStore, now_stamp};
use crate::domain::error::{Error, Result};

/// An office as `office list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub name: String,
    pub login: String,
    /// The unit whose subtree the office writes for: (code, name); `None`
    /// for a read-only login.
    pub unit: Option<(String, String)>,
    /// When it was added, RFC 3339 in UTC.
    pub created_at: String,
}

/// What `office add` did besides recording the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeAdded {
    /// The login did not exist and was made now (without a password).
    pub login_made: bool,
}

/// The office of the login of a write session: what the store checks its
/// writes against.
#[derive(Debug, Clone)]
pub(super) struct Scope {
    name: String,
    /// The unit its subtree starts at.
    unit_name: String,
}

/// The tables an office writes (for the units of its subtree); every other
/// table is the committee's own clerk's.
const OFFICE_TABLES: &[&str] = &["obligation", "person"];

/// The office of the session's login, if it is one. A read-only login is
/// refused here, before the write begins.
pub(super) fn session_scope(tx: &mut Transaction<'_>) -> Result<Option<Scope>> {
    let Some(row) = tx.query_opt(
        "SELECT o.name, o.login, u.name FROM office o LEFT JOIN unit u ON u.id = o.unit_id
         WHERE o.login = current_user",
        &[],
    )?
    else {
        return Ok(None);
    };
    let name: String = row.try_get(0)?;
    match row.try_get::<_, Option<String>>(2)? {
        Some(unit_name) => Ok(Some(Scope { name, unit_name })),
        None => Err(Error::OfficeReadOnly {
            office: name,
            login: row.try_get(1)?,
        }),
    }
}

impl PgDb<'_> {
    /// Refuses, before it is made, a write of an office to a row of `table`
    /// of unit `unit_id` outside its subtree, or to a table that is not an
    /// office's. Nothing for the committee's own clerk.
    pub(super) fn office_may(&self, table: &str, unit_id: Option<i64>) -> Result<()> {
        let Some(scope) = &self.office else {
            return Ok(());
        };
        let not_allowed = || Error::OfficeNotAllowed {
            office: scope.name.clone(),
            scope: scope.unit_name.clone(),
        };
        if !OFFICE_TABLES.contains(&table) {
            return Err(not_allowed());
        }
        let Some(unit_id) = unit_id else {
            return Err(not_allowed());
        };
        let row = self.one(
            "SELECT office_may_write($1), (SELECT name FROM unit WHERE id = $1)",
            &[&unit_id],
        )?;
        if row.try_get(0)? {
            return Ok(());
        }
        Err(Error::OfficeOutside {
            office: scope.name.clone(),
            unit: row.try_get::<_, Option<String>>(1)?.unwrap_or_default(),
            scope: scope.unit_name.clone(),
        })
    }

    /// Refuses an office's undo of a change another login made (the log
    /// of that change is not the office's to mark as undone).
    pub(super) fn office_may_undo(&self, change: i64) -> Result<()> {
        let Some(scope) = &self.office else {
            return Ok(());
        };
        if self
            .one("SELECT change_is_mine($1)", &[&change])?
            .try_get(0)?
        {
            return Ok(());
        }
        Err(Error::OfficeUndoOthers {
            office: scope.name.clone(),
            id: change,
        })
    }

    /// Refuses the owner's undo of a change an office's login made when a
    /// row of it is not one that office may write (a table not an office's,
    /// a unit outside its subtree): what an office logged is put back only
    /// where it could have written it itself.
    pub(super) fn undo_within_office(
        &self,
        change: i64,
        rows: &[super::history::LoggedRow],
    ) -> Result<()> {
        if self.office.is_some() {
            return Ok(());
        }
        // The login of the change, unless it is the owner's (or a
        // superuser's, bound by nothing either); its office,
        // if it still has one (else its login names it, and only the tables
        // an office writes are checked).
        let Some(office) = self.opt(
            "SELECT l.login, coalesce(o.name, l.login), coalesce(u.name, ''), o.login IS NOT NULL
             FROM change_login l
             LEFT JOIN office o ON o.login = l.login LEFT JOIN unit u ON u.id = o.unit_id
             WHERE l.change_id = $1
               AND l.login <> (SELECT pg_get_userbyid(c.relowner)::TEXT FROM pg_class c
                               WHERE c.oid = 'change'::regclass)
               AND NOT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = l.login),
                                false)",
            &[&change],
        )?
        else {
            return Ok(());
        };
        let login: String = office.try_get(0)?;
        let still_office: bool = office.try_get(3)?;
        let outside = || -> Result<Error> {
            Ok(Error::UndoOutsideOffice {
                id: change,
                office: office.try_get(1)?,
                scope: office.try_get(2)?,
            })
        };
        for (table, first, last, before, after) in rows {
            let Some(table) = OFFICE_TABLES.iter().find(|t| **t == table.as_str()) else {
                return Err(outside()?);
            };
            if !still_office {
                continue;
            }
            for logged in [before, after].into_iter().flatten() {
                let row: Value = serde_json::from_str(logged)?;
                let unit = row.get("unit_id").and_then(Value::as_i64);
                if !self
                    .one("SELECT login_may_write($1, $2)", &[&login, &unit])?
                    .try_get::<_, bool>(0)?
                {
                    return Err(outside()?);
                }
            }
            let stray: i64 = self
                .one(
                    &format!(
                        "SELECT count(*) FROM {table}
                         WHERE id BETWEEN $1 AND $2 AND NOT login_may_write($3, unit_id)"
                    ),
                    &[first, last, &login],
                )?
                .try_get(0)?;
            if stray > 0 {
                return Err(outside()?);
            }
        }
        Ok(())
    }

    /// What an office is refused by the server, said as its own: `None`
    /// for the committee's own clerk.
    pub(super) fn office_refused(&self) -> Option<Error> {
        self.office.as_ref().map(|scope| Error::OfficeNotAllowed {
            office: scope.name.clone(),
            scope: scope.unit_name.clone(),
        })
    }

    /// `office_may` for a row as the log keeps it (JSON with `unit_id`).
    pub(super) fn office_may_row(&self, table: &str, row: Option<&Value>) -> Result<()> {
        if self.office.is_none() {
            return Ok(());
        }
        let unit_id = row.and_then(|r| r.get("unit_id")).and_then(Value::as_i64);
        self.office_may(table, unit_id)
    }
}

/// A login name theodoi takes: a plain PostgreSQL role name (lower-case
/// ASCII letters, digits, `_`, starting with a letter or `_`, at most 63).
fn plain_login(login: &str) -> bool {
    let mut chars = login.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && login.len() <= 63
}

/// The rights of an office's login on the database's tables: SELECT on
/// every table; a writing office also UPDATE of the results of obligations
/// (completion, extension, rating: never a new obligation, nor one taken
/// away, which only the committee's clerk assigns), INSERT, UPDATE, DELETE
/// on people (all bounded by the policies to its subtree), the functions
/// that open and name changes, take the write lock and number new rows, and
/// the use of the people's sequence (never setting one). The rows it writes
/// are logged by the server (`migrations/postgres/0012_office_writes_logged.sql`).
fn grant(c: &mut impl GenericClient, login: &str, writes: bool) -> Result<()> {
    let schema: String = c.query_one("SELECT current_schema()::TEXT", &[])?.get(0);
    let schema = quoted(&schema);
    let login = quoted(login);
    let mut sql = format!(
        "GRANT USAGE ON SCHEMA {schema} TO {login};
         GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {login};"
    );
    if writes {
        let person_ids: String = c
            .query_one("SELECT pg_get_serial_sequence('person', 'id')", &[])?
            .get(0);
        sql.push_str(&format!(
            "GRANT UPDATE ({OBLIGATION_RESULTS}) ON obligation TO {login};
             GRANT INSERT ({PERSON_COLUMNS}), UPDATE ({PERSON_COLUMNS}), DELETE ON person TO {login};
             GRANT EXECUTE ON FUNCTION {LOG_FUNCTIONS} TO {login};
             GRANT USAGE ON SEQUENCE {person_ids} TO {login};"
        ));
    }
    c.batch_execute(&sql)?;
    Ok(())
}

/// Takes back every right `grant` gave.
fn revoke(c: &mut impl GenericClient, login: &str) -> Result<()> {
    let schema: String = c.query_one("SELECT current_schema()::TEXT", &[])?.get(0);
    let schema = quoted(&schema);
    let login = quoted(login);
    c.batch_execute(&format!(
        "REVOKE EXECUTE ON FUNCTION {LOG_FUNCTIONS} FROM {login};
         REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {login};
         REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {login};
         REVOKE USAGE ON SCHEMA {schema} FROM {login};"
    ))?;
    Ok(())
}

/// The columns of an obligation an office updates: its completion, its
/// extension, its rating.
const OBLIGATION_RESULTS: &str = "due_on, original_due_on, extension_reason, completed_on, \
     evidence, note, recorded_by, recorded_at, rating, not_rated_reason, forced";

/// The columns of a person an office writes: all but its id, which the
/// database gives.
const PERSON_COLUMNS: &str = "code, name, name_fold, name_key, position, position_fold, unit_id, \
     from_on, to_on, created_at";

/// The functions through which a login writes the change log and numbers
/// new rows (`migrations/postgres/0010_offices.sql`).
const LOG_FUNCTIONS: &str = "begin_change(TEXT, TEXT, TEXT), \
     log_change_row(BIGINT, BIGINT, TEXT, BIGINT, BIGINT, TEXT, TEXT), \
     note_change(BIGINT, TEXT, BIGINT, BIGINT), name_change(BIGINT, TEXT), \
     mark_undone(BIGINT, BIGINT), reset_ids(), write_lock()";

/// A name as an SQL identifier.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The rights of every office again (after a schema step added a table).
pub(super) fn grant_all(tx: &mut Transaction<'_>) -> Result<()> {
    let exists: bool = tx
        .query_one("SELECT to_regclass('office') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(());
    }
    let offices: Vec<(String, bool)> = tx
        .query(
            "SELECT login, unit_id IS NOT NULL FROM office ORDER BY id",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for (login, writes) in offices {
        grant(tx, &login, writes)?;
    }
    Ok(())
}

impl PostgresStore {
    /// Every office, by name.
    pub fn offices(&self) -> Result<Vec<Office>> {
        let rows = self.client.borrow_mut().query(
            "SELECT o.name, o.login, u.code, u.name, o.created_at FROM office o
             LEFT JOIN unit u ON u.id = o.unit_id ORDER BY lower(o.name), o.id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                let code: Option<String> = r.try_get(2)?;
                let unit_name: Option<String> = r.try_get(3)?;
                Ok(Office {
                    name: r.try_get(0)?,
                    login: r.try_get(1)?,
                    unit: code.zip(unit_name),
                    created_at: r.try_get(4)?,
                })
            })
            .collect()
    }

    /// Refuses a login that does not own the tables (nor is a superuser).
    fn administers(tx: &mut Transaction<'_>) -> Result<()> {
        let row = tx.query_one(
            "SELECT pg_get_userbyid(c.relowner)::TEXT, current_user::TEXT,
                    (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
             FROM pg_class c WHERE c.oid = 'office'::regclass",
            &[],
        )?;
        let (owner, login, superuser): (String, String, bool) =
            (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        if owner != login && !superuser {
            return Err(Error::OfficeNotOwner { login, owner });
        }
        Ok(())
    }

    /// Adds an office: login `login` writes for the subtree of unit
    /// `unit_id`, or (`None`) reads only. The login is made (without a
    /// password, which the server's administrator sets) when it does not
    /// exist; it is granted its rights on this database.
    pub fn add_office(
        &mut self,
        name: &str,
        login: &str,
        unit_id: Option<i64>,
    ) -> Result<OfficeAdded> {
        if !plain_login(login) {
            return Err(Error::OfficeBadLogin(login.to_string()));
        }
        let mut tx = self.client.get_mut().transaction()?;
        PostgresStore::administers(&mut tx)?;
        tx.execute("SELECT write_lock()", &[])?;
        let owner: String = tx
            .query_one(
                "SELECT pg_get_userbyid(relowner)::TEXT FROM pg_class WHERE oid = 'office'::regclass",
                &[],
            )?
            .get(0);
        if owner == login {
            return Err(Error::OfficeOwnerLogin(login.to_string()));
        }
        // Which is taken, the name or the login, and by which office.
        let taken = tx.query_opt(
            "SELECT name, login, login = $2 FROM office WHERE lower(name) = lower($1) OR login = $2
             ORDER BY login = $2 DESC LIMIT 1",
            &[&name, &login],
        )?;
        if let Some(taken) = taken {
            let (other, other_login, by_login): (String, String, bool) =
                (taken.try_get(0)?, taken.try_get(1)?, taken.try_get(2)?);
            return Err(if by_login {
                Error::OfficeLoginTaken {
                    login: other_login,
                    office: other,
                }
            } else {
                Error::OfficeTaken {
                    name: other,
                    login: other_login,
                }
            });
        }
        // A login the server's policies do not bind would be an office in
        // name only (and `office remove` could not take its rights back).
        let found = tx.query_opt(
            "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(r.oid, (SELECT oid FROM pg_roles WHERE rolname = $2), 'USAGE')
             FROM pg_roles r WHERE r.rolname = $1",
            &[&login, &owner],
        )?;
        let exists = match found {
            Some(row) if row.try_get::<_, bool>(0)? => {
                return Err(Error::OfficeUnboundLogin(login.to_string()));
            }
            Some(_) => true,
            None => false,
        };
        if !exists {
            let row = tx.query_one(
                "SELECT rolsuper OR rolcreaterole, current_user::TEXT FROM pg_roles
                 WHERE rolname = current_user",
                &[],
            )?;
            if !row.try_get::<_, bool>(0)? {
                return Err(Error::OfficeLoginMissing {
                    login: login.to_string(),
                    owner: row.try_get(1)?,
                });
            }
            tx.batch_execute(&format!("CREATE ROLE {} LOGIN", quoted(login)))?;
        }
        tx.execute(
            "INSERT INTO office (name, login, unit_id, created_at) VALUES ($1, $2, $3, $4)",
            &[&name, &login, &unit_id, &now_stamp()],
        )?;
        grant(&mut tx, login, unit_id.is_some())?;
        tx.commit()?;
        Ok(OfficeAdded {
            login_made: !exists,
        })
    }

    /// Removes the office of that name or login, and takes back its login's
    /// rights on this database (the login itself stays on the server).
    pub fn remove_office(&mut self, reference: &str) -> Result<Office> {
        let found = self
            .offices()?
            .into_iter()
            .find(|o| o.name.to_lowercase() == reference.to_lowercase() || o.login == reference)
            .ok_or_else(|| Error::OfficeNotFound(reference.to_string()))?;
        let mut tx = self.client.get_mut().transaction()?;
        PostgresStore::administers(&mut tx)?;
        tx.execute("SELECT write_lock()", &[])?;
        tx.execute("DELETE FROM office WHERE login = $1", &[&found.login])?;
        revoke(&mut tx, &found.login)?;
        tx.commit()?;
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_role_names_are_logins() {
        for good in ["xa_a", "_x", "dang_uy_phuong_le_loi2"] {
            assert!(plain_login(good), "{good}");
        }
        for bad in ["", "Xa", "1a", "a-b", "a b", "x\"y", "lê", &"a".repeat(64)] {
            assert!(!plain_login(bad), "{bad}");
        }
    }
}

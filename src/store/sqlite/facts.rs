//! Every obligation of a large file counted on two cores: the file is opened
//! a second time, both connections read one snapshot, and each reads half of
//! the obligations by id while the caller counts the batches of both.

use std::path::Path;
use std::sync::mpsc;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, named_params};

use super::SqliteDb;
use super::history::Internal;
use super::reports::{EXISTS_ON, fact_columns, read_facts};
use crate::domain::UnitKind;
use crate::domain::error::{Error, Result};
use crate::files;
use crate::store::{Fact, IdMap};

/// From this many obligations on (by the span of their ids), a second
/// connection pays for itself: opening it costs about a millisecond, half
/// of the reading of a million obligations about a quarter of a second.
const TWO_CORES_FROM: i64 = 200_000;

/// Batches on their way from the second reader to the caller: enough to keep
/// it reading while the caller counts, few enough to hold little memory.
const IN_FLIGHT: usize = 8;

/// Hands every obligation on `as_of` to `each` (in no particular order),
/// read on two cores; `false` when it cannot be done so (a small,
/// encrypted or in-memory file, a write in progress, a second connection
/// that cannot open, or a write committed while the two were starting) and
/// nothing was handed over.
pub(super) fn on_two_cores(
    db: &SqliteDb<'_>,
    as_of: NaiveDate,
    kinds: &IdMap<UnitKind>,
    each: &mut dyn FnMut(&[Fact]),
) -> Result<bool> {
    on_two_cores_from(db, as_of, kinds, each, TWO_CORES_FROM)
}

/// `on_two_cores`, from `from` obligations on.
fn on_two_cores_from(
    db: &SqliteDb<'_>,
    as_of: NaiveDate,
    kinds: &IdMap<UnitKind>,
    each: &mut dyn FnMut(&[Fact]),
    from: i64,
) -> Result<bool> {
    let Some(file) = db.file else {
        return Ok(false);
    };
    if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        return Ok(false);
    }
    let conn: &Connection = &db.conn;
    // A store's reader is in a read transaction; one that is not (a test's)
    // is put in one while the two read.
    let _own = Own::begin(conn)?;
    let seen = State::of(conn)?;
    let (Some(first), Some(last)) = (seen.first, seen.last) else {
        return Ok(false);
    };
    if last.saturating_sub(first) < from {
        return Ok(false);
    }
    // Whatever keeps the second connection from reading (it cannot open,
    // too many files are open, the file was replaced or written since the
    // first began) leaves the counting to the first alone.
    let path = Path::new(file.path);
    let here = || files::identity(path);
    if here() != file.opened {
        return Ok(false);
    }
    let Ok(second) = super::reader(path, None) else {
        return Ok(false);
    };
    if !second.is_autocommit() || second.execute_batch("BEGIN").is_err() {
        return Ok(false);
    }
    let sql = format!(
        "SELECT {} FROM obligation o WHERE o.id BETWEEN :from AND :to AND {EXISTS_ON}",
        fact_columns()
    );
    // The path still names the file the store opened once the second has
    // begun reading, and was that file before: the second met the same one.
    let ready = State::of(&second).is_ok_and(|theirs| theirs == seen)
        && here() == file.opened
        && second.prepare_cached(&sql).is_ok();
    if !ready {
        return Ok(false);
    }
    // The caller's side also counts both halves' batches: it reads a little
    // less than half.
    let middle = first + (last - first) * 9 / 20;
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::sync_channel::<Vec<Fact>>(IN_FLIGHT);
        let sql = sql.as_str();
        let theirs = scope.spawn(move || -> Result<()> {
            let mut stmt = second.prepare_cached(sql)?;
            let mut rows =
                stmt.query(named_params! {":as_of": as_of, ":from": middle + 1, ":to": last})?;
            read_facts(&mut rows, kinds, |batch| {
                sender.send(std::mem::take(batch)).is_ok()
            })
        });
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows =
            stmt.query(named_params! {":as_of": as_of, ":from": first, ":to": middle})?;
        let mine = read_facts(&mut rows, kinds, |batch| {
            each(batch);
            batch.clear();
            while let Ok(theirs) = receiver.try_recv() {
                each(&theirs);
            }
            true
        });
        drop(rows);
        if mine.is_ok() {
            for batch in receiver.iter() {
                each(&batch);
            }
        } else {
            // The other side stops at its next batch.
            drop(receiver);
        }
        let theirs = theirs
            .join()
            .unwrap_or_else(|_| Err(Error::storage(Internal("the second reader stopped"))));
        mine.and(theirs)
    })?;
    Ok(true)
}

/// What the two connections must agree on to be reading one state of
/// one file: every write of theodoi records a change in its transaction (a
/// migration changes the schema's version), and the obligations' span of
/// ids is what the two divide. The last change is compared whole: two
/// copies of one file, each changed once since, mostly differ in it; which
/// file each connection met is checked apart (`files::identity`).
#[derive(Debug, PartialEq)]
struct State {
    schema: i64,
    change: Option<Vec<rusqlite::types::Value>>,
    first: Option<i64>,
    last: Option<i64>,
}

impl State {
    fn of(conn: &Connection) -> rusqlite::Result<State> {
        let schema = conn.pragma_query_value(None, "schema_version", |row| row.get(0))?;
        let change = conn
            .prepare_cached("SELECT * FROM change ORDER BY id DESC LIMIT 1")?
            .query_row([], |row| {
                (0..row.as_ref().column_count())
                    .map(|i| row.get::<_, rusqlite::types::Value>(i))
                    .collect()
            })
            .optional()?;
        // Each in a subquery of its own: `min(id), max(id)` together would
        // scan the table.
        conn.prepare_cached(
            "SELECT (SELECT min(id) FROM obligation), (SELECT max(id) FROM obligation)",
        )?
        .query_row([], |row| {
            Ok(State {
                schema,
                change,
                first: row.get(0)?,
                last: row.get(1)?,
            })
        })
    }
}

/// A read transaction begun on a connection that was in none, ended when
/// dropped.
struct Own<'a>(Option<&'a Connection>);

impl<'a> Own<'a> {
    fn begin(conn: &'a Connection) -> rusqlite::Result<Own<'a>> {
        if !conn.is_autocommit() {
            return Ok(Own(None));
        }
        conn.execute_batch("BEGIN")?;
        Ok(Own(Some(conn)))
    }
}

impl Drop for Own<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.0 {
            // A read transaction: ending it cannot fail in a way that matters.
            let _ = conn.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay_in};
    use crate::app::units::{self, NewUnit};
    use crate::domain::Status;
    use crate::store::{CompletionNote, Reports, Scope, SqliteStore, Tasks};

    /// Sơn Tây in a file, with 300 more chi bộ owing the review, a third
    /// done on time, a third late.
    fn big_son_tay(path: &Path) -> Result<SqliteStore> {
        let mut store = SqliteStore::create(path, None)?;
        son_tay_in(&mut store, false)?;
        change(&mut store, |db| {
            let mut joined = Vec::new();
            for i in 0..300 {
                joined.push(units::add(
                    db,
                    &NewUnit {
                        name: &format!("Chi bộ khu phố {i}"),
                        kind: UnitKind::ChiBoTrucThuoc,
                        parent: Some("nq"),
                        code: Some(&format!("kp{i}")),
                        founded: None,
                    },
                )?);
            }
            let ids: Vec<i64> = joined.iter().map(|u| u.id).collect();
            crate::app::assign::join(db, &ids, day("01/12/2023"), true)?;
            let task = db.task_by_code("kd")?.expect("kd");
            for i in 0..300 {
                let unit = db.unit_by_code(&format!("kp{i}"))?.expect("a chi bộ");
                let owed = db.obligation(task.id, unit.id)?.expect("owed");
                let on = match i % 3 {
                    0 => continue,
                    1 => day("05/12/2023"),
                    _ => day("10/12/2023"),
                };
                let note = CompletionNote {
                    recorded_by: "test",
                    ..CompletionNote::default()
                };
                db.complete(owed.id, on, &note)?;
            }
            Ok(())
        })?;
        Ok(store)
    }

    /// The chi bộ `unit` reports its review done `on`.
    fn review_done(db: &dyn crate::store::Db, unit: &str, on: NaiveDate) -> Result<()> {
        let task = db.task_by_code("kd")?.expect("kd");
        let unit = db.unit_by_code(unit)?.expect("a chi bộ");
        let owed = db.obligation(task.id, unit.id)?.expect("owed");
        let note = CompletionNote {
            recorded_by: "test",
            ..CompletionNote::default()
        };
        db.complete(owed.id, on, &note)
    }

    fn db_of(store: &SqliteStore) -> SqliteDb<'_> {
        SqliteDb {
            conn: super::super::Conn::Plain(&store.conn),
            log: None,
            file: store.conn.path().map(|path| super::super::SharedFile {
                path,
                opened: files::identity(Path::new(path)),
            }),
        }
    }

    fn kinds(store: &SqliteStore) -> Result<IdMap<UnitKind>> {
        let mut stmt = store.conn.prepare("SELECT id, kind FROM unit")?;
        let rows = stmt.query_map([], |row| {
            let kind: String = row.get(1)?;
            Ok((row.get(0)?, UnitKind::from_slug(&kind).expect("a kind")))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What a fact says, to compare as a sorted list.
    fn said(facts: &[Fact]) -> impl Iterator<Item = (i64, i64, String)> + '_ {
        facts
            .iter()
            .map(|f| (f.unit_id, f.task_id, format!("{:?} {:?}", f.kind, f.status)))
    }

    /// Read on two cores, the facts are those read on one, each once.
    #[test]
    fn two_cores_read_what_one_does() -> Result<()> {
        let dir = tempfile::tempdir().expect("a folder");
        let store = big_son_tay(&dir.path().join("big.db"))?;
        let db = db_of(&store);
        let on = day("08/12/2023");
        let mut two = Vec::new();
        let done = on_two_cores_from(&db, on, &kinds(&store)?, &mut |f| two.extend(said(f)), 0)?;
        assert!(done, "read on two cores");
        // One task: its scope is everything, read on one core.
        let task = Some(db.task_by_code("kd")?.expect("kd").id);
        let mut one = Vec::new();
        db.for_each_fact(
            &Scope {
                task,
                ..Scope::default()
            },
            on,
            &mut |f| one.extend(said(f)),
        )?;
        assert_eq!(one.len(), 304);
        one.sort();
        two.sort();
        assert_eq!(two, one);
        // A small file is read on one core.
        let mut skipped = 0;
        let read = on_two_cores(&db, on, &kinds(&store)?, &mut |f| skipped += f.len())?;
        assert_eq!((read, skipped), (false, 0));
        Ok(())
    }

    /// A change committed after a reader began: the second connection
    /// would read a later state than the reader's, and the reader counts
    /// alone, what it saw when it began.
    #[test]
    fn a_write_after_the_reader_began_is_seen() -> Result<()> {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("big.db");
        let store = big_son_tay(&path)?;
        let kinds = kinds(&store)?;
        let on = day("08/12/2023");
        let reader = SqliteDb {
            conn: super::super::Conn::Read(super::super::Reading::begin(&store.conn)),
            log: None,
            file: store.conn.path().map(|path| super::super::SharedFile {
                path,
                opened: files::identity(Path::new(path)),
            }),
        };
        let done_by = |db: &SqliteDb<'_>| -> Result<usize> {
            let mut done = 0;
            let task = Some(db.task_by_code("kd")?.expect("kd").id);
            let scope = Scope {
                task,
                ..Scope::default()
            };
            db.for_each_fact(&scope, on, &mut |f| {
                done += f
                    .iter()
                    .filter(|f| matches!(f.status, Status::DoneOnTime | Status::DoneLate))
                    .count();
            })?;
            Ok(done)
        };
        let before = done_by(&reader)?;
        let mut writer = SqliteStore::open(&path, None)?;
        change(&mut writer, |db| review_done(db, "kp0", day("07/12/2023")))?;
        let mut read = 0;
        assert!(!on_two_cores_from(
            &reader,
            on,
            &kinds,
            &mut |f| read += f.len(),
            0
        )?);
        assert_eq!(read, 0);
        assert_eq!(done_by(&reader)?, before, "the reader's moment");
        drop(reader);
        let now = db_of(&store);
        assert_eq!(done_by(&now)?, before + 1);
        assert!(on_two_cores_from(
            &now,
            on,
            &kinds,
            &mut |f| read += f.len(),
            0
        )?);
        assert!(read > 300);
        Ok(())
    }

    /// Two copies of one file, each changed once since: the same last
    /// change id, not the same change.
    fn two_copies(dir: &Path) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
        let (x, y) = (dir.join("x.db"), dir.join("y.db"));
        drop(big_son_tay(&x)?);
        std::fs::copy(&x, &y).expect("a copy");
        for (path, unit) in [(&x, "kp0"), (&y, "kp3")] {
            let mut store = SqliteStore::open(path, None)?;
            change(&mut store, |db| review_done(db, unit, day("07/12/2023")))?;
        }
        Ok((x, y))
    }

    /// A store's reader, as `Storage::read` makes it.
    fn reader_of(store: &SqliteStore) -> SqliteDb<'_> {
        SqliteDb {
            conn: super::super::Conn::Read(super::super::Reading::begin(&store.conn)),
            log: None,
            file: store.conn.path().map(|path| super::super::SharedFile {
                path,
                opened: store.opened,
            }),
        }
    }

    /// A file put in the place of the one a reader opened: the second
    /// connection would read another file, and the reader counts alone,
    /// even when the other is a copy that ends on the same change id.
    /// (Elsewhere than on Unix an open file cannot be replaced.)
    #[cfg(unix)]
    #[test]
    fn a_file_put_in_its_place_is_not_read() -> Result<()> {
        let dir = tempfile::tempdir().expect("a folder");
        let (x, y) = two_copies(dir.path())?;
        let (seen_x, seen_y) = (
            State::of(&super::super::reader(&x, None)?)?,
            State::of(&super::super::reader(&y, None)?)?,
        );
        // Changed alike: the same last change id (and, in the same second,
        // the same change); which file each connection met tells them apart.
        let id = |state: &State| state.change.as_ref().map(|change| change[0].clone());
        assert_eq!(id(&seen_x), id(&seen_y));
        let store = SqliteStore::open_read_only(&x, None)?;
        let kinds = kinds(&store)?;
        let on = day("08/12/2023");
        let mut read = 0;
        {
            let reader = reader_of(&store);
            assert!(on_two_cores_from(
                &reader,
                on,
                &kinds,
                &mut |f| read += f.len(),
                0
            )?);
        }
        // The same bytes under another inode: another file all the same.
        let z = dir.path().join("z.db");
        std::fs::copy(&x, &z).expect("a copy");
        std::fs::rename(&z, &x).expect("put in its place");
        let reader = reader_of(&store);
        let mut again = 0;
        assert!(!on_two_cores_from(
            &reader,
            on,
            &kinds,
            &mut |f| again += f.len(),
            0
        )?);
        assert_eq!(again, 0);
        drop(reader);
        // A copy changed otherwise, which ends on the same change id.
        std::fs::rename(&y, &x).expect("put in its place");
        let reader = reader_of(&store);
        assert!(!on_two_cores_from(
            &reader,
            on,
            &kinds,
            &mut |f| again += f.len(),
            0
        )?);
        assert_eq!(again, 0);
        assert!(read > 300);
        Ok(())
    }
}

//! Tasks, their due dates per unit kind, obligations and completions.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::{SqliteDb, now_stamp};
use crate::domain::error::{Entity, Error, Result};
use crate::domain::task::Task;
use crate::domain::{DueRule, Rating, UnitKind};
use crate::store::{CompletionNote, Obligation, RecordedCompletion, Tasks};
use crate::text::fold;

pub(super) fn task_from_row(row: &Row<'_>) -> rusqlite::Result<Task> {
    Ok(Task {
        id: row.get(0)?,
        code: row.get(1)?,
        directive_id: row.get(2)?,
        title: row.get(3)?,
        rated: row.get(4)?,
        for_people: row.get(5)?,
        dues: Vec::new(),
    })
}

impl Tasks for SqliteDb<'_> {
    /// Records a task (its `id` is ignored) and one obligation for every
    /// unit of a kind it names, or every person in post in one, within the
    /// subtree of `within` (the whole tree when `None`).
    /// Returns the task and how many obligations it created.
    fn insert_task(&self, new: &Task, within: Option<i64>) -> Result<(Task, usize)> {
        let Task {
            directive_id,
            ref code,
            ref title,
            rated,
            for_people,
            ref dues,
            ..
        } = *new;
        if let Some(holder) = self.task_by_code(code)? {
            return Err(Error::CodeTaken {
                what: Entity::Task,
                code: holder.code,
                holder: holder.title,
            });
        }
        self.conn
            .prepare_cached(
                "INSERT INTO task (code, directive_id, title, title_fold, within_id, created_at, rated,
                     for_people)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                code,
                directive_id,
                title,
                fold(title),
                within,
                now_stamp(),
                rated,
                for_people
            ])?;
        let task_id = self.conn.last_insert_rowid();
        self.log_insert("task", task_id)?;
        let mut insert_due = self
            .conn
            .prepare_cached("INSERT INTO task_due (task_id, kind, due_on) VALUES (?1, ?2, ?3)")?;
        for due in dues {
            insert_due.execute(params![task_id, due.kind.slug(), due.due_on])?;
            self.log_insert("task_due", self.conn.last_insert_rowid())?;
        }
        // Units of the kinds named, or the people in post in them.
        let (subject, select) = if for_people {
            (
                "unit_id, person_id",
                "SELECT ?1, u.id, p.id, d.due_on FROM scope s
                 JOIN unit u ON u.id = s.id
                 JOIN person p ON p.unit_id = u.id AND p.to_on IS NULL
                 JOIN task_due d ON d.task_id = ?1 AND d.kind = u.kind
                 WHERE u.dissolved_on IS NULL",
            )
        } else {
            (
                "unit_id",
                "SELECT ?1, u.id, d.due_on FROM scope s
                 JOIN unit u ON u.id = s.id
                 JOIN task_due d ON d.task_id = ?1 AND d.kind = u.kind
                 WHERE u.dissolved_on IS NULL",
            )
        };
        let created = self
            .conn
            .prepare_cached(&format!(
                "WITH RECURSIVE scope (id) AS (
                     SELECT id FROM unit WHERE (?2 IS NULL AND parent_id IS NULL) OR id = ?2
                     -- UNION, not UNION ALL: a unit met twice (a cycle in data
                     -- edited by hand) is not walked again.
                     UNION
                     SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
                 )
                 INSERT INTO obligation (task_id, {subject}, due_on) {select}"
            ))?
            .execute(params![task_id, within])?;
        if created > 0 {
            // One INSERT … SELECT numbers its rows consecutively.
            let last = self.conn.last_insert_rowid();
            self.log_inserted_run("obligation", last - created as i64 + 1, last)?;
        }
        let task = Task {
            id: task_id,
            ..new.clone()
        };
        Ok((task, created))
    }

    /// The next free task code of the form `{stem}-{n}`.
    fn free_task_code(&self, stem: &str) -> Result<String> {
        for n in 1.. {
            let code = format!("{stem}-{n}");
            if self.task_by_code(&code)?.is_none() {
                return Ok(code);
            }
        }
        unreachable!("the codes of tasks are finite")
    }

    /// The task with this code, in any letter case.
    fn task_by_code(&self, code: &str) -> Result<Option<Task>> {
        let task = self
            .conn
            .prepare_cached(
                "SELECT id, code, directive_id, title, rated, for_people FROM task WHERE code = ?1",
            )?
            .query_row([code.trim()], task_from_row)
            .optional()?;
        task.map(|t| self.with_dues(t)).transpose()
    }

    /// The tasks of a directive, in the order they were added.
    fn tasks_of(&self, directive_id: i64) -> Result<Vec<Task>> {
        self.tasks(Some(directive_id), None)
    }

    /// What `unit_id` owes under `task_id`, if the task applies to it.
    fn obligation(&self, task_id: i64, unit_id: i64) -> Result<Option<Obligation>> {
        self.obligation_where(
            "task_id = ?1 AND unit_id = ?2 AND person_id IS NULL",
            task_id,
            unit_id,
        )
    }

    /// Records that an obligation was done on `on` (or corrects the record).
    fn complete(&self, obligation_id: i64, on: NaiveDate, note: &CompletionNote<'_>) -> Result<()> {
        self.update_logged("obligation", obligation_id, |conn| {
            conn.prepare_cached(
                "UPDATE obligation SET completed_on = ?2, evidence = ?3, note = ?4,
                     recorded_by = ?5, recorded_at = coalesce(recorded_at, ?6), rating = ?7,
                     not_rated_reason = ?8, forced = ?9
                 WHERE id = ?1",
            )?
            .execute(params![
                obligation_id,
                on,
                note.evidence,
                note.note,
                note.recorded_by,
                now_stamp(),
                note.rating.map(|r| r.code()),
                note.not_rated,
                note.forced
            ])
        })
    }

    /// What is recorded of an obligation's completion, if it was done.
    fn recorded_completion(&self, obligation_id: i64) -> Result<Option<RecordedCompletion>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT completed_on, evidence, note, recorded_by, rating, not_rated_reason, forced
                 FROM obligation WHERE id = ?1 AND completed_on IS NOT NULL",
            )?
            .query_row([obligation_id], |row| {
                let rating: Option<String> = row.get(4)?;
                Ok(RecordedCompletion {
                    on: row.get(0)?,
                    evidence: row.get(1)?,
                    note: row.get(2)?,
                    recorded_by: row.get(3)?,
                    rating: rating.as_deref().and_then(Rating::from_code),
                    not_rated: row.get(5)?,
                    forced: row.get(6)?,
                })
            })
            .optional()?;
        Ok(row)
    }

    /// Corrects a task's title or code; the old values stay in the log.
    fn update_task(&self, id: i64, code: &str, title: &str) -> Result<()> {
        if let Some(other) = self.task_by_code(code)?.filter(|t| t.id != id) {
            return Err(Error::CodeTaken {
                what: Entity::Task,
                code: other.code,
                holder: other.title,
            });
        }
        self.update_logged("task", id, |conn| {
            conn.prepare_cached(
                "UPDATE task SET code = ?2, title = ?3, title_fold = ?4 WHERE id = ?1",
            )?
            .execute(params![id, code, title, fold(title)])
        })
    }

    /// Moves an obligation's due date (gia hạn), keeping the first one.
    fn extend(&self, obligation_id: i64, to: NaiveDate, reason: &str) -> Result<()> {
        self.update_logged("obligation", obligation_id, |conn| {
            conn.prepare_cached(
                "UPDATE obligation SET original_due_on = coalesce(original_due_on, due_on),
                     due_on = ?2, extension_reason = ?3
                 WHERE id = ?1",
            )?
            .execute(params![obligation_id, to, reason])
        })
    }

    /// Tasks in the order they were added: of one directive or all;
    /// `search` keeps those whose code or title contains it, accents and
    /// case aside.
    fn tasks(&self, directive_id: Option<i64>, search: Option<&str>) -> Result<Vec<Task>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, directive_id, title, rated, for_people FROM task
             WHERE (?1 IS NULL OR directive_id = ?1)
               AND (?2 IS NULL OR instr(title_fold, ?2) OR instr(lower(code), ?2))
             ORDER BY id",
        )?;
        let tasks = stmt
            .query_map(params![directive_id, search.map(fold)], task_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tasks.into_iter().map(|t| self.with_dues(t)).collect()
    }

    /// How many units owe a task.
    fn obligation_count(&self, task_id: i64) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM obligation WHERE task_id = ?1")?
            .query_row([task_id], |row| row.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }
}

impl SqliteDb<'_> {
    pub(super) fn with_dues(&self, mut task: Task) -> Result<Task> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, due_on FROM task_due WHERE task_id = ?1")?;
        let rows = stmt.query_map([task.id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, NaiveDate>(1)?))
        })?;
        for row in rows {
            let (kind, due_on) = row?;
            if let Some(kind) = UnitKind::from_slug(&kind) {
                task.dues.push(DueRule { kind, due_on });
            }
        }
        task.dues.sort_by_key(|d| (d.due_on, d.kind));
        Ok(task)
    }

    /// The one obligation of `task_id` that `condition` (on `?1`, `?2`) names.
    pub(super) fn obligation_where(
        &self,
        condition: &str,
        a: i64,
        b: i64,
    ) -> Result<Option<Obligation>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT id, due_on, completed_on, original_due_on FROM obligation WHERE {condition}"
            ))?
            .query_row([a, b], |row| {
                Ok(Obligation {
                    id: row.get(0)?,
                    due_on: row.get(1)?,
                    completed_on: row.get(2)?,
                    original_due_on: row.get(3)?,
                })
            })
            .optional()?)
    }
}

//! Tasks, obligations and completions on PostgreSQL (see `sqlite/tasks.rs`).

use chrono::NaiveDate;
use postgres::Row;

use super::{PgDb, date_at, day_at, flag_at, iso, now_stamp};
use crate::domain::error::{Entity, Error, Result};
use crate::domain::task::Task;
use crate::domain::{DueRule, Rating, UnitKind};
use crate::store::{CompletionNote, Obligation, RecordedCompletion, Tasks};
use crate::text::fold;

/// The units of a task's scope: the subtree of `$2` (`$2::BIGINT` NULL:
/// every tree from its root), each with its depth and the ids down to it.
/// Ordered by `s.depth, s.path`, it is the breadth-first order in which
/// SQLite walks the same `WITH RECURSIVE`, so new obligations get their ids
/// in the same order on both. A unit met twice (a cycle in data edited by
/// hand) is not walked again.
pub(super) const SCOPE_CTE: &str = "WITH RECURSIVE scope (id, depth, path) AS (
         SELECT id, 0, ARRAY[id] FROM unit
         WHERE ($2::BIGINT IS NULL AND parent_id IS NULL) OR id = $2::BIGINT
         UNION ALL
         SELECT u.id, s.depth + 1, s.path || u.id FROM unit u JOIN scope s ON u.parent_id = s.id
         WHERE u.id <> ALL (s.path)
     )";

/// The columns `task_from_row` reads, of a task `t`.
pub(super) const TASK_COLUMNS: &str =
    "t.id, t.code, t.directive_id, t.title, t.rated, t.for_people";

/// A task from the columns `TASK_COLUMNS` (from column 0), without its due
/// dates (`with_dues` adds them).
pub(super) fn task_from_row(row: &Row) -> Result<Task> {
    Ok(Task {
        id: row.try_get(0)?,
        code: row.try_get(1)?,
        directive_id: row.try_get(2)?,
        title: row.try_get(3)?,
        rated: flag_at(row, 4)?,
        for_people: flag_at(row, 5)?,
        dues: Vec::new(),
    })
}

impl Tasks for PgDb<'_> {
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
        let task_id = self.int(
            "INSERT INTO task (code, directive_id, title, title_fold, within_id, created_at, rated,
                 for_people)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            &[
                code,
                &directive_id,
                title,
                &fold(title),
                &within,
                &now_stamp(),
                &i64::from(rated),
                &i64::from(for_people),
            ],
        )?;
        self.log_insert("task", task_id)?;
        for due in dues {
            let id = self.int(
                "INSERT INTO task_due (task_id, kind, due_on) VALUES ($1, $2, $3) RETURNING id",
                &[&task_id, &due.kind.slug(), &iso(due.due_on)],
            )?;
            self.log_insert("task_due", id)?;
        }
        let (subject, select) = if for_people {
            (
                "unit_id, person_id",
                "SELECT $1::BIGINT, u.id, p.id, d.due_on FROM scope s
                 JOIN unit u ON u.id = s.id
                 JOIN person p ON p.unit_id = u.id AND p.to_on IS NULL
                 JOIN task_due d ON d.task_id = $1 AND d.kind = u.kind
                 WHERE u.dissolved_on IS NULL
                 ORDER BY s.depth, s.path, p.id",
            )
        } else {
            (
                "unit_id",
                "SELECT $1::BIGINT, u.id, d.due_on FROM scope s
                 JOIN unit u ON u.id = s.id
                 JOIN task_due d ON d.task_id = $1 AND d.kind = u.kind
                 WHERE u.dissolved_on IS NULL
                 ORDER BY s.depth, s.path",
            )
        };
        let created = self.insert_logged_many(
            "obligation",
            &format!(
                "{SCOPE_CTE}
                 INSERT INTO obligation (task_id, {subject}, due_on) {select} RETURNING id"
            ),
            &[&task_id, &within],
        )?;
        let task = Task {
            id: task_id,
            ..new.clone()
        };
        Ok((task, created))
    }

    fn free_task_code(&self, stem: &str) -> Result<String> {
        for n in 1.. {
            let code = format!("{stem}-{n}");
            if self.task_by_code(&code)?.is_none() {
                return Ok(code);
            }
        }
        unreachable!("the codes of tasks are finite")
    }

    fn task_by_code(&self, code: &str) -> Result<Option<Task>> {
        let task = self
            .opt(
                &format!("SELECT {TASK_COLUMNS} FROM task t WHERE lower(t.code) = lower($1)"),
                &[&code.trim()],
            )?
            .as_ref()
            .map(task_from_row)
            .transpose()?;
        task.map(|t| self.with_dues(t)).transpose()
    }

    fn tasks_of(&self, directive_id: i64) -> Result<Vec<Task>> {
        self.tasks(Some(directive_id), None)
    }

    fn tasks(&self, directive_id: Option<i64>, search: Option<&str>) -> Result<Vec<Task>> {
        let tasks = self
            .rows(
                &format!(
                    "SELECT {TASK_COLUMNS} FROM task t
                     WHERE ($1::BIGINT IS NULL OR t.directive_id = $1::BIGINT)
                       AND ($2::TEXT IS NULL OR strpos(t.title_fold, $2::TEXT) > 0
                            OR strpos(lower(t.code), $2::TEXT) > 0)
                     ORDER BY t.id"
                ),
                &[&directive_id, &search.map(fold)],
            )?
            .iter()
            .map(task_from_row)
            .collect::<Result<Vec<_>>>()?;
        tasks.into_iter().map(|t| self.with_dues(t)).collect()
    }

    fn update_task(&self, id: i64, code: &str, title: &str) -> Result<()> {
        if let Some(other) = self.task_by_code(code)?.filter(|t| t.id != id) {
            return Err(Error::CodeTaken {
                what: Entity::Task,
                code: other.code,
                holder: other.title,
            });
        }
        self.update_logged("task", id, |db| {
            db.exec(
                "UPDATE task SET code = $2, title = $3, title_fold = $4 WHERE id = $1",
                &[&id, &code, &title, &fold(title)],
            )
        })
    }

    fn obligation(&self, task_id: i64, unit_id: i64) -> Result<Option<Obligation>> {
        self.obligation_where(
            "task_id = $1 AND unit_id = $2 AND person_id IS NULL",
            task_id,
            unit_id,
        )
    }

    fn obligation_count(&self, task_id: i64) -> Result<usize> {
        let n = self.int(
            "SELECT count(*) FROM obligation WHERE task_id = $1",
            &[&task_id],
        )?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    fn complete(&self, obligation_id: i64, on: NaiveDate, note: &CompletionNote<'_>) -> Result<()> {
        self.update_logged("obligation", obligation_id, |db| {
            db.exec(
                "UPDATE obligation SET completed_on = $2, evidence = $3, note = $4,
                     recorded_by = $5, recorded_at = coalesce(recorded_at, $6), rating = $7,
                     not_rated_reason = $8, forced = $9
                 WHERE id = $1",
                &[
                    &obligation_id,
                    &iso(on),
                    &note.evidence,
                    &note.note,
                    &note.recorded_by,
                    &now_stamp(),
                    &note.rating.map(|r| r.code()),
                    &note.not_rated,
                    &i64::from(note.forced),
                ],
            )
        })
    }

    fn recorded_completion(&self, obligation_id: i64) -> Result<Option<RecordedCompletion>> {
        let Some(row) = self.opt(
            "SELECT completed_on, evidence, note, recorded_by, rating, not_rated_reason, forced
             FROM obligation WHERE id = $1 AND completed_on IS NOT NULL",
            &[&obligation_id],
        )?
        else {
            return Ok(None);
        };
        let rating: Option<&str> = row.try_get(4)?;
        Ok(Some(RecordedCompletion {
            on: day_at(&row, 0)?,
            evidence: row.try_get(1)?,
            note: row.try_get(2)?,
            recorded_by: row.try_get(3)?,
            rating: rating.and_then(Rating::from_code),
            not_rated: row.try_get(5)?,
            forced: flag_at(&row, 6)?,
        }))
    }

    fn extend(&self, obligation_id: i64, to: NaiveDate, reason: &str) -> Result<()> {
        self.update_logged("obligation", obligation_id, |db| {
            db.exec(
                "UPDATE obligation SET original_due_on = coalesce(original_due_on, due_on),
                     due_on = $2, extension_reason = $3
                 WHERE id = $1",
                &[&obligation_id, &iso(to), &reason],
            )
        })
    }
}

impl PgDb<'_> {
    /// The task with its due dates, soonest first.
    pub(super) fn with_dues(&self, mut task: Task) -> Result<Task> {
        for row in self.rows(
            "SELECT kind, due_on FROM task_due WHERE task_id = $1",
            &[&task.id],
        )? {
            let kind: &str = row.try_get(0)?;
            if let Some(kind) = UnitKind::from_slug(kind) {
                task.dues.push(DueRule {
                    kind,
                    due_on: day_at(&row, 1)?,
                });
            }
        }
        task.dues.sort_by_key(|d| (d.due_on, d.kind));
        Ok(task)
    }

    /// The one obligation that `condition` (on `$1`, `$2`) names.
    pub(super) fn obligation_where(
        &self,
        condition: &str,
        a: i64,
        b: i64,
    ) -> Result<Option<Obligation>> {
        self.opt(
            &format!(
                "SELECT id, due_on, completed_on, original_due_on FROM obligation WHERE {condition}"
            ),
            &[&a, &b],
        )?
        .map(|row| {
            Ok(Obligation {
                id: row.try_get(0)?,
                due_on: day_at(&row, 1)?,
                completed_on: date_at(&row, 2)?,
                original_due_on: date_at(&row, 3)?,
            })
        })
        .transpose()
    }
}

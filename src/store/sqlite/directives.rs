//! Directives: adding, finding by symbol or number, listing.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::{SqliteDb, now_stamp, parse_column};
use crate::domain::directive::Directive;
use crate::domain::error::{Entity, Error, Result};
use crate::domain::{DirectiveSpec, DocType, Secrecy, Urgency};
use crate::store::Directives;
use crate::text::fold;

const COLUMNS: &str =
    "d.id, d.symbol, d.doc_type, d.number, d.issuer, d.issued_on, d.title, d.symbol_as_written,
     d.secrecy, d.urgency";

fn directive_from_row(row: &Row<'_>) -> rusqlite::Result<Directive> {
    let doc_type: String = row.get(2)?;
    Ok(Directive {
        id: row.get(0)?,
        symbol: row.get(1)?,
        doc_type: parse_column(&doc_type, DocType::from_slug, 2)?,
        number: row.get(3)?,
        issuer: row.get(4)?,
        issued_on: row.get(5)?,
        title: row.get(6)?,
        symbol_as_written: row.get(7)?,
        secrecy: mark(row, 8, Secrecy::from_slug)?,
        urgency: mark(row, 9, Urgency::from_slug)?,
    })
}

/// A mark's column: null, or one of its slugs.
fn mark<T>(
    row: &Row<'_>,
    i: usize,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(i)?;
    text.map(|t| parse_column(&t, parse, i)).transpose()
}

impl Directives for SqliteDb<'_> {
    /// The directive recorded as the same document: same issuer and issue
    /// date (both unknown counts as the same), and the same symbol, or the
    /// same type and number when one of the two is known only by number.
    fn same_directive(
        &self,
        spec: &DirectiveSpec,
        issuer: &str,
        issued_on: Option<NaiveDate>,
    ) -> Result<Option<Directive>> {
        let symbol = spec.symbol.as_ref().map(|s| s.to_string());
        let found = self.directives_where(
            "d.issuer_fold = ?1
               AND (d.issued_on = ?2 OR (d.issued_on IS NULL AND ?2 IS NULL))
               AND (d.symbol = ?3
               OR (d.doc_type = ?4 AND d.number = ?5 AND (d.symbol IS NULL OR ?3 IS NULL)))",
            params![
                fold(issuer),
                issued_on,
                symbol,
                spec.doc_type.slug(),
                spec.number
            ],
        )?;
        Ok(found.into_iter().next())
    }

    /// Records a directive (the caller has checked it is not recorded yet).
    fn insert_directive(
        &self,
        spec: &DirectiveSpec,
        as_written: &str,
        issuer: &str,
        issued_on: Option<NaiveDate>,
        title: &str,
    ) -> Result<Directive> {
        let symbol = spec.symbol.as_ref().map(|s| s.to_string());
        let issuer_fold = fold(issuer);
        self.conn
            .prepare_cached(
                "INSERT INTO directive (doc_type, number, symbol, symbol_as_written, issuer,
                    issuer_fold, issued_on, title, title_fold, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                spec.doc_type.slug(),
                spec.number,
                symbol,
                spec.symbol.as_ref().map(|_| as_written),
                issuer,
                issuer_fold,
                issued_on,
                title,
                fold(title),
                now_stamp(),
            ])?;
        let id = self.conn.last_insert_rowid();
        self.log_insert("directive", id)?;
        Ok(Directive {
            id,
            symbol,
            doc_type: spec.doc_type,
            number: spec.number.clone(),
            issuer: issuer.to_string(),
            issued_on,
            title: title.to_string(),
            symbol_as_written: spec.symbol.as_ref().map(|_| as_written.to_string()),
            secrecy: None,
            urgency: None,
        })
    }

    /// Every directive, oldest first; `search` keeps those whose symbol,
    /// number, issuer or title contains it, accents and case aside.
    fn directives(&self, search: Option<&str>) -> Result<Vec<Directive>> {
        match search.map(fold) {
            None => self.directives_where("1", []),
            Some(key) => self.directives_where(
                "instr(d.title_fold, ?1) OR instr(d.issuer_fold, ?1)
                 OR instr(lower(coalesce(d.symbol, '')), ?1) OR d.number = ?1",
                [key],
            ),
        }
    }

    /// Corrects a directive's recorded fields; the old values stay in the log.
    fn update_directive(&self, d: &Directive) -> Result<()> {
        let symbol_as_written = d.symbol_as_written.clone();
        self.update_logged("directive", d.id, |conn| {
            conn.prepare_cached(
                "UPDATE directive SET doc_type = ?2, number = ?3, symbol = ?4, symbol_as_written = ?5,
                     issuer = ?6, issuer_fold = ?7, issued_on = ?8, title = ?9, title_fold = ?10,
                     secrecy = ?11, urgency = ?12
                 WHERE id = ?1",
            )?
            .execute(params![
                d.id,
                d.doc_type.slug(),
                d.number,
                d.symbol,
                symbol_as_written,
                d.issuer,
                fold(&d.issuer),
                d.issued_on,
                d.title,
                fold(&d.title),
                d.secrecy.map(Secrecy::slug),
                d.urgency.map(Urgency::slug)
            ])
        })
    }

    /// The directive with this id.
    fn directive(&self, id: i64) -> Result<Directive> {
        let found = self.directives_where("d.id = ?1", [id])?;
        found
            .into_iter()
            .next()
            .ok_or_else(|| Error::not_found(Entity::Directive, &format!("#{id}")))
    }

    /// The directives a spec names: its symbol, or the same type and number
    /// when one of the two is known only by number.
    fn directives_by_spec(&self, spec: &DirectiveSpec) -> Result<Vec<Directive>> {
        self.directives_where(
            "d.symbol = ?1 OR (d.doc_type = ?2 AND d.number = ?3 AND (d.symbol IS NULL OR ?1 IS NULL))",
            params![
                spec.symbol.as_ref().map(|s| s.to_string()),
                spec.doc_type.slug(),
                spec.number
            ],
        )
    }

    /// The directives with this number, whatever their type.
    fn directives_numbered(&self, number: &str) -> Result<Vec<Directive>> {
        self.directives_where("d.number = ?1", [number])
    }

    /// The directives whose title contains `key` (a fold key).
    fn directives_titled(&self, key: &str) -> Result<Vec<Directive>> {
        self.directives_where("instr(d.title_fold, ?1)", [key])
    }
}

impl SqliteDb<'_> {
    fn directives_where(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<Directive>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM directive d WHERE {condition}
             ORDER BY d.issued_on, d.doc_type, length(d.number), d.number, d.issuer_fold"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params, directive_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

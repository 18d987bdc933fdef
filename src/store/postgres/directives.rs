//! Directives on PostgreSQL (see `sqlite/directives.rs`).

use chrono::NaiveDate;
use postgres::Row;

use super::{Params, PgDb, date_at, iso_opt, now_stamp, parse_column};
use crate::domain::directive::Directive;
use crate::domain::error::{Entity, Error, Result};
use crate::domain::{DirectiveSpec, DocType, Secrecy, Urgency};
use crate::store::Directives;
use crate::text::fold;

const COLUMNS: &str =
    "d.id, d.symbol, d.doc_type, d.number, d.issuer, d.issued_on, d.title, d.symbol_as_written,
     d.secrecy, d.urgency";

fn directive_from_row(row: &Row) -> Result<Directive> {
    Ok(Directive {
        id: row.try_get(0)?,
        symbol: row.try_get(1)?,
        doc_type: parse_column(row, 2, DocType::from_slug)?,
        number: row.try_get(3)?,
        issuer: row.try_get(4)?,
        issued_on: date_at(row, 5)?,
        title: row.try_get(6)?,
        symbol_as_written: row.try_get(7)?,
        secrecy: mark(row, 8, Secrecy::from_slug)?,
        urgency: mark(row, 9, Urgency::from_slug)?,
    })
}

/// A mark's column: null, or one of its slugs.
fn mark<T>(row: &Row, i: usize, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>> {
    let text: Option<&str> = row.try_get(i)?;
    match text {
        None => Ok(None),
        Some(_) => parse_column(row, i, parse).map(Some),
    }
}

impl Directives for PgDb<'_> {
    fn same_directive(
        &self,
        spec: &DirectiveSpec,
        issuer: &str,
        issued_on: Option<NaiveDate>,
    ) -> Result<Option<Directive>> {
        let symbol = spec.symbol.as_ref().map(|s| s.to_string());
        let found = self.directives_where(
            "d.issuer_fold = $1
               AND (d.issued_on = $2::TEXT OR (d.issued_on IS NULL AND $2::TEXT IS NULL))
               AND (d.symbol = $3::TEXT
               OR (d.doc_type = $4 AND d.number = $5 AND (d.symbol IS NULL OR $3::TEXT IS NULL)))",
            &[
                &fold(issuer),
                &iso_opt(issued_on),
                &symbol,
                &spec.doc_type.slug(),
                &spec.number,
            ],
        )?;
        Ok(found.into_iter().next())
    }

    fn insert_directive(
        &self,
        spec: &DirectiveSpec,
        as_written: &str,
        issuer: &str,
        issued_on: Option<NaiveDate>,
        title: &str,
    ) -> Result<Directive> {
        let symbol = spec.symbol.as_ref().map(|s| s.to_string());
        let symbol_as_written = spec.symbol.as_ref().map(|_| as_written.to_string());
        let id = self.int(
            "INSERT INTO directive (doc_type, number, symbol, symbol_as_written, issuer,
                issuer_fold, issued_on, title, title_fold, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            &[
                &spec.doc_type.slug(),
                &spec.number,
                &symbol,
                &symbol_as_written,
                &issuer,
                &fold(issuer),
                &iso_opt(issued_on),
                &title,
                &fold(title),
                &now_stamp(),
            ],
        )?;
        self.log_insert("directive", id)?;
        Ok(Directive {
            id,
            symbol,
            doc_type: spec.doc_type,
            number: spec.number.clone(),
            issuer: issuer.to_string(),
            issued_on,
            title: title.to_string(),
            symbol_as_written,
            secrecy: None,
            urgency: None,
        })
    }

    fn directives(&self, search: Option<&str>) -> Result<Vec<Directive>> {
        match search.map(fold) {
            None => self.directives_where("TRUE", &[]),
            Some(key) => self.directives_where(
                "strpos(d.title_fold, $1) > 0 OR strpos(d.issuer_fold, $1) > 0
                 OR strpos(lower(coalesce(d.symbol, '')), $1) > 0 OR d.number = $1",
                &[&key],
            ),
        }
    }

    fn update_directive(&self, d: &Directive) -> Result<()> {
        self.update_logged("directive", d.id, |db| {
            db.exec(
                "UPDATE directive SET doc_type = $2, number = $3, symbol = $4, symbol_as_written = $5,
                     issuer = $6, issuer_fold = $7, issued_on = $8, title = $9, title_fold = $10,
                     secrecy = $11, urgency = $12
                 WHERE id = $1",
                &[
                    &d.id,
                    &d.doc_type.slug(),
                    &d.number,
                    &d.symbol,
                    &d.symbol_as_written,
                    &d.issuer,
                    &fold(&d.issuer),
                    &iso_opt(d.issued_on),
                    &d.title,
                    &fold(&d.title),
                    &d.secrecy.map(Secrecy::slug),
                    &d.urgency.map(Urgency::slug),
                ],
            )
        })
    }

    fn directive(&self, id: i64) -> Result<Directive> {
        let found = self.directives_where("d.id = $1", &[&id])?;
        found
            .into_iter()
            .next()
            .ok_or_else(|| Error::not_found(Entity::Directive, &format!("#{id}")))
    }

    fn directives_by_spec(&self, spec: &DirectiveSpec) -> Result<Vec<Directive>> {
        self.directives_where(
            "d.symbol = $1::TEXT
             OR (d.doc_type = $2 AND d.number = $3 AND (d.symbol IS NULL OR $1::TEXT IS NULL))",
            &[
                &spec.symbol.as_ref().map(|s| s.to_string()),
                &spec.doc_type.slug(),
                &spec.number,
            ],
        )
    }

    fn directives_numbered(&self, number: &str) -> Result<Vec<Directive>> {
        self.directives_where("d.number = $1", &[&number])
    }

    fn directives_titled(&self, key: &str) -> Result<Vec<Directive>> {
        self.directives_where("strpos(d.title_fold, $1) > 0", &[&key])
    }
}

impl PgDb<'_> {
    fn directives_where(&self, condition: &str, params: &Params<'_>) -> Result<Vec<Directive>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM directive d WHERE {condition}
             ORDER BY d.issued_on NULLS FIRST, d.doc_type, length(d.number), d.number, d.issuer_fold"
        );
        self.rows(&sql, params)?
            .iter()
            .map(directive_from_row)
            .collect()
    }
}

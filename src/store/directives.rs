//! Directives: adding, finding by symbol or number, listing.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::{Db, now_stamp, parse_column};
use crate::domain::directive::Directive;
use crate::domain::error::{Candidates, Entity, Error, Result};
use crate::domain::{DirectiveSpec, DocType};
use crate::text::fold;

const COLUMNS: &str =
    "d.id, d.symbol, d.doc_type, d.number, d.issuer, d.issued_on, d.title, d.symbol_as_written";

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
    })
}

/// How a clerk points at a directive: a symbol or number, narrowed by
/// issuer and date when the symbol recurs.
#[derive(Debug, Clone, Default)]
pub struct DirectiveQuery<'a> {
    pub reference: &'a str,
    pub issuer: Option<&'a str>,
    pub issued_on: Option<NaiveDate>,
}

impl Db<'_> {
    /// Records a directive. The same one (issuer, symbol or type and number,
    /// issue date) recorded twice is an error naming the existing one.
    pub fn insert_directive(
        &self,
        spec: &DirectiveSpec,
        as_written: &str,
        issuer: &str,
        issued_on: NaiveDate,
        title: &str,
    ) -> Result<Directive> {
        let symbol = spec.symbol.as_ref().map(|s| s.to_string());
        let issuer_fold = fold(issuer);
        // A directive first known only by number is the same document as
        // the symbol of that type and number from the same issuer that day.
        let existing = self.directives_where(
            "d.issuer_fold = ?1 AND d.issued_on = ?2 AND (d.symbol = ?3
               OR (d.doc_type = ?4 AND d.number = ?5 AND (d.symbol IS NULL OR ?3 IS NULL)))",
            params![
                issuer_fold,
                issued_on,
                symbol,
                spec.doc_type.slug(),
                spec.number
            ],
        )?;
        if let Some(d) = existing.into_iter().next() {
            return Err(Error::DirectiveExists {
                existing: Box::new(d),
            });
        }
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
        })
    }

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

    /// Every directive, oldest first; `search` keeps those whose symbol,
    /// number, issuer or title contains it, accents and case aside.
    pub fn directives(&self, search: Option<&str>) -> Result<Vec<Directive>> {
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
    pub fn update_directive(&self, d: &Directive) -> Result<()> {
        let symbol_as_written = d.symbol_as_written.clone();
        self.update_logged("directive", d.id, |conn| {
            conn.prepare_cached(
                "UPDATE directive SET doc_type = ?2, number = ?3, symbol = ?4, symbol_as_written = ?5,
                     issuer = ?6, issuer_fold = ?7, issued_on = ?8, title = ?9, title_fold = ?10
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
                fold(&d.title)
            ])
        })
    }

    /// The directive with this id.
    pub fn directive(&self, id: i64) -> Result<Directive> {
        let found = self.directives_where("d.id = ?1", [id])?;
        found
            .into_iter()
            .next()
            .ok_or_else(|| Error::not_found(Entity::Directive, &format!("#{id}")))
    }

    /// Finds one directive. By symbol (a number-only record of the same
    /// type and number matches too), by `Kế hoạch số 223`, by bare number,
    /// else by a part of its title; `--issuer` and `--date` narrow.
    pub fn resolve_directive(&self, q: &DirectiveQuery<'_>) -> Result<Directive> {
        let mut found = match DirectiveSpec::parse(q.reference, None) {
            Ok(spec) => self.directives_where(
                "d.symbol = ?1 OR (d.doc_type = ?2 AND d.number = ?3 AND (d.symbol IS NULL OR ?1 IS NULL))",
                params![spec.symbol.map(|s| s.to_string()), spec.doc_type.slug(), spec.number],
            )?,
            Err(_) => {
                let key = fold(q.reference);
                if key.bytes().all(|b| b.is_ascii_digit()) && !key.is_empty() {
                    self.directives_where("d.number = ?1", [key])?
                } else if key.is_empty() {
                    Vec::new()
                } else {
                    self.directives_where("instr(d.title_fold, ?1)", [key])?
                }
            }
        };
        if let Some(issuer) = q.issuer.map(fold) {
            found.retain(|d| fold(&d.issuer).contains(&issuer));
        }
        if let Some(on) = q.issued_on {
            found.retain(|d| d.issued_on == on);
        }
        match <[Directive; 1]>::try_from(found) {
            Ok([d]) => Ok(d),
            Err(found) if found.is_empty() => Err(Error::not_found(Entity::Directive, q.reference)),
            Err(found) => Err(Error::Ambiguous {
                input: q.reference.trim().to_string(),
                candidates: Candidates::Directives(found),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn d(s: &str) -> NaiveDate {
        crate::text::date::parse_date(s).unwrap()
    }

    fn add(store: &mut Store, sym: &str, issuer: &str, on: &str) -> Result<Directive> {
        let spec = DirectiveSpec::parse(sym, None).expect("a valid symbol");
        store.write("test", "test", |db| {
            db.insert_directive(&spec, sym, issuer, d(on), "trích yếu")
        })
    }

    #[test]
    fn same_symbol_two_issuers_are_two_directives() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        add(
            &mut store,
            "44-QĐ/TU",
            "Ban Thường vụ Thị ủy Sơn Tây",
            "23/11/2023",
        )?;
        add(
            &mut store,
            "44-QĐ/TU",
            "Ban Thường vụ Thành ủy Hà Nội",
            "02/03/2021",
        )?;
        let err = add(
            &mut store,
            "44- QĐ/TU",
            "Ban Thường vụ Thị ủy Sơn Tây",
            "23/11/2023",
        )
        .unwrap_err();
        assert!(
            matches!(&err, Error::DirectiveExists { existing } if existing.issuer == "Ban Thường vụ Thị ủy Sơn Tây"),
            "{err}"
        );

        let db = store.read();
        let q = |issuer| DirectiveQuery {
            reference: "44-QĐ/TU",
            issuer,
            issued_on: None,
        };
        assert!(db.resolve_directive(&q(None)).is_err());
        assert_eq!(
            db.resolve_directive(&q(Some("ha noi")))?.issuer,
            "Ban Thường vụ Thành ủy Hà Nội"
        );
        Ok(())
    }

    #[test]
    fn number_only_directive_matches_its_symbol() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        let plan = add(
            &mut store,
            "Kế hoạch số 223",
            "Ban Thường vụ Thị ủy Sơn Tây",
            "23/11/2023",
        )?;
        assert_eq!(plan.symbol, None);
        let db = store.read();
        for reference in ["223-KH/TU", "Kế hoạch số 223", "223"] {
            let q = DirectiveQuery {
                reference,
                ..Default::default()
            };
            assert_eq!(db.resolve_directive(&q)?.id, plan.id, "{reference}");
        }
        assert!(
            add(
                &mut store,
                "223-KH/TU",
                "Ban Thường vụ Thị ủy Sơn Tây",
                "23/11/2023"
            )
            .is_err()
        );
        Ok(())
    }
}

//! Directives: record, correct, revoke, replace.

use chrono::NaiveDate;

use super::{DirectiveQuery, resolve_directive, text};
use crate::domain::directive::{Directive, SpecError};
use crate::domain::error::{DateRule, DateSubject, Error, Field, Result, SpecProblem};
use crate::domain::{DirectiveSpec, DocType, Secrecy, Urgency};
use crate::store::Db;
use crate::text::normalize;
use crate::text::symbol::{SymbolError, parse_symbol};

/// A directive to record, as the clerk gives it.
#[derive(Debug, Clone)]
pub struct NewDirective<'a> {
    /// The symbol (`188-KH/TU`) or `Kế hoạch số 223`, as written.
    pub reference: &'a str,
    /// The type, when the symbol's code does not say it (`QĐ` of a Quy định).
    pub doc_type: Option<DocType>,
    pub issuer: &'a str,
    /// The issue date; `None` when the text does not give it.
    pub issued_on: Option<NaiveDate>,
    pub title: &'a str,
    /// Its classification (độ mật), if it carries one.
    pub secrecy: Option<Secrecy>,
    /// Its urgency (độ khẩn), if it carries one.
    pub urgency: Option<Urgency>,
}

/// A symbol or `Kế hoạch số 223`, or the error a clerk can act on.
pub fn parse_spec(input: &str, doc_type: Option<DocType>) -> Result<DirectiveSpec> {
    DirectiveSpec::parse(input, doc_type).map_err(|e| Error::BadDirective {
        input: input.trim().to_string(),
        problem: match e {
            SpecError::NeedsType => SpecProblem::NeedsType,
            SpecError::Symbol(SymbolError::UnknownType(code)) => SpecProblem::UnknownType(code),
            SpecError::Symbol(SymbolError::Shape) => SpecProblem::Shape,
            SpecError::TypeContradicts { code, given } => {
                SpecProblem::TypeContradicts { code, given }
            }
            SpecError::TooLong { len, max } => SpecProblem::TooLong { len, max },
        },
    })
}

/// Records a directive; the same document (issuer, symbol or type and
/// number, issue date, or both dates unknown) recorded twice is refused,
/// naming the one there.
pub fn add(db: &dyn Db, new: &NewDirective<'_>) -> Result<Directive> {
    let spec = parse_spec(new.reference, new.doc_type)?;
    let issuer = text(new.issuer, Field::Issuer)?;
    let title = text(new.title, Field::Title)?;
    let directive = insert(
        db,
        &spec,
        &normalize(new.reference),
        &issuer,
        new.issued_on,
        &title,
    )?;
    mark(db, directive, new.secrecy, new.urgency)
}

/// Gives a directive just recorded the marks it carries (none: as it is).
pub fn mark(
    db: &dyn Db,
    mut directive: Directive,
    secrecy: Option<Secrecy>,
    urgency: Option<Urgency>,
) -> Result<Directive> {
    if secrecy.is_none() && urgency.is_none() {
        return Ok(directive);
    }
    directive.secrecy = secrecy;
    directive.urgency = urgency;
    db.update_directive(&directive)?;
    Ok(directive)
}

/// Records a directive from a spec already read (an announcement).
pub fn insert(
    db: &dyn Db,
    spec: &DirectiveSpec,
    as_written: &str,
    issuer: &str,
    issued_on: Option<NaiveDate>,
    title: &str,
) -> Result<Directive> {
    if let Some(existing) = db.same_directive(spec, issuer, issued_on)? {
        return Err(Error::DirectiveExists {
            existing: Box::new(existing),
        });
    }
    db.insert_directive(spec, as_written, issuer, issued_on, title)
}

/// What a correction changes; `None` keeps the recorded value.
#[derive(Debug, Clone, Default)]
pub struct DirectiveEdit<'a> {
    pub symbol: Option<&'a str>,
    pub doc_type: Option<DocType>,
    pub issuer: Option<&'a str>,
    pub issued_on: Option<NaiveDate>,
    pub title: Option<&'a str>,
    /// A new classification: `Some(None)` removes the mark.
    pub secrecy: Option<Option<Secrecy>>,
    /// A new urgency: `Some(None)` removes the mark.
    pub urgency: Option<Option<Urgency>>,
    /// Record an issue date later than a due date its tasks set.
    pub force: bool,
}

/// Corrects a directive's recorded fields. Returns it before and after.
pub fn edit(
    db: &dyn Db,
    which: &DirectiveQuery<'_>,
    edit: &DirectiveEdit<'_>,
) -> Result<(Directive, Directive)> {
    let old = resolve_directive(db, which)?;
    // A secret title typed in: "nothing changed" would confirm a guess.
    if edit.title.is_some()
        && !super::resolve::secret_titles_searched()
        && let Some(mark) = old.secrecy
    {
        return Err(Error::SecretTitleEdit(crate::domain::marks::masked(
            &old.citation(),
            mark,
        )));
    }
    let mut new = old.clone();
    if let Some(symbol) = edit.symbol {
        // The type given, else the one the citation states, else the one
        // recorded (a Quy định written `QĐ` stays one).
        let doc_type = edit
            .doc_type
            .or_else(|| DirectiveSpec::stated_type(symbol))
            .or_else(|| {
                crate::domain::directive::type_in_doubt(symbol)
                    .filter(|pair| pair.contains(&old.doc_type))
                    .map(|_| old.doc_type)
            });
        let spec = parse_spec(symbol, doc_type)?;
        new.doc_type = spec.doc_type;
        new.number = spec.number.clone();
        new.symbol = spec.symbol.as_ref().map(|s| s.to_string());
        new.symbol_as_written = spec.symbol.map(|_| normalize(symbol));
    }
    if let Some(t) = edit.doc_type {
        // The type its symbol's code allows (a number alone takes any).
        if let Some(symbol) = new.symbol.as_deref() {
            parse_spec(symbol, Some(t))?;
        }
        new.doc_type = t;
    }
    if let Some(issuer) = edit.issuer {
        new.issuer = text(issuer, Field::Issuer)?;
    }
    if let Some(date) = edit.issued_on {
        new.issued_on = Some(date);
        // A task due before the directive asked it: the date typed wrongly,
        // most likely (the same rule as `task add`).
        let first_due = db
            .tasks_of(old.id)?
            .iter()
            .flat_map(|task| task.dues.iter().map(|d| d.due_on))
            .filter(|due| *due < date)
            .min();
        if let Some(due) = first_due.filter(|_| !edit.force) {
            return Err(Error::DateOrder {
                rule: DateRule::DueBeforeIssue,
                date: due,
                limit: date,
                subject: DateSubject::Directive(Box::new(new.clone())),
            });
        }
    }
    if let Some(title) = edit.title {
        new.title = text(title, Field::Title)?;
    }
    if let Some(secrecy) = edit.secrecy {
        new.secrecy = secrecy;
    }
    if let Some(urgency) = edit.urgency {
        new.urgency = urgency;
    }
    // Another directive recorded as the same document: said in words, not
    // left to the database's unique index.
    let identity_changed = (
        &new.symbol,
        new.doc_type,
        &new.number,
        &new.issuer,
        new.issued_on,
    ) != (
        &old.symbol,
        old.doc_type,
        &old.number,
        &old.issuer,
        old.issued_on,
    );
    if identity_changed {
        let spec = DirectiveSpec {
            doc_type: new.doc_type,
            number: new.number.clone(),
            symbol: new.symbol.as_deref().and_then(|s| parse_symbol(s).ok()),
        };
        if let Some(existing) = db
            .same_directive(&spec, &new.issuer, new.issued_on)?
            .filter(|d| d.id != old.id)
        {
            return Err(Error::DirectiveExists {
                existing: Box::new(existing),
            });
        }
    }
    db.update_directive(&new)?;
    Ok((old, new))
}

/// Revokes a directive from `on`, for `reason`; its open obligations are
/// cancelled. Returns how many. A day before the directive was issued is
/// refused unless `force` (not known while its issue date is unknown).
pub fn revoke(
    db: &dyn Db,
    directive: &Directive,
    on: NaiveDate,
    reason: &str,
    force: bool,
) -> Result<usize> {
    let reason = text(reason, Field::RevokeReason)?;
    refuse_revoked(db, directive)?;
    if let Some(issued) = directive.issued_on.filter(|issued| on < *issued && !force) {
        return Err(Error::DateOrder {
            rule: DateRule::RevokeBeforeIssue,
            date: on,
            limit: issued,
            subject: DateSubject::Directive(Box::new(directive.clone())),
        });
    }
    db.revoke_directive(directive.id, on, &reason, None)
}

/// Replaces `old` by `new` from `on` (default: the day `new` was issued);
/// the open obligations of `old` are cancelled with `reason`. Returns the
/// day and how many. A directive does not replace itself nor one that
/// replaces it (directly or through others); a day before `old` was issued
/// is refused unless `force`. With no day given, `new`'s issue date must be
/// known.
pub fn replace(
    db: &dyn Db,
    old: &Directive,
    new: &Directive,
    on: Option<NaiveDate>,
    reason: &str,
    force: bool,
) -> Result<(NaiveDate, usize)> {
    if old.id == new.id {
        return Err(Error::ReplaceItself {
            directive: Box::new(old.clone()),
        });
    }
    refuse_revoked(db, old)?;
    // Follow the replacements of `new`: reaching `old` closes a loop.
    let mut seen = vec![new.id];
    let mut next = db.replaced_by(new.id)?;
    while let Some(id) = next {
        if id == old.id {
            return Err(Error::ReplaceCycle {
                old: Box::new(old.clone()),
                new: Box::new(new.clone()),
            });
        }
        if seen.contains(&id) {
            break;
        }
        seen.push(id);
        next = db.replaced_by(id)?;
    }
    let Some(on) = on.or(new.issued_on) else {
        return Err(Error::ReplaceDateUnknown {
            new: Box::new(new.clone()),
        });
    };
    if let Some(issued) = old.issued_on.filter(|issued| on < *issued && !force) {
        return Err(Error::DateOrder {
            rule: DateRule::ReplaceBeforeIssue,
            date: on,
            limit: issued,
            subject: DateSubject::Directive(Box::new(old.clone())),
        });
    }
    let n = db.revoke_directive(old.id, on, reason, Some(new.id))?;
    Ok((on, n))
}

fn refuse_revoked(db: &dyn Db, directive: &Directive) -> Result<()> {
    match db.revoked_on(directive.id)? {
        Some(on) => Err(Error::RevokedAlready {
            directive: Box::new(directive.clone()),
            on,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::store::Storage;

    fn new(reference: &str) -> NewDirective<'_> {
        NewDirective {
            reference,
            doc_type: None,
            issuer: "Ban Thường vụ Thị ủy Sơn Tây",
            issued_on: Some(day("23/11/2023")),
            title: "trích yếu",
            secrecy: None,
            urgency: None,
        }
    }

    #[test]
    fn a_directive_is_recorded_once() -> Result<()> {
        let mut store = son_tay(false)?;
        let twice = change(&mut store, |db| add(db, &new("223-KH/TU")));
        assert!(
            matches!(twice, Err(Error::DirectiveExists { .. })),
            "{twice:?}"
        );
        let d = change(&mut store, |db| add(db, &new("44- QĐ/TU")))?;
        assert_eq!(d.symbol.as_deref(), Some("44-QĐ/TU"));
        Ok(())
    }

    #[test]
    fn a_bad_reference_says_what_is_wrong() -> Result<()> {
        let mut store = son_tay(false)?;
        for (input, want) in [
            ("223", SpecProblem::NeedsType),
            ("12-XX/TU", SpecProblem::UnknownType("XX".into())),
            ("hello", SpecProblem::Shape),
        ] {
            let refused = change(&mut store, |db| add(db, &new(input)));
            assert!(
                matches!(&refused, Err(Error::BadDirective { problem, .. }) if problem == &want),
                "{input}: {refused:?}"
            );
        }
        let empty = change(&mut store, |db| {
            add(
                db,
                &NewDirective {
                    title: " ",
                    ..new("45-QĐ/TU")
                },
            )
        });
        assert!(
            matches!(
                empty,
                Err(Error::EmptyText {
                    field: Field::Title
                })
            ),
            "{empty:?}"
        );
        Ok(())
    }

    #[test]
    fn a_directive_is_revoked_once() -> Result<()> {
        let mut store = son_tay(false)?;
        let n = change(&mut store, |db| {
            let d = resolve_directive(db, &DirectiveQuery::of("223"))?;
            revoke(db, &d, day("01/12/2023"), "thay thế", false)
        })?;
        assert_eq!(n, 4);
        let again = change(&mut store, |db| {
            let d = resolve_directive(db, &DirectiveQuery::of("223"))?;
            revoke(db, &d, day("02/12/2023"), "thay thế", false)
        });
        assert!(
            matches!(again, Err(Error::RevokedAlready { .. })),
            "{again:?}"
        );
        Ok(())
    }

    #[test]
    fn a_revocation_before_the_directive_needs_force() -> Result<()> {
        let mut store = son_tay(false)?;
        let early = change(&mut store, |db| {
            let d = resolve_directive(db, &DirectiveQuery::of("223"))?;
            revoke(db, &d, day("22/11/2023"), "hết hiệu lực", false)
        });
        assert!(
            matches!(
                early,
                Err(Error::DateOrder {
                    rule: DateRule::RevokeBeforeIssue,
                    ..
                })
            ),
            "{early:?}"
        );
        let n = change(&mut store, |db| {
            let d = resolve_directive(db, &DirectiveQuery::of("223"))?;
            revoke(db, &d, day("22/11/2023"), "hết hiệu lực", true)
        })?;
        assert_eq!(n, 4);
        Ok(())
    }

    #[test]
    fn replacements_make_no_loop_and_keep_to_time() -> Result<()> {
        let mut store = son_tay(false)?;
        let [a, b, c] = change(&mut store, |db| {
            Ok([
                resolve_directive(db, &DirectiveQuery::of("223"))?,
                add(db, &new("44-QĐ/TU"))?,
                add(
                    db,
                    &NewDirective {
                        issued_on: Some(day("01/11/2023")),
                        ..new("45-QĐ/TU")
                    },
                )?,
            ])
        })?;
        let itself = change(&mut store, |db| replace(db, &a, &a, None, "x", true));
        assert!(
            matches!(itself, Err(Error::ReplaceItself { .. })),
            "{itself:?}"
        );
        // C is older than A: from its day, A did not exist yet.
        let early = change(&mut store, |db| replace(db, &a, &c, None, "x", false));
        assert!(
            matches!(
                early,
                Err(Error::DateOrder {
                    rule: DateRule::ReplaceBeforeIssue,
                    ..
                })
            ),
            "{early:?}"
        );
        change(&mut store, |db| replace(db, &a, &b, None, "x", false))?;
        let back = change(&mut store, |db| replace(db, &b, &a, None, "x", true));
        assert!(matches!(back, Err(Error::ReplaceCycle { .. })), "{back:?}");
        change(&mut store, |db| {
            replace(db, &b, &c, Some(day("23/11/2023")), "x", false)
        })?;
        let round = change(&mut store, |db| replace(db, &c, &a, None, "x", true));
        assert!(
            matches!(round, Err(Error::ReplaceCycle { .. })),
            "{round:?}"
        );
        Ok(())
    }

    #[test]
    fn an_edit_onto_another_directive_is_refused_in_words() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| add(db, &new("44-QĐ/TU")))?;
        change(&mut store, |db| add(db, &new("45-QĐ/TU")))?;
        let onto = change(&mut store, |db| {
            edit(
                db,
                &DirectiveQuery::of("45-QĐ/TU"),
                &DirectiveEdit {
                    symbol: Some("44-QĐ/TU"),
                    ..DirectiveEdit::default()
                },
            )
        });
        assert!(
            matches!(&onto, Err(Error::DirectiveExists { existing }) if existing.symbol.as_deref() == Some("44-QĐ/TU")),
            "{onto:?}"
        );
        // Its own symbol, or another day, is no conflict.
        change(&mut store, |db| {
            edit(
                db,
                &DirectiveQuery::of("45-QĐ/TU"),
                &DirectiveEdit {
                    symbol: Some("45-QĐ/TU"),
                    title: Some("trích yếu mới"),
                    ..DirectiveEdit::default()
                },
            )
        })?;
        change(&mut store, |db| {
            edit(
                db,
                &DirectiveQuery::of("45-QĐ/TU"),
                &DirectiveEdit {
                    symbol: Some("44-QĐ/TU"),
                    issued_on: Some(day("24/11/2023")),
                    ..DirectiveEdit::default()
                },
            )
        })?;
        Ok(())
    }

    #[test]
    fn an_unknown_date_is_one_directive_and_checks_nothing() -> Result<()> {
        let mut store = son_tay(false)?;
        let undated = |reference| NewDirective {
            issued_on: None,
            ..new(reference)
        };
        let plan = change(&mut store, |db| add(db, &undated("Đề án số 35-ĐA/TU")))?;
        assert_eq!(
            (plan.doc_type, plan.symbol.as_deref(), plan.issued_on),
            (DocType::DeAn, Some("35-ĐA/TU"), None)
        );
        // The same issuer and symbol with no date: the same directive.
        let twice = change(&mut store, |db| add(db, &undated("35- ĐA/TU")));
        assert!(
            matches!(&twice, Err(Error::DirectiveExists { existing }) if existing.id == plan.id),
            "{twice:?}"
        );
        // With a date, another one.
        change(&mut store, |db| add(db, &new("35-ĐA/TU")))?;
        // No date to revoke before; a replacement by it needs a day.
        let old = resolve_directive(&*store.read(), &DirectiveQuery::of("223"))?;
        let no_day = change(&mut store, |db| replace(db, &old, &plan, None, "x", false));
        assert!(
            matches!(no_day, Err(Error::ReplaceDateUnknown { .. })),
            "{no_day:?}"
        );
        let plan_undated = change(&mut store, |db| {
            let d = db.directive(plan.id)?;
            revoke(db, &d, day("01/01/1990"), "hết hiệu lực", false)
        });
        assert!(plan_undated.is_ok(), "{plan_undated:?}");
        Ok(())
    }

    #[test]
    fn a_date_given_later_and_a_citation_keep_the_identity_rule() -> Result<()> {
        let mut store = son_tay(false)?;
        let undated = NewDirective {
            issued_on: None,
            ..new("Quy định số 44-QĐ/TU")
        };
        let rule = change(&mut store, |db| add(db, &undated))?;
        assert_eq!(rule.doc_type, DocType::QuyDinh);
        // Dated later; the one dated so already is the same document.
        change(&mut store, |db| add(db, &new("44-QĐ/TU")))?;
        let two = resolve_directive(&*store.read(), &DirectiveQuery::of("44-QĐ/TU"));
        assert!(matches!(two, Err(Error::Ambiguous { .. })), "{two:?}");
        change(&mut store, |db| {
            let d = db.directive(rule.id)?;
            let mut dated = d.clone();
            dated.issued_on = Some(day("24/11/2023"));
            db.update_directive(&dated)
        })?;
        // A citation given to `edit --symbol` states the type.
        let (_, edited) = change(&mut store, |db| {
            edit(
                db,
                &DirectiveQuery {
                    issued_on: Some(day("24/11/2023")),
                    ..DirectiveQuery::of("44-QĐ/TU")
                },
                &DirectiveEdit {
                    symbol: Some("Quyết định số 46-QĐ/TU"),
                    ..DirectiveEdit::default()
                },
            )
        })?;
        assert_eq!(
            (edited.doc_type, edited.symbol.as_deref()),
            (DocType::QuyetDinh, Some("46-QĐ/TU"))
        );
        Ok(())
    }
}

//! The catalog's words (`search_lexicon`, a materialized view) and how each query term is
//! searched: corrected to the most similar catalog word when no word starts with it,
//! matched exactly when it is a whole word, and noted when it names a brand.

use std::sync::Mutex;
use std::time::Instant;

use sea_orm::{ConnectionTrait, DbErr, Statement};

use super::LEXICON_MAX_AGE;
use super::query::needs_checking;
use crate::catalog::listing::TtlCache;

/// The lexicon was last refreshed by this process at this instant.
static LEXICON_REFRESHED: Mutex<Option<Instant>> = Mutex::new(None);

/// Rebuilds `search_lexicon` from the current catalog (without blocking readers). Call it
/// after bulk catalog changes (seeding, imports); [`super::search`] also calls it when this
/// process has not refreshed it for [`LEXICON_MAX_AGE`].
pub async fn refresh_lexicon(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_unprepared("REFRESH MATERIALIZED VIEW CONCURRENTLY search_lexicon")
        .await?;
    if let Ok(mut refreshed) = LEXICON_REFRESHED.lock() {
        *refreshed = Some(Instant::now());
    }
    Ok(())
}

/// Refreshes the lexicon when it is due. The first search to find it due claims the
/// refresh, so concurrent searches do not pile up refreshes; a failure is logged, and the
/// search goes on with the lexicon as it is.
pub(super) async fn keep_lexicon_fresh(db: &impl ConnectionTrait) {
    let due = match LEXICON_REFRESHED.lock() {
        Ok(mut refreshed) => {
            let due = refreshed.is_none_or(|at| at.elapsed() >= LEXICON_MAX_AGE);
            if due {
                *refreshed = Some(Instant::now());
            }
            due
        }
        Err(_) => false,
    };
    if due && let Err(error) = refresh_lexicon(db).await {
        tracing::warn!(%error, "could not refresh the search lexicon");
    }
}

/// How one query term is searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TermPlan {
    /// The catalog word searched instead of a misspelt term.
    pub(super) correction: Option<String>,
    /// Whether the term is a whole catalog word (up to its English stem): then it is
    /// matched exactly, which the GIN index answers without rechecking rows; otherwise
    /// (a word still being typed) as a prefix.
    pub(super) whole_word: bool,
    /// Whether a brand name has a word starting with the (corrected) term.
    pub(super) brand: bool,
}

/// How each term was last planned, so a search whose words were all seen in the last
/// [`LEXICON_MAX_AGE`] (the lexicon's own age bound) plans them without a statement.
/// Shoppers' queries reuse a small vocabulary: the catalog's words and their misspellings.
/// One per server (in `Services`); callers without one plan every term live.
#[derive(Clone, Debug)]
pub struct TermCache(TtlCache<String, TermPlan>);

impl TermCache {
    /// Terms held at most (then the expired ones, or all, are dropped).
    pub const CAPACITY: usize = 20_000;

    /// Terms held (expired ones included until evicted).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Default for TermCache {
    fn default() -> TermCache {
        TermCache(TtlCache::new(LEXICON_MAX_AGE, TermCache::CAPACITY))
    }
}

/// For each term, how to search it. A term of three or more characters (not a number)
/// that no catalog word starts with (nor its English stem) is corrected to the most
/// similar catalog word; one that is a whole catalog word is matched exactly. One
/// statement for all the terms not in `cache`.
pub(super) async fn plan_terms(
    db: &impl ConnectionTrait,
    cache: Option<&TermCache>,
    terms: &[String],
) -> Result<Vec<TermPlan>, DbErr> {
    let mut plans = vec![
        TermPlan {
            correction: None,
            whole_word: true,
            brand: false,
        };
        terms.len()
    ];
    let mut checked: Vec<String> = Vec::new();
    for (plan, term) in plans.iter_mut().zip(terms) {
        if !needs_checking(term) {
            continue;
        }
        match cache.and_then(|cache| cache.0.get(term)) {
            Some(cached) => *plan = cached,
            None => checked.push(term.clone()),
        }
    }
    if checked.is_empty() {
        return Ok(plans);
    }
    // The LIKE prefix narrows the lexicon (trigram index) before stems are compared; the
    // similarity lookup only runs for terms no catalog word starts with. Terms are
    // letters and digits only, so `|| ':*'` builds a valid prefix query.
    let sql = "SELECT t.term, k.known, k.whole_word, f.fixed, \
         EXISTS (SELECT 1 FROM brands b WHERE to_tsvector('simple', b.name) \
           @@ to_tsquery('simple', coalesce(f.fixed, t.term) || ':*')) AS brand \
         FROM unnest($1::text[]) AS t(term) \
         CROSS JOIN LATERAL (SELECT coalesce((ts_lexize('english_stem', t.term))[1], t.term) \
           AS stem) s \
         CROSS JOIN LATERAL (SELECT \
           EXISTS (SELECT 1 FROM search_lexicon l WHERE l.word LIKE s.stem || '%') AS known, \
           EXISTS (SELECT 1 FROM search_lexicon l WHERE l.word LIKE s.stem || '%' \
             AND coalesce((ts_lexize('english_stem', l.word))[1], l.word) = s.stem) \
             AS whole_word) k \
         CROSS JOIN LATERAL (SELECT CASE WHEN k.known THEN NULL ELSE \
           (SELECT l.word FROM search_lexicon l WHERE l.word % t.term \
            ORDER BY similarity(l.word, t.term) DESC, l.frequency DESC, l.word LIMIT 1) \
           END AS fixed) f";
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [checked.into()],
        ))
        .await?;
    for row in rows {
        let term: String = row.try_get("", "term")?;
        let Some(index) = terms.iter().position(|t| *t == term) else {
            continue;
        };
        let known: bool = row.try_get("", "known")?;
        let whole_word: bool = row.try_get("", "whole_word")?;
        let fixed: Option<String> = row.try_get("", "fixed")?;
        let brand: bool = row.try_get("", "brand")?;
        let plan = match fixed.filter(|word| *word != term) {
            // Corrections are catalog words, so whole words.
            Some(word) => TermPlan {
                correction: Some(word),
                whole_word: true,
                brand,
            },
            None => TermPlan {
                correction: None,
                whole_word: !known || whole_word,
                brand,
            },
        };
        if let Some(cache) = cache {
            cache.0.put(term, plan.clone());
        }
        plans[index] = plan;
    }
    Ok(plans)
}

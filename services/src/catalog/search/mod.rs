//! Storefront search: full-text over name, description, style tags and brand (and the
//! shopper's approved translations), typo tolerant, with instant suggestions.
//!
//! How a search runs ([`search`]), in three statements with bound parameters only:
//! 1. the query text is split into terms, and one statement plans them all: a term of
//!    three or more letters that no catalog word starts with is corrected to the most
//!    similar word of `search_lexicon` (a materialized view of catalog words, pg_trgm
//!    `%` / `similarity`), so "cashmer" and "chronograf" find cashmere and chronographs;
//!    whole words are matched exactly (the GIN index then needs no row rechecks), words
//!    still being typed as prefixes; terms naming a brand are noted;
//! 2. one statement finds the visible products matching every term (one AND-ed
//!    `tsquery` over the GIN-indexed document of name, tags and description; brand
//!    names; approved translations in the shopper's language), applies the filters,
//!    ranks, counts and decorates one page of cards;
//! 3. one `search_logs` row records the query, filters, count, time and method (committed
//!    without waiting for the WAL flush: it is analytics).
//!
//! Matches come back as data ([`Segment`]s of text flagged matched or not), never as HTML,
//! so the page renders them escaped, wrapping the matched ones in `<mark>`.
//!
//! The parts:
//! - `query`: the request ([`SearchQuery`], [`SearchFilters`]) and its terms;
//! - `lexicon`: the catalog words, typo correction and whole-word detection (step 1);
//! - `ranking`: the statements that match, rank and count products (step 2);
//! - `highlight`: matched runs of names and description snippets;
//! - `log`: the `search_logs` row and click tracking (step 3);
//! - `suggestions`: instant suggestions as the shopper types ([`suggest`]);
//! - `sql`: the SQL helpers the statements share.

mod fusion;
mod highlight;
mod lexicon;
mod log;
mod phrases;
mod query;
mod ranking;
mod semantic;
mod sql;
mod suggestions;

use std::time::{Duration, Instant};

use sea_orm::prelude::Uuid;
use sea_orm::{ConnectionTrait, DbErr, TransactionTrait};

use super::listing::{ListingQueryError, ProductCard};
use crate::analytics::Analytics;

pub use highlight::{Segment, highlight, snippet};
pub use lexicon::{TermCache, refresh_lexicon};
pub use log::{record_search_click, write_search_logs};
pub use phrases::{Department, MAX_PHRASES, ParsedQuery, Phrase, PhraseFilter, parse_phrases};
pub use query::{SearchFilters, SearchMode, SearchQuery, normalize_query, terms};
pub use semantic::{Fusion, QueryEmbeddings, Semantic};
pub use suggestions::{Suggestion, SuggestionKind, suggest};

use fusion::{Fused, fused_page};
use lexicon::{keep_lexicon_fresh, plan_terms};
use log::search_log;
use query::is_stop_word;
use ranking::{MatchTerm, card, results_page};
use semantic::sku_tokens;

/// Longest query text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Terms beyond this many are ignored.
pub const MAX_TERMS: usize = 8;
/// Largest page of results.
pub const MAX_LIMIT: u32 = 48;
/// Furthest a results page may start (deeper pages are refused, not scanned).
pub const MAX_OFFSET: u32 = 2_000;
/// Most suggestions [`suggest`] returns.
pub const MAX_SUGGESTIONS: u32 = 10;
/// Shortest prefix [`suggest`] looks up (brands and categories only below
/// [`MIN_PRODUCT_SUGGEST_CHARS`]).
pub const MIN_SUGGEST_CHARS: usize = 2;
/// Shortest prefix that suggests products: below three characters the trigram index
/// cannot narrow 10,000 names.
pub const MIN_PRODUCT_SUGGEST_CHARS: usize = 3;
/// Shortest prefix matched by word similarity too (typo tolerance); shorter ones only by
/// containment, since a few letters are "similar" to too many words.
pub const MIN_FUZZY_SUGGEST_CHARS: usize = 4;
/// How long the lexicon may go without a refresh before a search refreshes it.
pub const LEXICON_MAX_AGE: Duration = Duration::from_secs(300);

/// Why a search was refused. The messages are shown to the shopper as they are.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("Please type what you are looking for.")]
    Empty,
    #[error("Your search is too long: please use at most {MAX_QUERY_CHARS} characters.")]
    TooLong,
    #[error("Please search with words or numbers.")]
    NoWords,
    #[error("We could not apply these filters: {0}.")]
    Filter(#[from] ListingQueryError),
    #[error("This results page is not valid; please start the search again.")]
    BadCursor,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// One result: the card (in the query's language) and where the query matched it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub card: ProductCard,
    /// The card's name, split into matched and unmatched runs.
    pub name: Vec<Segment>,
    /// The brand name, split likewise (empty without a brand).
    pub brand: Vec<Segment>,
    /// A short excerpt of the description around its first match, if it has one.
    pub snippet: Option<Vec<Segment>>,
    /// 1-based rank in the whole result list (for click positions).
    pub position: u32,
}

/// A misspelt term and the catalog word searched instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// The normalized query text (trimmed, single spaces).
    pub query: String,
    pub products: Vec<SearchHit>,
    /// Matching products in all pages.
    pub total: u64,
    /// The corrected terms, in query order (empty when nothing was corrected).
    pub corrections: Vec<Correction>,
    /// "Showing results for ...": the query with corrections applied, when there were any.
    pub showing_results_for: Option<String>,
    /// The filters written into the query ("under $500", "in black"), applied.
    pub phrases: Vec<Phrase>,
    pub next_cursor: Option<String>,
    /// The `search_logs` row of this search (for click tracking).
    pub log_id: Uuid,
}

/// Searches the visible catalog by full text. See the module documentation for how.
pub async fn search<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    analytics: &Analytics,
    query: &SearchQuery,
) -> Result<SearchResults, SearchError> {
    search_with(db, analytics, None, None, query).await
}

/// [`search`], planning the terms through `terms` (see [`TermCache`]).
pub async fn search_cached<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    analytics: &Analytics,
    terms_cache: Option<&TermCache>,
    query: &SearchQuery,
) -> Result<SearchResults, SearchError> {
    search_with(db, analytics, terms_cache, None, query).await
}

/// [`search_cached`] in the query's [`SearchMode`]: hybrid and vector searches embed the
/// query through `semantic` (falling back to full text, logged, if the model fails).
pub async fn search_semantic<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    analytics: &Analytics,
    terms_cache: Option<&TermCache>,
    semantic: &Semantic<'_>,
    query: &SearchQuery,
) -> Result<SearchResults, SearchError> {
    search_with(db, analytics, terms_cache, Some(semantic), query).await
}

async fn search_with<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    analytics: &Analytics,
    terms_cache: Option<&TermCache>,
    semantic: Option<&Semantic<'_>>,
    query: &SearchQuery,
) -> Result<SearchResults, SearchError> {
    let started = Instant::now();
    let text = normalize_query(&query.text)?;
    let parsed = parse_phrases(&text);
    let mode = match semantic {
        Some(_) => query.mode,
        None => SearchMode::Lexical,
    };
    let skus = match mode {
        SearchMode::Hybrid => sku_tokens(&parsed.rest),
        _ => Vec::new(),
    };
    let searched = parsed
        .rest
        .split(' ')
        .filter(|word| !sku_tokens(word).iter().any(|sku| skus.contains(sku)))
        .collect::<Vec<_>>()
        .join(" ");
    let filters = query.filters.with_phrases(&parsed.phrases);
    let original = terms(&searched);
    if original.is_empty() && parsed.phrases.is_empty() && skus.is_empty() {
        return Err(SearchError::NoWords);
    }
    if query.offset > MAX_OFFSET {
        return Err(SearchError::BadCursor);
    }
    let query = &SearchQuery {
        filters,
        ..query.clone()
    };
    let limit = query.limit.clamp(1, MAX_LIMIT);
    keep_lexicon_fresh(db).await;
    let plans = plan_terms(db, terms_cache, &original).await?;
    let mut corrections_made = Vec::new();
    let mut effective = Vec::with_capacity(original.len());
    let mut matching = Vec::with_capacity(original.len());
    for (term, plan) in original.iter().zip(plans) {
        let term = match plan.correction {
            Some(word) => {
                corrections_made.push(Correction {
                    from: term.clone(),
                    to: word.clone(),
                });
                word
            }
            None => term.clone(),
        };
        if !is_stop_word(&term) {
            matching.push(MatchTerm {
                term: term.clone(),
                whole_word: plan.whole_word,
                brand: plan.brand,
            });
        }
        effective.push(term);
    }
    let showing_results_for = (!corrections_made.is_empty()).then(|| effective.join(" "));

    // The embedding of what was meant: the text as typed, or with its corrections.
    let embedding = match (semantic, mode) {
        (Some(semantic), SearchMode::Hybrid | SearchMode::Vector) if !original.is_empty() => {
            let meant = showing_results_for.as_deref().unwrap_or(&searched);
            match semantic.embed(meant).await {
                Ok(vector) => Some(vector),
                Err(error) => {
                    tracing::warn!(%error, "could not embed a search; searching full text only");
                    None
                }
            }
        }
        _ => None,
    };
    let fusion = semantic.map(|semantic| semantic.fusion).unwrap_or_default();
    let fused = |terms, exact_first| Fused {
        query,
        terms,
        embedding: embedding.as_deref(),
        skus: &skus,
        text: &searched,
        fusion: Fusion {
            exact_first,
            ..fusion
        },
        limit,
    };
    let (method, (rows, total)) = match (mode, &embedding) {
        (SearchMode::Vector, Some(_)) => ("vector", fused_page(db, &fused(None, false)).await?),
        (SearchMode::Hybrid, _) => {
            let method = if embedding.is_some() {
                "hybrid"
            } else {
                "fulltext"
            };
            (
                method,
                fused_page(db, &fused(Some(&matching), fusion.exact_first)).await?,
            )
        }
        _ if !matching.is_empty() => ("fulltext", results_page(db, query, &matching, limit).await?),
        // All phrases ("black under $300"): the filtered pieces.
        _ if !query.filters.is_empty() => {
            ("fulltext", fused_page(db, &fused(Some(&[]), false)).await?)
        }
        _ => ("fulltext", (Vec::new(), 0)),
    };

    let mut products = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        let card = card(row)?;
        let description: Option<String> = row.try_get("", "description")?;
        products.push(SearchHit {
            name: highlight(&card.name, &effective),
            brand: card
                .brand_name
                .as_deref()
                .map(|brand| highlight(brand, &effective))
                .unwrap_or_default(),
            snippet: description
                .as_deref()
                .and_then(|description| snippet(description, &effective)),
            position: query.offset + index as u32 + 1,
            card,
        });
    }
    let end = u64::from(query.offset) + products.len() as u64;
    let next_cursor = (end < total && end <= u64::from(MAX_OFFSET)).then(|| end.to_string());
    let method = if corrections_made.is_empty() {
        method.to_string()
    } else {
        format!("{method}+typo")
    };
    let elapsed = started.elapsed().as_millis().min(i32::MAX as u128) as i32;
    let log = search_log(query, &text, total, elapsed, &method);
    let log_id = log.id;
    analytics.search(log);
    Ok(SearchResults {
        query: text,
        products,
        total,
        corrections: corrections_made,
        showing_results_for,
        phrases: parsed.phrases,
        next_cursor,
        log_id,
    })
}

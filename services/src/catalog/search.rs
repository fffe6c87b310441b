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

use std::sync::Mutex;
use std::time::{Duration, Instant};

use sea_orm::prelude::{Decimal, Uuid};
use sea_orm::{
    ConnectionTrait, DbErr, QueryResult, Statement, TransactionSession, TransactionTrait, Value,
};

use super::listing::{Lang, ListingQuery, ListingQueryError, ProductCard};

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

/// The filters a search can be narrowed by (a subset of the listing's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchFilters {
    /// Category slug; its child categories are included.
    pub category: Option<String>,
    /// Brand slug.
    pub brand: Option<String>,
    pub min_price: Option<Decimal>,
    pub max_price: Option<Decimal>,
    pub in_stock: bool,
}

impl SearchFilters {
    /// The search-relevant filters of a parsed listing query.
    pub fn from_listing(query: &ListingQuery) -> SearchFilters {
        SearchFilters {
            category: query.category.clone(),
            brand: query.brand.clone(),
            min_price: query.min_price,
            max_price: query.max_price,
            in_stock: query.in_stock,
        }
    }

    /// The filters as the JSON object stored in `search_logs.filters` (`None` when unset).
    pub fn to_json(&self) -> Option<serde_json::Value> {
        let mut map = serde_json::Map::new();
        if let Some(category) = &self.category {
            map.insert("category".into(), category.clone().into());
        }
        if let Some(brand) = &self.brand {
            map.insert("brand".into(), brand.clone().into());
        }
        if let Some(min) = self.min_price {
            map.insert("min_price".into(), min.to_string().into());
        }
        if let Some(max) = self.max_price {
            map.insert("max_price".into(), max.to_string().into());
        }
        if self.in_stock {
            map.insert("in_stock".into(), true.into());
        }
        (!map.is_empty()).then_some(serde_json::Value::Object(map))
    }

    fn is_empty(&self) -> bool {
        *self == SearchFilters::default()
    }
}

/// One search request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchQuery {
    /// What the shopper typed (validated by [`search`]: not blank, at most
    /// [`MAX_QUERY_CHARS`]).
    pub text: String,
    pub filters: SearchFilters,
    /// Language of names and descriptions (and of the translations searched).
    pub lang: Option<Lang>,
    /// Where the page starts (from [`SearchResults::next_cursor`]).
    pub offset: u32,
    /// Page size, clamped to `1..=MAX_LIMIT`.
    pub limit: u32,
    /// Who searched, for the log.
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
}

impl SearchQuery {
    /// Parses decoded query-string pairs: `q`, `cursor`, `lang` and the filters `category`,
    /// `brand`, `min_price`, `max_price`, `in_stock` (parsed as the listing parses them).
    /// Other keys are ignored. The text is validated by [`search`], not here.
    pub fn from_pairs(pairs: &[(String, String)], limit: u32) -> Result<SearchQuery, SearchError> {
        let mut text = String::new();
        let mut cursor = None;
        let mut listing_pairs = Vec::new();
        for (key, value) in pairs {
            match key.as_str() {
                "q" => text = value.clone(),
                "cursor" if !value.is_empty() => cursor = Some(value.as_str()),
                "category" | "brand" | "min_price" | "max_price" | "in_stock" | "lang" => {
                    listing_pairs.push((key.clone(), value.clone()))
                }
                _ => {}
            }
        }
        let listing = ListingQuery::from_pairs(&listing_pairs)?;
        Ok(SearchQuery {
            text,
            filters: SearchFilters::from_listing(&listing),
            lang: listing.lang,
            offset: cursor.map(decode_cursor).transpose()?.unwrap_or(0),
            limit,
            user_id: None,
            session_id: None,
        })
    }
}

/// A results-page cursor: the offset, as digits.
fn decode_cursor(text: &str) -> Result<u32, SearchError> {
    match text.parse::<u32>() {
        Ok(offset) if offset <= MAX_OFFSET && text.chars().all(|ch| ch.is_ascii_digit()) => {
            Ok(offset)
        }
        _ => Err(SearchError::BadCursor),
    }
}

/// A run of text, matched by the query or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
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
    pub next_cursor: Option<String>,
    /// The `search_logs` row of this search (for click tracking).
    pub log_id: Uuid,
}

/// What a suggestion points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    Product,
    Brand,
    Category,
}

impl SuggestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionKind::Product => "product",
            SuggestionKind::Brand => "brand",
            SuggestionKind::Category => "category",
        }
    }
}

/// One instant suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub label: String,
    /// Where choosing it goes, e.g. `/products/ivory-silk-gown`.
    pub href: String,
    /// The label, split into matched and unmatched runs.
    pub segments: Vec<Segment>,
}

/// Trims and collapses whitespace; refuses blank and over-long text.
pub fn normalize_query(text: &str) -> Result<String, SearchError> {
    let normalized = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if normalized.is_empty() {
        return Err(SearchError::Empty);
    }
    if normalized.chars().count() > MAX_QUERY_CHARS {
        return Err(SearchError::TooLong);
    }
    Ok(normalized)
}

/// The query's terms: runs of letters and digits, lowercased, without repeats, at most
/// [`MAX_TERMS`].
pub fn terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let word = word.to_lowercase();
        if !terms.contains(&word) {
            terms.push(word);
        }
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// English words the full-text configuration ignores; they never narrow a search.
const STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "the", "this", "to", "with", "without", "was", "were", "will",
];

fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.contains(&term)
}

/// Lowercase with the common Latin accents removed, for matching "Étoile" with "etoile".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|ch| match ch {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// Whether a word of the text counts as a match for one of the (folded) terms: it starts
/// with the term ("cashmere" for "cash"), or the term starts with it and it has at least
/// three letters ("dress" for "dresses").
fn word_matches(word: &str, terms: &[String]) -> bool {
    let word = fold(word);
    terms.iter().any(|term| {
        word.starts_with(term.as_str()) || (word.chars().count() >= 3 && term.starts_with(&word))
    })
}

/// Splits `text` into runs matched by `terms` or not; adjacent runs of the same kind are
/// merged, and the runs' texts concatenate back to `text`.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Segment> {
    let terms: Vec<String> = terms
        .iter()
        .map(|term| fold(term))
        .filter(|term| !term.is_empty())
        .collect();
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |piece: &str, matched: bool| {
        if piece.is_empty() {
            return;
        }
        match segments.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(piece),
            _ => segments.push(Segment {
                text: piece.to_string(),
                matched,
            }),
        }
    };
    let mut start = 0;
    let mut in_word = false;
    for (index, ch) in text.char_indices() {
        let alnum = ch.is_alphanumeric();
        if alnum && !in_word {
            push(&text[start..index], false);
            start = index;
            in_word = true;
        } else if !alnum && in_word {
            let word = &text[start..index];
            push(word, word_matches(word, &terms));
            start = index;
            in_word = false;
        }
    }
    let rest = &text[start..];
    push(rest, in_word && word_matches(rest, &terms));
    segments
}

/// Characters of description shown around the first match.
const SNIPPET_CHARS: usize = 160;

/// An excerpt of `text` of about [`SNIPPET_CHARS`] characters around its first matched
/// word, cut at word boundaries with "…" where cut; `None` when nothing in it matches.
pub fn snippet(text: &str, terms: &[String]) -> Option<Vec<Segment>> {
    let segments = highlight(text, terms);
    let first = segments.iter().position(|segment| segment.matched)?;
    let before: usize = segments[..first]
        .iter()
        .map(|segment| segment.text.chars().count())
        .sum();
    let chars: Vec<char> = text.chars().collect();
    // Start a little before the match, at a word boundary.
    let mut from = before.saturating_sub(SNIPPET_CHARS / 4);
    while from > 0 && from < before && !chars[from - 1].is_whitespace() {
        from += 1;
    }
    let mut to = (from + SNIPPET_CHARS).min(chars.len());
    while to < chars.len() && to > before && !chars[to].is_whitespace() {
        to -= 1;
    }
    let excerpt: String = chars[from..to].iter().collect();
    let mut segments = highlight(excerpt.trim(), terms);
    if from > 0 {
        segments.insert(
            0,
            Segment {
                text: "…".into(),
                matched: false,
            },
        );
    }
    if to < chars.len() {
        segments.push(Segment {
            text: "…".into(),
            matched: false,
        });
    }
    Some(merge(segments))
}

fn merge(segments: Vec<Segment>) -> Vec<Segment> {
    let mut merged: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        match merged.last_mut() {
            Some(last) if last.matched == segment.matched => last.text.push_str(&segment.text),
            _ => merged.push(segment),
        }
    }
    merged
}

/// `term:*` for `to_tsquery`: terms are letters and digits only, so nothing in them is
/// tsquery syntax (and the text is bound as a parameter anyway).
fn prefix_query(term: &str) -> String {
    format!("{term}:*")
}

/// Collects bound values and hands out their `$n` placeholders.
#[derive(Default)]
struct Binder {
    values: Vec<Value>,
}

impl Binder {
    fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    fn statement(self, db: &impl ConnectionTrait, sql: String) -> Statement {
        Statement::from_sql_and_values(db.get_database_backend(), sql, self.values)
    }
}

const VISIBLE: &str = super::storefront_visible!();

const IN_STOCK: &str = "EXISTS (SELECT 1 FROM product_variants sv WHERE sv.product_id = p.id \
     AND sv.is_available AND sv.inventory_quantity - sv.inventory_reserved > 0)";

/// The document the GIN index `idx_products_search` is built on (migration 14).
const DOCUMENT: &str = "product_search_document(p.name, p.description, p.style_tags)";

/// The language whose approved translations are searched and shown, if not English.
fn translated(lang: Option<Lang>) -> Option<Lang> {
    lang.filter(|lang| *lang != Lang::En)
}

/// `AND ...` conditions for the filters.
fn filter_conditions(filters: &SearchFilters, binder: &mut Binder) -> String {
    let mut sql = String::new();
    if let Some(slug) = &filters.category {
        let slug = binder.bind(slug.clone());
        sql.push_str(&format!(
            " AND p.category_id IN (SELECT fc.id FROM categories fc WHERE fc.slug = {slug} \
             OR fc.parent_id IN (SELECT fp.id FROM categories fp WHERE fp.slug = {slug}))"
        ));
    }
    if let Some(slug) = &filters.brand {
        sql.push_str(&format!(
            " AND p.brand_id IN (SELECT fb.id FROM brands fb WHERE fb.slug = {})",
            binder.bind(slug.clone())
        ));
    }
    if let Some(min) = filters.min_price {
        sql.push_str(&format!(" AND p.price >= {}", binder.bind(min)));
    }
    if let Some(max) = filters.max_price {
        sql.push_str(&format!(" AND p.price <= {}", binder.bind(max)));
    }
    if filters.in_stock {
        sql.push_str(" AND ");
        sql.push_str(IN_STOCK);
    }
    sql
}

/// A term as the results query matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MatchTerm {
    term: String,
    whole_word: bool,
    /// A brand name has a word starting with it.
    brand: bool,
}

impl MatchTerm {
    /// The term for `to_tsquery('english', ..)`: exact for whole words, else a prefix.
    fn english(&self) -> String {
        if self.whole_word {
            self.term.clone()
        } else {
            prefix_query(&self.term)
        }
    }
}

/// The WHERE clause (over products `p`) for visible products matching every term and the
/// filters. Terms no brand name contains go into one AND-ed query over the document
/// (name, tags, description), which the GIN index answers in a single scan without
/// rechecking rows; for French and Italian, approved translations matching all of them
/// count too. A term naming a brand matches the brand's pieces or the document (the brand
/// lookup is an init-plan yielding ids, so the brand index can answer it).
fn match_conditions(query: &SearchQuery, terms: &[MatchTerm], binder: &mut Binder) -> String {
    let mut sql = VISIBLE.to_string();
    let plain: Vec<&MatchTerm> = terms.iter().filter(|term| !term.brand).collect();
    if !plain.is_empty() {
        let english = plain
            .iter()
            .map(|term| term.english())
            .collect::<Vec<_>>()
            .join(" & ");
        sql.push_str(&format!(
            " AND ({DOCUMENT} @@ to_tsquery('english', {})",
            binder.bind(english)
        ));
        if let Some(lang) = translated(query.lang) {
            let simple = plain
                .iter()
                .map(|term| prefix_query(&term.term))
                .collect::<Vec<_>>()
                .join(" & ");
            sql.push_str(&format!(
                " OR p.id = ANY(ARRAY(SELECT t.product_id FROM product_translations t \
                   WHERE t.status = 'APPROVED' AND t.language_code = {} \
                   AND to_tsvector('simple', coalesce(t.name, '') || ' ' \
                     || coalesce(t.description, '')) @@ to_tsquery('simple', {})))",
                binder.bind(lang.code()),
                binder.bind(simple)
            ));
        }
        sql.push(')');
    }
    for term in terms.iter().filter(|term| term.brand) {
        let simple = binder.bind(prefix_query(&term.term));
        let english = binder.bind(term.english());
        sql.push_str(&format!(
            " AND (p.brand_id = ANY(ARRAY(SELECT b.id FROM brands b \
               WHERE to_tsvector('simple', b.name) @@ to_tsquery('simple', {simple}))) \
             OR {DOCUMENT} @@ to_tsquery('english', {english}))"
        ));
    }
    sql.push_str(&filter_conditions(&query.filters, binder));
    sql
}

/// A `LIKE` pattern finding the term (or its plural's singular) inside a name.
fn name_pattern(term: &str) -> String {
    let stem = if term.chars().count() > 4 && term.ends_with("es") {
        &term[..term.len() - 2]
    } else if term.chars().count() > 3 && term.ends_with('s') {
        &term[..term.len() - 1]
    } else {
        term
    };
    format!("%{}%", like_escape(stem))
}

/// The lexicon was last refreshed by this process at this instant.
static LEXICON_REFRESHED: Mutex<Option<Instant>> = Mutex::new(None);

/// Rebuilds `search_lexicon` from the current catalog (without blocking readers). Call it
/// after bulk catalog changes (seeding, imports); [`search`] also calls it when this
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
async fn keep_lexicon_fresh(db: &impl ConnectionTrait) {
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
struct TermPlan {
    /// The catalog word searched instead of a misspelt term.
    correction: Option<String>,
    /// Whether the term is a whole catalog word (up to its English stem): then it is
    /// matched exactly, which the GIN index answers without rechecking rows; otherwise
    /// (a word still being typed) as a prefix.
    whole_word: bool,
    /// Whether a brand name has a word starting with the (corrected) term.
    brand: bool,
}

/// For each term, how to search it. A term of three or more characters (not a number)
/// that no catalog word starts with (nor its English stem) is corrected to the most
/// similar catalog word; one that is a whole catalog word is matched exactly. One
/// statement for all the terms.
async fn plan_terms(db: &impl ConnectionTrait, terms: &[String]) -> Result<Vec<TermPlan>, DbErr> {
    let mut plans = vec![
        TermPlan {
            correction: None,
            whole_word: true,
            brand: false,
        };
        terms.len()
    ];
    let checked: Vec<String> = terms
        .iter()
        .filter(|term| needs_checking(term))
        .cloned()
        .collect();
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
        plans[index] = match fixed.filter(|word| *word != term) {
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
    }
    Ok(plans)
}

fn needs_checking(term: &str) -> bool {
    term.chars().count() >= 3 && !term.chars().all(|ch| ch.is_ascii_digit())
}

/// Searches the visible catalog. See the module documentation for how.
pub async fn search(
    db: &(impl ConnectionTrait + TransactionTrait),
    query: &SearchQuery,
) -> Result<SearchResults, SearchError> {
    let started = Instant::now();
    let text = normalize_query(&query.text)?;
    let original = terms(&text);
    if original.is_empty() {
        return Err(SearchError::NoWords);
    }
    if query.offset > MAX_OFFSET {
        return Err(SearchError::BadCursor);
    }
    let limit = query.limit.clamp(1, MAX_LIMIT);
    keep_lexicon_fresh(db).await;
    let plans = plan_terms(db, &original).await?;
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

    let (rows, total) = if matching.is_empty() {
        (Vec::new(), 0)
    } else {
        results_page(db, query, &matching, limit).await?
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
        "fulltext"
    } else {
        "fulltext+typo"
    };
    let elapsed = started.elapsed().as_millis().min(i32::MAX as u128) as i32;
    let log_id = log_search(db, query, &text, total, elapsed, method).await?;
    Ok(SearchResults {
        query: text,
        products,
        total,
        corrections: corrections_made,
        showing_results_for,
        next_cursor,
        log_id,
    })
}

/// One page of matching cards, best first, and the number of matches.
async fn results_page(
    db: &impl ConnectionTrait,
    query: &SearchQuery,
    terms: &[MatchTerm],
    limit: u32,
) -> Result<(Vec<QueryResult>, u64), DbErr> {
    let mut binder = Binder::default();
    let conditions = match_conditions(query, terms, &mut binder);
    // Rank: how many terms the name contains (cheap on every match, unlike ranking the
    // whole document); featured and popular pieces break ties.
    let rank = terms
        .iter()
        .map(|term| {
            format!(
                "(lower(p.name) LIKE {})::int",
                binder.bind(name_pattern(&term.term))
            )
        })
        .collect::<Vec<_>>()
        .join(" + ");
    let (name, description, translation_join) = match translated(query.lang) {
        Some(lang) => (
            "COALESCE(t.name, p.name)",
            "COALESCE(t.description, p.description)",
            format!(
                "LEFT JOIN product_translations t ON t.product_id = p.id \
                 AND t.language_code = {} AND t.status = 'APPROVED'",
                binder.bind(lang.code())
            ),
        ),
        None => ("p.name", "p.description", String::new()),
    };
    let limit = binder.bind(i64::from(limit));
    let offset = binder.bind(i64::from(query.offset));
    let sql = format!(
        "WITH ranked AS ( \
           SELECT p.id, {rank} AS rank, p.is_featured, p.purchase_count, \
             count(*) OVER () AS total \
           FROM products p WHERE {conditions} \
           ORDER BY rank DESC, p.is_featured DESC, p.purchase_count DESC, p.id \
           LIMIT {limit} OFFSET {offset}) \
         SELECT p.id, p.slug, {name} AS name, {description} AS description, \
           b.name AS brand_name, p.price, p.compare_at_price, p.currency, \
           m.url AS image_url, m.alt_text AS image_alt, r.avg_rating, r.review_count, \
           {IN_STOCK} AS in_stock, k.total \
         FROM ranked k JOIN products p ON p.id = k.id \
         LEFT JOIN brands b ON b.id = p.brand_id \
         LEFT JOIN LATERAL (SELECT round(avg(rv.rating), 4) AS avg_rating, \
           count(*) AS review_count FROM reviews rv \
           WHERE rv.product_id = p.id AND rv.status = 'APPROVED') r ON TRUE \
         LEFT JOIN LATERAL (SELECT pm.url, pm.alt_text FROM product_media pm \
           WHERE pm.product_id = p.id \
           ORDER BY pm.is_primary DESC, pm.display_order, pm.id LIMIT 1) m ON TRUE \
         {translation_join} \
         ORDER BY k.rank DESC, k.is_featured DESC, k.purchase_count DESC, p.id"
    );
    let rows = db.query_all_raw(binder.statement(db, sql)).await?;
    let total = match rows.first() {
        Some(row) => count(row, "total")?,
        None if query.offset > 0 => count_matches(db, query, terms).await?,
        None => 0,
    };
    Ok((rows, total))
}

/// The number of matches alone (for a page past the end).
async fn count_matches(
    db: &impl ConnectionTrait,
    query: &SearchQuery,
    terms: &[MatchTerm],
) -> Result<u64, DbErr> {
    let mut binder = Binder::default();
    let conditions = match_conditions(query, terms, &mut binder);
    let sql = format!("SELECT count(*) AS total FROM products p WHERE {conditions}");
    match db.query_one_raw(binder.statement(db, sql)).await? {
        Some(row) => count(&row, "total"),
        None => Ok(0),
    }
}

fn count(row: &QueryResult, column: &str) -> Result<u64, DbErr> {
    Ok(row.try_get::<i64>("", column)?.max(0) as u64)
}

fn card(row: &QueryResult) -> Result<ProductCard, DbErr> {
    Ok(ProductCard {
        id: row.try_get("", "id")?,
        slug: row.try_get("", "slug")?,
        name: row.try_get("", "name")?,
        brand_name: row.try_get("", "brand_name")?,
        price: row.try_get("", "price")?,
        compare_at_price: row.try_get("", "compare_at_price")?,
        currency: row.try_get("", "currency")?,
        image_url: row.try_get("", "image_url")?,
        image_alt: row.try_get("", "image_alt")?,
        average_rating: row.try_get("", "avg_rating")?,
        review_count: count(row, "review_count")?,
        in_stock: row.try_get("", "in_stock")?,
    })
}

/// Writes the search's `search_logs` row and returns its id. The row is analytics, so its
/// commit does not wait for the WAL flush (`synchronous_commit = off` for this transaction
/// only): a crash may lose the last fraction of a second of logs, never corrupt them, and
/// no search waits on a disk flush.
async fn log_search(
    db: &(impl ConnectionTrait + TransactionTrait),
    query: &SearchQuery,
    text: &str,
    total: u64,
    response_time_ms: i32,
    method: &str,
) -> Result<Uuid, DbErr> {
    let id = Uuid::new_v4();
    let filters = query
        .filters
        .to_json()
        .filter(|_| !query.filters.is_empty());
    let txn = db.begin().await?;
    txn.execute_unprepared("SET LOCAL synchronous_commit = off")
        .await?;
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "INSERT INTO search_logs (id, user_id, session_id, query, filters, results_count, \
         response_time_ms, search_method) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [
            id.into(),
            query.user_id.into(),
            query.session_id.into(),
            text.to_string().into(),
            filters.into(),
            (total.min(i32::MAX as u64) as i32).into(),
            response_time_ms.into(),
            method.to_string().into(),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Records that the shopper opened `product_id` from the results of search `log_id`, at
/// `position` (1-based) when known. Only the first click of a search is kept; returns
/// whether this one was recorded (false for an unknown log or product, or a second click).
pub async fn record_search_click(
    db: &impl ConnectionTrait,
    log_id: Uuid,
    product_id: Uuid,
    position: Option<i32>,
) -> Result<bool, DbErr> {
    let result = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "UPDATE search_logs SET clicked_product_id = $2, clicked_position = $3 \
             WHERE id = $1 AND clicked_product_id IS NULL \
             AND EXISTS (SELECT 1 FROM products WHERE id = $2)",
            [
                log_id.into(),
                product_id.into(),
                position.filter(|position| *position > 0).into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// `LIKE` pattern text with its wildcards escaped (backslash is the default escape).
fn like_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    escaped
}

/// Instant suggestions for what the shopper has typed so far: visible products (by name in
/// `lang`, else the base name), brands with visible products, and active categories, whose
/// names contain the text or a word close to it (pg_trgm word similarity, so small typos
/// still suggest). Names starting with the text come first. Fewer than
/// [`MIN_SUGGEST_CHARS`] characters suggest nothing; products need
/// [`MIN_PRODUCT_SUGGEST_CHARS`], typo tolerance [`MIN_FUZZY_SUGGEST_CHARS`].
pub async fn suggest(
    db: &impl ConnectionTrait,
    prefix: &str,
    lang: Option<Lang>,
    limit: u32,
) -> Result<Vec<Suggestion>, DbErr> {
    let text = prefix.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.to_lowercase();
    if text.chars().count() < MIN_SUGGEST_CHARS || text.chars().count() > MAX_QUERY_CHARS {
        return Ok(Vec::new());
    }
    let limit = i64::from(limit.clamp(1, MAX_SUGGESTIONS));
    let mut binder = Binder::default();
    let contains = binder.bind(format!("%{}%", like_escape(&text)));
    let starts = binder.bind(format!("{}%", like_escape(&text)));
    let word_starts = binder.bind(format!("% {}%", like_escape(&text)));
    let chars = text.chars().count();
    let side = binder.bind((limit / 3).max(2));
    let limit_bound = binder.bind(if chars >= MIN_PRODUCT_SUGGEST_CHARS {
        limit
    } else {
        0
    });
    let tier = |column: &str| {
        format!(
            "CASE WHEN lower({column}) LIKE {starts} THEN 0 \
             WHEN lower({column}) LIKE {word_starts} THEN 1 \
             WHEN lower({column}) LIKE {contains} THEN 2 ELSE 3 END"
        )
    };
    let fuzzy = (chars >= MIN_FUZZY_SUGGEST_CHARS).then(|| binder.bind(text.clone()));
    let close = |column: &str| match &fuzzy {
        Some(raw) => format!("(lower({column}) LIKE {contains} OR {raw} <% lower({column}))"),
        None => format!("lower({column}) LIKE {contains}"),
    };
    let (name, matching_ids, translation_join) = match translated(lang) {
        Some(lang) => {
            let lang = binder.bind(lang.code());
            (
                "COALESCE(t.name, p.name)",
                format!(
                    "SELECT mp.id FROM products mp WHERE mp.deleted_at IS NULL AND {} \
                     UNION SELECT mt.product_id FROM product_translations mt \
                     WHERE mt.status = 'APPROVED' AND mt.language_code = {lang} AND {}",
                    close("mp.name"),
                    close("mt.name")
                ),
                format!(
                    "LEFT JOIN product_translations t ON t.product_id = p.id \
                     AND t.language_code = {lang} AND t.status = 'APPROVED'"
                ),
            )
        }
        None => (
            "p.name",
            format!(
                "SELECT mp.id FROM products mp WHERE mp.deleted_at IS NULL AND {}",
                close("mp.name")
            ),
            String::new(),
        ),
    };
    let product_tier = tier(name);
    let brand_tier = tier("b.name");
    let category_tier = tier("c.name");
    let brand_close = close("b.name");
    let category_close = close("c.name");
    let sql = format!(
        "(SELECT 'brand' AS kind, b.name::text AS label, b.slug::text AS slug, \
           {brand_tier} AS tier, 0 AS weight FROM brands b \
           WHERE {brand_close} \
           AND EXISTS (SELECT 1 FROM products p WHERE p.brand_id = b.id AND {VISIBLE}) \
           ORDER BY tier, label LIMIT {side}) \
         UNION ALL \
         (SELECT 'category', c.name::text, c.slug::text, {category_tier}, 0 \
           FROM categories c WHERE c.is_active AND {category_close} \
           ORDER BY 4, 2 LIMIT {side}) \
         UNION ALL \
         (SELECT 'product', ({name})::text, p.slug::text, {product_tier}, p.purchase_count \
           FROM products p {translation_join} \
           WHERE p.id IN ({matching_ids}) AND {VISIBLE} \
           ORDER BY 4, 5 DESC, 2 LIMIT {limit_bound})"
    );
    let rows = db.query_all_raw(binder.statement(db, sql)).await?;
    let terms = terms(&text);
    let mut suggestions = Vec::with_capacity(rows.len());
    for row in rows {
        let kind = match row.try_get::<String>("", "kind")?.as_str() {
            "brand" => SuggestionKind::Brand,
            "category" => SuggestionKind::Category,
            _ => SuggestionKind::Product,
        };
        let label: String = row.try_get("", "label")?;
        let slug: String = row.try_get("", "slug")?;
        let tier: i32 = row.try_get("", "tier")?;
        let href = match kind {
            SuggestionKind::Product => format!("/products/{slug}"),
            SuggestionKind::Brand => format!("/brands/{slug}"),
            SuggestionKind::Category => format!("/categories/{slug}"),
        };
        suggestions.push((
            tier,
            Suggestion {
                kind,
                segments: highlight(&label, &terms),
                label,
                href,
            },
        ));
    }
    // Brands and categories first within a tier (they lead to many pieces), then products.
    suggestions.sort_by_key(|(tier, _)| *tier);
    Ok(suggestions
        .into_iter()
        .map(|(_, suggestion)| suggestion)
        .take(limit as usize)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    }

    fn marked(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|segment| {
                if segment.matched {
                    format!("[{}]", segment.text)
                } else {
                    segment.text.clone()
                }
            })
            .collect()
    }

    fn owned(terms: &[&str]) -> Vec<String> {
        terms.iter().map(|term| term.to_string()).collect()
    }

    #[test]
    fn queries_are_trimmed_and_bounded() {
        assert_eq!(
            normalize_query("  silk \t  scarf \n").unwrap(),
            "silk scarf"
        );
        assert!(matches!(normalize_query("   "), Err(SearchError::Empty)));
        assert!(matches!(normalize_query(""), Err(SearchError::Empty)));
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(matches!(normalize_query(&long), Err(SearchError::TooLong)));
        assert!(normalize_query(&"é".repeat(MAX_QUERY_CHARS)).is_ok());
        assert_eq!(
            SearchError::TooLong.to_string(),
            "Your search is too long: please use at most 200 characters."
        );
    }

    #[test]
    fn terms_are_words_lowercased_without_repeats() {
        assert_eq!(
            terms("Silk-scarf, SILK & Étoile 24k!"),
            ["silk", "scarf", "étoile", "24k"]
        );
        assert!(terms("!!! ---").is_empty());
        assert_eq!(terms("a b c d e f g h i j").len(), MAX_TERMS);
    }

    #[test]
    fn highlights_matched_words_and_keeps_the_text() {
        let text = "Cashmere Wrap Coat, cashmere-blend";
        let segments = highlight(text, &owned(&["cashmer", "coat"]));
        assert_eq!(
            marked(&segments),
            "[Cashmere] Wrap [Coat], [cashmere]-blend"
        );
        assert_eq!(
            segments.iter().map(|s| s.text.as_str()).collect::<String>(),
            text
        );
        // Plural query, singular word; accents folded; nothing matched.
        assert_eq!(
            marked(&highlight("Ivory Dress", &owned(&["dresses"]))),
            "Ivory [Dress]"
        );
        assert_eq!(
            marked(&highlight("Maison Étoile", &owned(&["etoile"]))),
            "Maison [Étoile]"
        );
        assert_eq!(
            highlight("Silk scarf", &owned(&["wool"])),
            vec![Segment {
                text: "Silk scarf".into(),
                matched: false
            }]
        );
        assert!(highlight("", &owned(&["x"])).is_empty());
        // Markup in the text stays text: segments are data, escaped when rendered.
        assert_eq!(
            marked(&highlight("<b>silk</b>", &owned(&["silk"]))),
            "<b>[silk]</b>"
        );
    }

    #[test]
    fn snippets_centre_on_the_first_match() {
        let description = format!(
            "{} The chronograph movement is hand finished. {}",
            "Lorem ipsum dolor sit amet. ".repeat(6),
            "Consectetur adipiscing elit. ".repeat(6)
        );
        let segments = snippet(&description, &owned(&["chronograph"])).unwrap();
        let text = marked(&segments);
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.contains("The [chronograph] movement"), "{text}");
        assert!(text.chars().count() <= SNIPPET_CHARS + 4, "{text}");
        assert!(snippet(&description, &owned(&["cashmere"])).is_none());
        let short = snippet("Pure cashmere.", &owned(&["cashmere"])).unwrap();
        assert_eq!(marked(&short), "Pure [cashmere].");
    }

    #[test]
    fn parses_search_pairs_with_listing_filters() {
        let query = SearchQuery::from_pairs(
            &pairs(&[
                ("q", "silk"),
                ("category", "women"),
                ("brand", "maison-aurelle"),
                ("min_price", "100"),
                ("max_price", "900.50"),
                ("in_stock", "true"),
                ("lang", "fr"),
                ("cursor", "24"),
                ("sl", "ignored"),
            ]),
            24,
        )
        .unwrap();
        assert_eq!(query.text, "silk");
        assert_eq!(query.filters.category.as_deref(), Some("women"));
        assert_eq!(query.filters.brand.as_deref(), Some("maison-aurelle"));
        assert_eq!(query.filters.min_price, Some(Decimal::new(100, 0)));
        assert_eq!(query.filters.max_price, Some(Decimal::new(90050, 2)));
        assert!(query.filters.in_stock);
        assert_eq!(query.lang, Some(Lang::Fr));
        assert_eq!(query.offset, 24);
        assert_eq!(
            query.filters.to_json().unwrap(),
            serde_json::json!({"category": "women", "brand": "maison-aurelle",
                "min_price": "100", "max_price": "900.5", "in_stock": true})
        );
        assert_eq!(SearchFilters::default().to_json(), None);
    }

    #[test]
    fn bad_pairs_are_clear_errors() {
        let error = |items: &[(&str, &str)]| {
            SearchQuery::from_pairs(&pairs(items), 24)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(&[("q", "silk"), ("min_price", "cheap")]),
            "We could not apply these filters: min_price must be a number."
        );
        assert!(error(&[("cursor", "-1")]).contains("not valid"));
        assert!(error(&[("cursor", "999999")]).contains("not valid"));
        assert!(error(&[("cursor", "+5")]).contains("not valid"));
    }

    #[test]
    fn which_terms_are_checked_and_which_ignored() {
        assert!(needs_checking("chronograf"));
        assert!(!needs_checking("xl"));
        assert!(!needs_checking("2024"));
        assert!(is_stop_word("the") && !is_stop_word("silk"));
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_escape(r"50%_off\"), r"50\%\_off\\");
    }
}

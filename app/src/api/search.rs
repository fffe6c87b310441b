//! Storefront search as server functions: one results page, instant suggestions, and a
//! result click. Thin: parse with `SearchQuery::from_pairs`, call
//! `services::catalog::search`, send DTOs (money as decimal strings; matches as segments,
//! never HTML). Bad input is a shopper-facing message, not an error.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use domain::Money;

use crate::api::ApiError;
use crate::api::catalog::ProductCardDto;

/// Results per page.
pub const PAGE_SIZE: u32 = 24;
/// Suggestions shown while typing.
pub const SUGGESTIONS: u32 = 8;

/// A run of text, matched by the query (shown in `<mark>`) or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentDto {
    pub text: String,
    pub matched: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHitDto {
    pub card: ProductCardDto,
    pub name: Vec<SegmentDto>,
    pub brand: Vec<SegmentDto>,
    pub snippet: Option<Vec<SegmentDto>>,
    /// 1-based rank in the whole result list.
    pub position: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionDto {
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPageDto {
    pub query: String,
    pub products: Vec<SearchHitDto>,
    pub total: u64,
    pub corrections: Vec<CorrectionDto>,
    pub showing_results_for: Option<String>,
    pub next_cursor: Option<String>,
    /// The search's log id, carried by result links (`?sl=`) to record the click.
    pub log_id: String,
    /// The filters read from the query's words, each a removable chip.
    pub chips: Vec<ChipDto>,
}

/// What a filter written into the query asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChipFilter {
    MaxPrice(Money),
    MinPrice(Money),
    PriceRange(Money, Money),
    /// A colour family ("black", "white", ...).
    Color(String),
    Size(String),
    /// A department's slug ("women", "men", "home").
    Department(String),
}

/// A filter read from the query ("under $500"), and the query without it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChipDto {
    pub filter: ChipFilter,
    /// The query as it reads without this phrase: what removing the chip searches.
    pub without: String,
}

/// What a search request came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchOutcome {
    /// No `q` at all: show the search form only.
    NoQuery,
    Results(Box<SearchPageDto>),
    /// The input was refused (empty, too long, bad filter): the page says why.
    Invalid(SearchProblem),
}

/// Why a search was refused, for a message in the shopper's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchProblem {
    Empty,
    /// Longer than this many characters.
    TooLong(usize),
    NoWords,
    /// A filter parameter was refused; the detail names it.
    Filter(String),
    BadCursor,
}

impl SearchProblem {
    pub fn message(&self, text: &crate::i18n::search::SearchText) -> String {
        match self {
            SearchProblem::Empty => text.empty_query.to_string(),
            SearchProblem::TooLong(max) => (text.too_long)(*max),
            SearchProblem::NoWords => text.no_words.to_string(),
            SearchProblem::Filter(detail) => (text.bad_filter)(detail),
            SearchProblem::BadCursor => text.bad_cursor.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionDto {
    /// "product", "brand" or "category".
    pub kind: String,
    pub label: String,
    pub href: String,
    pub segments: Vec<SegmentDto>,
}

/// The link to a result that records the click when opened: `?sl=<log id>&sp=<position>`.
pub fn result_link_query(log_id: &str, position: u32) -> String {
    format!("?sl={log_id}&sp={position}")
}

#[cfg(feature = "ssr")]
mod convert {
    use super::*;
    use services::catalog::search::{
        MAX_QUERY_CHARS, Phrase, PhraseFilter, SearchError, SearchResults, Segment, Suggestion,
    };

    /// Prices in the catalogue's currency.
    const CURRENCY: &str = "USD";

    pub fn chip(phrase: Phrase) -> ChipDto {
        let money = |amount| Money::new(amount, CURRENCY);
        ChipDto {
            filter: match phrase.filter {
                PhraseFilter::MaxPrice(max) => ChipFilter::MaxPrice(money(max)),
                PhraseFilter::MinPrice(min) => ChipFilter::MinPrice(money(min)),
                PhraseFilter::PriceRange(min, max) => {
                    ChipFilter::PriceRange(money(min), money(max))
                }
                PhraseFilter::Color(family) => ChipFilter::Color(family.to_string()),
                PhraseFilter::Size(size) => ChipFilter::Size(size),
                PhraseFilter::Department(department) => {
                    ChipFilter::Department(department.slug().to_string())
                }
            },
            without: phrase.without,
        }
    }

    pub fn segments(segments: Vec<Segment>) -> Vec<SegmentDto> {
        segments
            .into_iter()
            .map(|segment| SegmentDto {
                text: segment.text,
                matched: segment.matched,
            })
            .collect()
    }

    pub fn page(results: SearchResults) -> SearchPageDto {
        SearchPageDto {
            query: results.query,
            products: results
                .products
                .into_iter()
                .map(|hit| SearchHitDto {
                    card: crate::api::catalog::convert::card(hit.card),
                    name: segments(hit.name),
                    brand: segments(hit.brand),
                    snippet: hit.snippet.map(segments),
                    position: hit.position,
                })
                .collect(),
            total: results.total,
            corrections: results
                .corrections
                .into_iter()
                .map(|correction| CorrectionDto {
                    from: correction.from,
                    to: correction.to,
                })
                .collect(),
            showing_results_for: results.showing_results_for,
            next_cursor: results.next_cursor,
            log_id: results.log_id.to_string(),
            chips: results.phrases.into_iter().map(chip).collect(),
        }
    }

    /// The problem with the input, or `None` for a database error.
    pub fn problem(error: &SearchError) -> Option<SearchProblem> {
        Some(match error {
            SearchError::Empty => SearchProblem::Empty,
            SearchError::TooLong => SearchProblem::TooLong(MAX_QUERY_CHARS),
            SearchError::NoWords => SearchProblem::NoWords,
            SearchError::Filter(detail) => SearchProblem::Filter(detail.to_string()),
            SearchError::BadCursor => SearchProblem::BadCursor,
            SearchError::Db(_) => return None,
        })
    }

    pub fn suggestion(suggestion: Suggestion) -> SuggestionDto {
        SuggestionDto {
            kind: suggestion.kind.as_str().to_string(),
            label: suggestion.label,
            href: suggestion.href,
            segments: segments(suggestion.segments),
        }
    }
}

/// One page of results for the decoded query-string pairs (`q`, `cursor`, filters):
/// hybrid search (full text fused with the query's embedding), with the filters written
/// into the query as chips. Every search is written to `search_logs`.
#[server(endpoint = "search/results", input = Json)]
pub async fn search_products(params: Vec<(String, String)>) -> Result<SearchOutcome, ApiError> {
    use services::catalog::search::{self, SearchMode, SearchQuery, Semantic};

    if !params.iter().any(|(key, _)| key == "q") {
        return Ok(SearchOutcome::NoQuery);
    }
    let mut query = match SearchQuery::from_pairs(&params, PAGE_SIZE) {
        Ok(query) => query,
        Err(error) => match convert::problem(&error) {
            Some(problem) => return Ok(SearchOutcome::Invalid(problem)),
            None => return Err(ApiError::internal(error)),
        },
    };
    let ctx = crate::api::context::Ctx::load().await?;
    if let Some((session, user)) = &ctx.caller.session {
        query.user_id = Some(user.id);
        query.session_id = Some(session.id);
    }
    query.lang = query.lang.or(Some(ctx.locale));
    query.mode = SearchMode::Hybrid;
    let semantic = Semantic {
        embedder: &ctx.services.embedder,
        cache: Some(&ctx.services.search_embeddings),
        fusion: Default::default(),
    };
    match search::search_semantic(
        &ctx.services.db,
        &ctx.services.analytics,
        Some(&ctx.services.search_terms),
        &semantic,
        &query,
    )
    .await
    {
        Ok(results) => Ok(SearchOutcome::Results(Box::new(convert::page(results)))),
        Err(error) => match convert::problem(&error) {
            Some(problem) => Ok(SearchOutcome::Invalid(problem)),
            None => Err(ApiError::internal(error)),
        },
    }
}

/// Instant suggestions for what the shopper has typed so far.
#[server(endpoint = "search/suggest")]
pub async fn suggest(prefix: String) -> Result<Vec<SuggestionDto>, ApiError> {
    use services::catalog::search;

    let ctx = crate::api::context::Ctx::load().await?;
    let suggestions = search::suggest(&ctx.services.db, &prefix, Some(ctx.locale), SUGGESTIONS)
        .await
        .map_err(ApiError::internal)?;
    Ok(suggestions.into_iter().map(convert::suggestion).collect())
}

/// Records that a result was opened (from the results page, with JavaScript). Unknown or
/// malformed ids are ignored.
#[server(endpoint = "search/click")]
pub async fn record_click(
    log_id: String,
    slug: String,
    position: Option<i32>,
) -> Result<(), ApiError> {
    use services::catalog::clicks::{self, Opened};
    let ctx = crate::api::context::Ctx::load().await?;
    if let Err(error) =
        clicks::record(&ctx.services.db, &log_id, Opened::Slug(&slug), position).await
    {
        tracing::warn!(%error, %log_id, "could not record a search click");
    }
    Ok(())
}

/// For the product page (server-rendered): when the request's query string carries
/// `sl=<search log id>` (and `sp=<position>`), records the click on `product_id`. Never
/// fails the page: problems are logged.
#[cfg(feature = "ssr")]
pub async fn record_click_from_request(ctx: &crate::api::context::Ctx, product_id: uuid::Uuid) {
    use services::catalog::clicks::{self, Opened};
    let Some(query) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.query().map(str::to_owned))
    else {
        return;
    };
    let mut log_id = None;
    let mut position = None;
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("sl", value)) => log_id = Some(value.to_string()),
            Some(("sp", value)) => position = value.parse::<i32>().ok(),
            _ => {}
        }
    }
    let Some(log_id) = log_id else {
        return;
    };
    // A click soon after its search may find the search's row still queued: write it first.
    let analytics = &ctx.services.analytics;
    if uuid::Uuid::parse_str(&log_id).is_ok_and(|id| analytics.is_pending(id))
        && let Err(error) = analytics.flush(&ctx.services.db).await
    {
        tracing::warn!(%error, "could not write the queued analytics before a search click");
    }
    if let Err(error) =
        clicks::record(&ctx.services.db, &log_id, Opened::Id(product_id), position).await
    {
        tracing::warn!(%error, %log_id, "could not record a search click");
    }
}

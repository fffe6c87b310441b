//! Product listings: filters, facets, sorts and cursor pagination.
//!
//! [`ListingQuery::from_pairs`] parses the query string of `/products` (and the category,
//! brand and collection pages); [`list_products`] turns it into one page of product cards
//! (one SQL statement, bound parameters only), the total and the facet counts (counted in
//! memory over the catalogue's filterable attributes, read in one statement).
//!
//! The parts:
//! - `query`: the query string, parsed and written back ([`ListingQuery`], [`Sort`]);
//! - `cursor`: keyset pagination, the opaque [`Cursor`] of a page's last card;
//! - `sql`: the WHERE clause builder and the page statement;
//! - `index`: the catalogue's filterable attributes, which count totals and facets;
//! - `facets`: the per-filter counts ([`Facets`]);
//! - `cache`: the in-process [`ListingCache`] and its [`TtlCache`].

mod cache;
mod cursor;
mod facets;
mod index;
mod query;
mod sql;

use sea_orm::prelude::{Decimal, Uuid};
use sea_orm::{ConnectionTrait, DbErr};
use std::sync::Arc;

pub use cache::{ListingCache, TtlCache};
pub use cursor::Cursor;
pub use facets::{FacetCount, Facets};
pub use query::{Lang, ListingQuery, ListingQueryError, Sort, parse_lang};

use index::FacetIndex;
use sql::page;

/// Largest page [`list_products`] returns, whatever the caller asks for.
pub const MAX_LIMIT: u32 = 100;

/// One product as a listing shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductCard {
    pub id: Uuid,
    pub slug: String,
    /// In the query's language when an approved translation has one, else the base name.
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    pub currency: String,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
    /// Mean of the approved reviews' ratings, rounded to 4 decimals; `None` without reviews.
    pub average_rating: Option<Decimal>,
    pub review_count: u64,
    pub in_stock: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListingPage {
    pub products: Vec<ProductCard>,
    pub next_cursor: Option<String>,
    pub total: u64,
    pub facets: Facets,
}

/// One page of the listing for `query`, with the total and the facets. `limit` is clamped
/// to `1..=MAX_LIMIT`.
pub async fn list_products(
    db: &impl ConnectionTrait,
    query: &ListingQuery,
    limit: u32,
) -> Result<ListingPage, DbErr> {
    list_products_cached(db, None, query, limit).await
}

/// [`list_products`] through `cache` (see [`ListingCache`]): the whole page when the cache
/// holds it for the same query, else the page read live with the total and facet counts
/// from the cache when it holds them for the same filters.
pub async fn list_products_cached(
    db: &impl ConnectionTrait,
    cache: Option<&ListingCache>,
    query: &ListingQuery,
    limit: u32,
) -> Result<ListingPage, DbErr> {
    let limit = limit.clamp(1, MAX_LIMIT);
    let page_key = cache.map(|_| ListingCache::page_key(query, limit));
    if let Some(hit) = cache
        .zip(page_key.as_ref())
        .and_then(|(cache, key)| cache.pages.get(key))
    {
        return Ok((*hit).clone());
    }
    let (products, next_cursor) = page(db, query, limit).await?;
    let key = cache.map(|_| ListingCache::key(query));
    let cached = cache
        .zip(key.as_ref())
        .and_then(|(cache, key)| cache.get(key));
    let aggregates = match cached {
        Some(aggregates) => aggregates,
        None => {
            let index = match cache {
                Some(cache) => cache.index(db).await?,
                None => Arc::new(FacetIndex::load(db).await?),
            };
            let aggregates = Arc::new(index.aggregates(query));
            if let (Some(cache), Some(key)) = (cache, key) {
                cache.put(key, Arc::clone(&aggregates));
            }
            aggregates
        }
    };
    let listing = ListingPage {
        products,
        next_cursor,
        total: aggregates.total,
        facets: aggregates.facets.clone(),
    };
    if let (Some(cache), Some(key)) = (cache, page_key) {
        cache.pages.put(key, Arc::new(listing.clone()));
    }
    Ok(listing)
}

/// What a listing's filters alone decide: the total and the facet counts.
#[derive(Debug)]
struct Aggregates {
    total: u64,
    facets: Facets,
}

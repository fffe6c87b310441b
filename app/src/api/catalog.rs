//! Catalog listings as server functions. Thin: parse the query string pairs with
//! `ListingQuery::from_pairs`, call `services::catalog::listing`, and send DTOs (money as
//! decimal strings, never floats). A bad parameter is a shopper-facing message, not an error.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use domain::Money;

/// Products per listing page.
pub const PAGE_SIZE: u32 = 24;

/// One product card as the listing grid shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCardDto {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Money,
    pub compare_at_price: Option<Money>,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
    /// Mean approved rating as a decimal string, `None` without reviews.
    pub average_rating: Option<String>,
    pub review_count: u64,
    pub in_stock: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCountDto {
    pub value: String,
    pub label: String,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FacetsDto {
    pub categories: Vec<FacetCountDto>,
    pub brands: Vec<FacetCountDto>,
    pub sizes: Vec<FacetCountDto>,
    pub colors: Vec<FacetCountDto>,
    pub materials: Vec<FacetCountDto>,
    pub price_min: Option<String>,
    pub price_max: Option<String>,
    pub in_stock: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingPageDto {
    pub products: Vec<ProductCardDto>,
    pub next_cursor: Option<String>,
    pub total: u64,
    pub facets: FacetsDto,
}

/// What a listing request came to: a page, or the refusal of a bad filter (worded in
/// the request's language; the answer is a 400).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListingOutcome {
    Page(Box<ListingPageDto>),
    Invalid(String),
}

#[cfg(feature = "ssr")]
pub(crate) mod convert {
    use super::*;
    use services::catalog::listing::{FacetCount, ListingPage, ProductCard};

    pub(crate) fn card(card: ProductCard) -> ProductCardDto {
        ProductCardDto {
            id: card.id.to_string(),
            slug: card.slug,
            name: card.name,
            brand_name: card.brand_name,
            price: Money::new(card.price, &card.currency),
            compare_at_price: card
                .compare_at_price
                .map(|price| Money::new(price, &card.currency)),
            image_url: card.image_url,
            image_alt: card.image_alt,
            average_rating: card
                .average_rating
                .map(|rating| rating.round_dp(1).to_string()),
            review_count: card.review_count,
            in_stock: card.in_stock,
        }
    }

    fn counts(counts: Vec<FacetCount>) -> Vec<FacetCountDto> {
        counts
            .into_iter()
            .map(|count| FacetCountDto {
                value: count.value,
                label: count.label,
                count: count.count,
            })
            .collect()
    }

    pub fn page(page: ListingPage) -> ListingPageDto {
        let facets = page.facets;
        ListingPageDto {
            products: page.products.into_iter().map(card).collect(),
            next_cursor: page.next_cursor,
            total: page.total,
            facets: FacetsDto {
                categories: counts(facets.categories),
                brands: counts(facets.brands),
                sizes: counts(facets.sizes),
                colors: counts(facets.colors),
                materials: counts(facets.materials),
                price_min: facets.price_min.map(|price| price.to_string()),
                price_max: facets.price_max.map(|price| price.to_string()),
                in_stock: facets.in_stock,
            },
        }
    }
}

/// One page of the listing for the decoded query-string pairs (`category`, `size`, `sort`,
/// `cursor`, ...), with the total and facet counts.
#[server(endpoint = "catalog/list_products", input = Json)]
pub async fn list_products(params: Vec<(String, String)>) -> Result<ListingOutcome, ApiError> {
    use services::catalog::listing::{self, ListingQuery};

    let mut query = match ListingQuery::from_pairs(&params) {
        Ok(query) => query,
        Err(error) => {
            tracing::debug!(%error, "listing filters refused");
            let refused = ApiError::new(error.refusal());
            return Ok(ListingOutcome::Invalid(refused.message));
        }
    };
    // Product names come in the shopper's language unless the URL asks for one.
    let ctx = crate::api::context::Ctx::load().await?;
    query.lang = query.lang.or(Some(ctx.locale));
    let services = &ctx.services;
    let page = listing::list_products_cached(
        &services.db,
        Some(&services.listing_cache),
        &query,
        PAGE_SIZE,
    )
    .await?;
    Ok(ListingOutcome::Page(Box::new(convert::page(page))))
}

/// A category, brand or collection page's hero: name, image, description and story, in
/// the shopper's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingScopeDto {
    pub name: String,
    pub description: Option<String>,
    pub story: Option<String>,
    pub image_url: Option<String>,
    pub meta_description: Option<String>,
}

/// The hero of `/categories/:slug` (`kind` "category"), `/brands/:slug` ("brand") or
/// `/collections/:slug` ("collection"); `None` when there is no such page.
#[server(endpoint = "catalog/listing_scope")]
pub async fn listing_scope(
    kind: String,
    slug: String,
) -> Result<Option<ListingScopeDto>, ApiError> {
    use services::catalog::scope::{self, ScopeKind};

    let kind = match kind.as_str() {
        "category" => ScopeKind::Category,
        "brand" => ScopeKind::Brand,
        "collection" => ScopeKind::Collection,
        _ => return Ok(None),
    };
    let ctx = crate::api::context::Ctx::load().await?;
    let detail = scope::scope_detail(&ctx.services.db, kind, &slug, ctx.locale.code()).await?;
    Ok(detail.map(|detail| ListingScopeDto {
        name: detail.name,
        description: detail.description,
        story: detail.story,
        image_url: detail.image_url,
        meta_description: detail.meta_description,
    }))
}

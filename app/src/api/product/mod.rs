//! The product detail page, as server functions: the page's data in one call (detail,
//! first reviews, similar pieces, SEO fields); the reviews' own calls are in `api::reviews`. Prices leave
//! the server as `Money` (exact decimals) and are formatted by the view.

#[cfg(feature = "ssr")]
mod convert;
mod dto;

pub use dto::*;

use leptos::prelude::*;

use crate::api::ApiError;

/// "You may also like" cards.
pub const SIMILAR_COUNT: u64 = 8;

/// The id of the piece a shopper may see at `slug`; 404 when there is none.
#[cfg(feature = "ssr")]
pub(crate) async fn visible_piece(
    ctx: &crate::api::context::Ctx,
    slug: &str,
) -> Result<uuid::Uuid, ApiError> {
    services::catalog::product::visible_id(&ctx.services.db, slug.trim())
        .await?
        .ok_or_else(|| {
            ApiError::with_status(http::StatusCode::NOT_FOUND, domain::Refusal::PieceGone)
        })
}

/// The product page's data, or `None` when no visible product has this slug. Rendering
/// the page, the first reviews are in the order and of the rating its query string asks
/// (`review_sort`, `review_rating`; unknown values give the default list): the reviews'
/// order links load the page anew.
#[server(endpoint = "product/page")]
pub async fn product_page(slug: String) -> Result<Option<ProductPageDto>, ApiError> {
    use services::catalog::product;

    let ctx = crate::api::context::Ctx::load().await?;
    let services = &ctx.services;
    // Detail, first reviews and similar pieces, cached for a few seconds per slug and
    // language (`ProductPageCache`); the view below is recorded on every request.
    let Some(page) = product::product_page_data(
        &services.db,
        Some(&services.product_cache),
        &slug,
        Some(ctx.locale.code()),
        crate::api::reviews::REVIEWS_PAGE,
        SIMILAR_COUNT,
    )
    .await?
    else {
        return Ok(None);
    };
    let product::ProductPageData {
        detail,
        mut reviews,
        similar,
    } = (*page).clone();
    // The cached page holds the default list; another order or rating is read here.
    let review_query = requested_review_query();
    if !review_query.is_default() {
        reviews = product::approved_reviews(
            &services.db,
            detail.id,
            review_query,
            crate::api::reviews::REVIEWS_PAGE,
            0,
        )
        .await?;
    }

    let referrer = use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get(http::header::REFERER)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    });
    // Re-reading the reviews in another order is not another view of the piece.
    if review_query.is_default() {
        let view = services::analytics::ProductView::new(
            detail.id,
            ctx.session_user().map(|user| user.id),
            None,
            referrer.as_deref(),
        );
        let view = match query_param("rec").and_then(|rec| rec.parse().ok()) {
            Some(impression) => {
                view.from_recommendation(services::personal::feed::SOURCE, impression)
            }
            None => view,
        };
        services.analytics.view(view);
        crate::api::search::record_click_from_request(&ctx, detail.id).await;
    }

    Ok(Some(convert::page(
        detail,
        (reviews, review_query),
        similar,
        services.base_url.clone(),
    )))
}

/// The reviews' order and rating in the rendered page's query string (a server function
/// called from the browser has none: the default list).
#[cfg(feature = "ssr")]
fn requested_review_query() -> domain::read::reviews::ReviewQuery {
    domain::read::reviews::ReviewQuery::from_params(
        query_param("review_sort").as_deref(),
        query_param("review_rating").as_deref(),
    )
}

/// The value of `name` in the rendered page's query string, if any.
#[cfg(feature = "ssr")]
fn query_param(name: &str) -> Option<String> {
    let query = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.query().map(str::to_owned))?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

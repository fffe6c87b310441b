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

/// The product page's data, or `None` when no visible product has this slug.
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
        reviews,
        similar,
    } = (*page).clone();

    let referrer = use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get(http::header::REFERER)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    });
    services
        .analytics
        .view(services::analytics::ProductView::new(
            detail.id,
            ctx.session_user().map(|user| user.id),
            None,
            referrer.as_deref(),
        ));
    crate::api::search::record_click_from_request(&ctx, detail.id).await;

    Ok(Some(convert::page(
        detail,
        reviews,
        similar,
        services.base_url.clone(),
    )))
}

//! The size advisor as server functions: the advice on a piece, the shopper's usual size
//! given on the product page, and their feedback on a suggestion. Each calls one service
//! in `services::personal::size`; a signed-out shopper is asked to sign in, and someone
//! else's suggestion answers 404. The product page posts the two forms without
//! JavaScript (the server sends the browser back to the page).

use leptos::prelude::*;

use crate::api::ApiError;
pub use domain::read::size_advice::*;

/// Where the product page's forms post.
pub const USUAL_SIZE_PATH: &str = "/api/size/usual";
pub const FEEDBACK_PATH: &str = "/api/size/feedback";

#[cfg(feature = "ssr")]
fn id(text: &str, missing: domain::Refusal) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(text.trim()).map_err(|_| ApiError::new(missing))
}

/// The advice for the caller on the piece shown at `slug` (keyed by the page's slug, so
/// the product page starts it beside its own read).
#[server(endpoint = "size/advice")]
pub async fn advise_size(slug: String) -> Result<SizeAdvice, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let Some(user) = ctx.account() else {
        return Ok(SizeAdvice::SignedOut);
    };
    let product = crate::api::product::visible_piece(&ctx, &slug).await?;
    Ok(services::personal::size::advise(&ctx.services.db, user, product).await?)
}

/// "My usual size at this piece's designer is `size`", one of the piece's sizes.
#[server(endpoint = "size/usual")]
pub async fn save_usual_size(product_id: String, size: String) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let product = id(&product_id, domain::Refusal::PieceGone)?;
    Ok(services::personal::size::save_usual_size(&ctx.services.db, user, product, &size).await?)
}

/// "I bought it in `size` and it fitted so" (`outcome`: kept, too_small, too_large), on
/// the caller's suggestion `recommendation`.
#[server(endpoint = "size/feedback")]
pub async fn size_feedback(
    recommendation: String,
    size: String,
    outcome: String,
) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let recommendation = id(&recommendation, domain::Refusal::SizeAdviceNotFound)?;
    Ok(services::personal::size::record_feedback(
        &ctx.services.db,
        user.id,
        recommendation,
        &size,
        &outcome,
    )
    .await?)
}

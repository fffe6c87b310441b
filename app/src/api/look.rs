//! Complete the look as server functions: the look around a piece, "Add the look to
//! bag" and the shopper's word on a look. Each calls one service
//! (`services::personal::look` or `services::cart::add_lines`). The look of a known
//! shopper (signed in, or a guest with a session) is kept; a visitor's is computed and
//! not kept. The product page posts the feedback as a plain form (the server sends the
//! browser back to the page); someone else's look answers 404.

use leptos::prelude::*;

use crate::api::ApiError;
pub use domain::read::look::*;

/// Where the product page's forms post.
pub const ADD_LOOK_PATH: &str = "/api/look/add";
pub const FEEDBACK_PATH: &str = "/api/look/feedback";

#[cfg(feature = "ssr")]
fn id(text: &str, missing: domain::Refusal) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(text.trim())
        .map_err(|_| ApiError::with_status(http::StatusCode::NOT_FOUND, missing))
}

/// The look around the piece shown at `slug`, for the caller (keyed by the page's slug,
/// so the product page starts it beside its own read).
#[server(endpoint = "look/complete")]
pub async fn complete_look(slug: String) -> Result<Look, ApiError> {
    use services::personal::look::{self, Asker};
    let mut ctx = crate::api::context::Ctx::load().await?;
    let product = crate::api::product::visible_piece(&ctx, &slug).await?;
    let asker = match ctx.shopper(false).await? {
        Some(shopper) => Asker {
            user_id: Some(shopper.user.id),
            owner: Some(shopper.owner),
        },
        None => Asker::default(),
    };
    let services = &ctx.services;
    Ok(look::complete_look(&services.db, &services.look_shortlists, product, asker).await?)
}

/// Adds one of each of `variants` to the caller's bag in one go (a first-time visitor
/// gets a guest session); an empty entry is a piece whose size was not chosen.
#[server(endpoint = "look/add")]
pub async fn add_look_to_bag(
    #[server(default)] variants: Vec<String>,
) -> Result<LookAdded, ApiError> {
    use crate::api::cart::server::cart_dto;
    use crate::api::error::word;
    let chosen: Vec<&String> = variants.iter().filter(|v| !v.trim().is_empty()).collect();
    let without_size = u32::try_from(variants.len() - chosen.len()).unwrap_or(u32::MAX);
    let ids = chosen
        .iter()
        .map(|v| id(v, domain::Refusal::PieceGone))
        .collect::<Result<Vec<_>, _>>()?;
    let mut ctx = crate::api::context::Ctx::load().await?;
    let shopper = ctx
        .shopper(true)
        .await?
        .ok_or_else(|| ApiError::internal("no shopper after creating one"))?;
    let done = services::cart::add_lines(
        &ctx.services.db,
        shopper.owner,
        &ids,
        Some("complete_the_look"),
    )
    .await?;
    Ok(LookAdded {
        added: done.added,
        problems: done.refused.iter().map(|e| word(&e.refusal())).collect(),
        without_size,
        cart: cart_dto(done.view, Vec::new()),
    })
}

/// The caller's word (`verdict`: like, dislike, save, unsave) on their look `look`.
#[server(endpoint = "look/feedback")]
pub async fn look_feedback(look: String, verdict: String) -> Result<(), ApiError> {
    use domain::Refusal;
    let mut ctx = crate::api::context::Ctx::load().await?;
    let verdict =
        LookVerdict::parse(&verdict).ok_or_else(|| ApiError::new(Refusal::MalformedRequest))?;
    let look = id(&look, Refusal::LookNotFound)?;
    let shopper = ctx
        .shopper(false)
        .await?
        .ok_or_else(|| ApiError::new(Refusal::SignInRequired))?;
    Ok(
        services::personal::look::feedback(&ctx.services.db, shopper.user.id, look, verdict)
            .await?,
    )
}

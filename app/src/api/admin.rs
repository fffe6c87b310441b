//! The back office's server functions that exist so far. Each starts with the admin
//! guard (401 signed out, 403 without an admin role). The dashboard around them comes
//! with its own issue.

use leptos::prelude::*;

use crate::api::ApiError;

/// Changes a variant's units on hand by `change` with a `reason` (received, correction,
/// damaged, …); answers the new count. A restock from none alerts the shoppers who
/// saved the piece.
#[server(endpoint = "admin/adjust_stock")]
pub async fn adjust_stock(
    variant_id: String,
    change: i32,
    reason: String,
) -> Result<i32, ApiError> {
    let ctx = crate::api::context::Ctx::admin().await?;
    let admin = ctx.user()?;
    let variant = uuid::Uuid::parse_str(variant_id.trim())
        .map_err(|_| ApiError::new(domain::Refusal::PieceGone))?;
    let done =
        services::inventory::adjust(&ctx.services.db, variant, change, &reason, Some(admin.id))
            .await?;
    tracing::info!(admin = %admin.id, %variant, change, reason = %reason.trim(), "stock adjusted");
    Ok(done.after)
}

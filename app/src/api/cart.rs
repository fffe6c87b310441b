//! The shopping bag, as server functions. Each is thin: `Ctx::load()`, find whose bag this
//! is (`ctx.shopper`), call `services::cart` or `services::pricing`, send the bag as
//! `CartDto` with amounts as `Money` (the view formats them). Every amount is recomputed on
//! the server; no function takes a price or a total.
//!
//! Whose bag: a signed-in shopper's (`CartOwner::User`), else the guest's session
//! (`CartOwner::Session`). A guest gets a session (with a `GUEST` user) the first time
//! they add to the bag, so the session cookie is the guest's bag identity and the payment
//! and confirmation functions work for guests too. On sign-in, [`adopt_guest_bag`] moves
//! the guest bag into the account's and leaves a report that the next [`cart`] call shows.

use leptos::prelude::*;

use crate::api::ApiError;
pub use crate::api::auth::FieldError;
pub use domain::read::cart::*;
#[cfg(feature = "ssr")]
use domain::{Money, Refusal};

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use sea_orm::prelude::Uuid;

    use super::*;
    use crate::api::context::Ctx;
    use crate::i18n::cart::CartText;
    use services::cart::{CartView, MergeChange, MergeOutcome};

    pub fn cart_dto(view: CartView, notices: Vec<String>) -> CartDto {
        let currency = view.currency.clone();
        let money = |amount| Money::new(amount, &currency);
        CartDto {
            has_price_changes: view.has_price_changes(),
            ready_for_checkout: view.is_ready_for_checkout(),
            subtotal: money(view.subtotal),
            item_count: view.item_count,
            coupon_code: view.coupon_code.clone(),
            lines: view
                .lines
                .into_iter()
                .map(|line| CartLineDto {
                    item_id: line.item_id.to_string(),
                    variant_id: line.variant_id.to_string(),
                    price_change: line.price_change.map(|change| PriceChangeDto {
                        old: money(change.old),
                        new: money(change.new),
                    }),
                    unit_price: money(line.unit_price),
                    line_total: money(line.line_total),
                    problem: line.problem,
                    available: line.available,
                    quantity: line.quantity,
                    product_slug: line.product_slug,
                    variant_title: line.variant_title,
                    product_name: line.product_name,
                })
                .collect(),
            notices,
        }
    }

    /// An id from the client; a malformed one is refused as `missing` (404).
    pub fn parse_id(id: &str, missing: Refusal) -> Result<Uuid, ApiError> {
        Uuid::parse_str(id.trim())
            .map_err(|_| ApiError::with_status(http::StatusCode::NOT_FOUND, missing))
    }

    pub fn merge_message(text: &CartText, change: &MergeChange) -> String {
        let name = match &change.variant_title {
            Some(title) => format!("{} ({title})", change.product_name),
            None => change.product_name.clone(),
        };
        match change.outcome {
            MergeOutcome::Added { quantity } => (text.merge_added)(&name, quantity),
            MergeOutcome::Combined { quantity } => (text.merge_combined)(&name, quantity),
            MergeOutcome::Capped { requested, kept } => (text.merge_capped)(&name, requested, kept),
            MergeOutcome::SoldOut => (text.merge_sold_out)(&name),
            MergeOutcome::Unavailable => (text.merge_unavailable)(&name),
        }
    }

    /// An empty bag in the store's currency, for a visitor without one.
    pub fn empty_bag() -> CartView {
        CartView {
            currency: "USD".into(),
            ..Default::default()
        }
    }

    /// The caller's bag after `change`, or the empty bag for a visitor without one.
    pub async fn bag_of(ctx: &mut Ctx) -> Result<Option<services::cart::CartOwner>, ApiError> {
        Ok(ctx.shopper(false).await?.map(|shopper| shopper.owner))
    }
}

/// Moves the guest bag of the request's (guest) session into `user`'s bag (and the guest's
/// style profile to the account, when it has none), ends the guest session and leaves
/// the merge report for the next [`cart`] call. Called by sign-in and
/// registration before they set the new session cookie; never fails the sign-in (a
/// problem is logged and the guest bag stays where it was).
#[cfg(feature = "ssr")]
pub async fn adopt_guest_bag(ctx: &crate::api::context::Ctx, user: &entities::users::Model) {
    use entities::sea_orm_active_enums::UserRole;
    use services::{auth::sessions, cart};
    let (Some(token), Some((session, guest))) = (ctx.session_token(), &ctx.caller.session) else {
        return;
    };
    if guest.role != UserRole::Guest || guest.id == user.id {
        return;
    }
    let db = &ctx.services.db;
    if let Err(error) = services::personal::style::adopt_guest_profile(db, guest.id, user.id).await
    {
        tracing::warn!(%error, user = %user.id, "guest style profile not moved");
    }
    match cart::merge_guest_cart(db, session.id, user.id).await {
        Ok(changes) => {
            if !changes.is_empty() {
                let text = &ctx.text().cart;
                let lines: Vec<String> = changes
                    .iter()
                    .map(|change| server::merge_message(text, change))
                    .collect();
                ctx.leave_bag_notice(&lines);
            }
            if let Err(error) = sessions::end(db, token).await {
                tracing::warn!(%error, "guest session not ended after merging its bag");
            }
        }
        Err(error) => tracing::warn!(%error, user = %user.id, "guest bag not merged"),
    }
}

/// The caller's bag (empty for a visitor without one), with the one-off merge report.
#[server(endpoint = "cart/view")]
pub async fn cart() -> Result<CartDto, ApiError> {
    use services::cart;
    let mut ctx = crate::api::context::Ctx::load().await?;
    let notices = ctx.take_bag_notice();
    let view = match server::bag_of(&mut ctx).await? {
        Some(owner) => cart::view(&ctx.services.db, owner).await?,
        None => server::empty_bag(),
    };
    Ok(server::cart_dto(view, notices))
}

/// Adds `quantity` of a variant; a first-time guest gets a guest session.
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(variant_id: String, quantity: i32) -> Result<CartDto, ApiError> {
    use services::cart;
    let variant_id = server::parse_id(&variant_id, Refusal::PieceGone)?;
    let mut ctx = crate::api::context::Ctx::load().await?;
    let shopper = ctx
        .shopper(true)
        .await?
        .ok_or_else(|| ApiError::internal("no shopper after creating one"))?;
    let view = cart::add_item(
        &ctx.services.db,
        shopper.owner,
        variant_id,
        quantity,
        Some("product_page"),
    )
    .await?;
    Ok(server::cart_dto(view, Vec::new()))
}

/// Sets a line's quantity (0 removes it).
#[server(endpoint = "cart/set_quantity")]
pub async fn set_cart_quantity(item_id: String, quantity: i32) -> Result<CartDto, ApiError> {
    use services::cart;
    let item_id = server::parse_id(&item_id, Refusal::NotInBag)?;
    let mut ctx = crate::api::context::Ctx::load().await?;
    let owner = server::bag_of(&mut ctx)
        .await?
        .ok_or_else(|| ApiError::new(Refusal::NotInBag))?;
    let view = cart::set_quantity(&ctx.services.db, owner, item_id, quantity).await?;
    Ok(server::cart_dto(view, Vec::new()))
}

/// Removes a line.
#[server(endpoint = "cart/remove")]
pub async fn remove_from_cart(item_id: String) -> Result<CartDto, ApiError> {
    use services::cart;
    let item_id = server::parse_id(&item_id, Refusal::NotInBag)?;
    let mut ctx = crate::api::context::Ctx::load().await?;
    let owner = server::bag_of(&mut ctx)
        .await?
        .ok_or_else(|| ApiError::new(Refusal::NotInBag))?;
    let view = cart::remove_item(&ctx.services.db, owner, item_id).await?;
    Ok(server::cart_dto(view, Vec::new()))
}

/// The shopper accepts the current prices: the price-change notices go away.
#[server(endpoint = "cart/accept_prices")]
pub async fn accept_cart_prices() -> Result<CartDto, ApiError> {
    use services::cart::{self, CartView};
    let mut ctx = crate::api::context::Ctx::load().await?;
    let view = match server::bag_of(&mut ctx).await? {
        Some(owner) => cart::accept_current_prices(&ctx.services.db, owner).await?,
        None => CartView::default(),
    };
    Ok(server::cart_dto(view, Vec::new()))
}

/// Checks a promo code against the bag; a code that applies is remembered on the bag,
/// one that does not comes back with the exact reason (and the bag keeps no code).
#[server(endpoint = "cart/apply_coupon")]
pub async fn apply_coupon(code: String) -> Result<CouponOutcome, ApiError> {
    use services::cart;
    use services::pricing::{self, PricingError, QuoteLines, QuoteRequest};
    let mut ctx = crate::api::context::Ctx::load().await?;
    let rejected = |refusal: Refusal| CouponOutcome::Rejected {
        message: crate::api::error::word(&refusal),
        refusal,
    };
    let Some(shopper) = ctx.shopper(false).await? else {
        return Ok(rejected(Refusal::EmptyBag));
    };
    let db = &ctx.services.db;
    let Some(found) = cart::find_cart(db, shopper.owner).await? else {
        return Ok(rejected(Refusal::EmptyBag));
    };
    let code = code.trim().to_uppercase();
    if code.is_empty() {
        return Ok(rejected(Refusal::CouponMissing));
    }
    let request = QuoteRequest {
        lines: QuoteLines::Cart(found.id),
        destination_country: None,
        shipping_method: None,
        coupon_code: Some(code.clone()),
        user_id: Some(shopper.user.id),
    };
    match pricing::quote(db, &request).await {
        Ok(totals) => {
            let view = cart::set_coupon_code(db, shopper.owner, Some(&code)).await?;
            Ok(CouponOutcome::Applied {
                discount: Money::new(totals.discount, &totals.currency),
                code,
                cart: server::cart_dto(view, Vec::new()),
            })
        }
        Err(error @ (PricingError::Internal(_) | PricingError::Misconfigured(_))) => {
            Err(error.into())
        }
        Err(refusal) => Ok(rejected(refusal.refusal())),
    }
}

/// Forgets the bag's promo code.
#[server(endpoint = "cart/remove_coupon")]
pub async fn remove_coupon() -> Result<CartDto, ApiError> {
    use services::cart::{self, CartView};
    let mut ctx = crate::api::context::Ctx::load().await?;
    let view = match server::bag_of(&mut ctx).await? {
        Some(owner) => cart::set_coupon_code(&ctx.services.db, owner, None).await?,
        None => CartView::default(),
    };
    Ok(server::cart_dto(view, Vec::new()))
}

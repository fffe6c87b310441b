//! The account's home page as one server function.

use leptos::prelude::*;

use crate::api::ApiError;
pub use domain::read::account::*;

/// The signed-in shopper's overview: latest orders, points, tier and counts.
#[server(endpoint = "account/overview")]
pub async fn account_overview() -> Result<AccountOverviewDto, ApiError> {
    use crate::api::account::orders::server::card;
    use crate::api::dates::Clock;
    use entities::sea_orm_active_enums::MembershipTier;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let found = services::overview::overview(&ctx.services.db, user).await?;
    let clock = Clock::new(&user.timezone, ctx.locale);
    let tier = match found.tier {
        MembershipTier::Pearl => Tier::Pearl,
        MembershipTier::Sapphire => Tier::Sapphire,
        MembershipTier::Diamond => Tier::Diamond,
        MembershipTier::Obsidian => Tier::Obsidian,
    };
    Ok(AccountOverviewDto {
        name: user.name.clone().unwrap_or_else(|| user.email.clone()),
        email: user.email.clone(),
        recent_orders: found
            .recent_orders
            .into_iter()
            .map(|order| card(order, &clock))
            .collect(),
        any_orders: found.any_orders,
        points: found.points,
        tier,
        tier_renews: found
            .membership_expires_at
            .filter(|_| tier != Tier::Pearl)
            .map(|at| clock.date(at)),
        saved_pieces: found.saved_pieces,
        unread: found.unread,
    })
}

//! The account's home page in one read: the latest orders, the points balance, the
//! membership tier, and how many pieces are saved and messages unread.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter};

use crate::checkout::points_balance;
use crate::notifications;
use crate::orders::{self, OrderCard, OrderError, OrderListQuery};
use entities::sea_orm_active_enums::MembershipTier;
use entities::{users, wishlist_items, wishlists};

/// How many orders the home page shows.
pub const RECENT_ORDERS: u64 = 3;

#[derive(Clone, Debug)]
pub struct Overview {
    pub recent_orders: Vec<OrderCard>,
    pub any_orders: bool,
    pub points: i32,
    pub tier: MembershipTier,
    pub membership_expires_at: Option<DateTimeWithTimeZone>,
    /// Pieces saved across all the shopper's lists.
    pub saved_pieces: u64,
    /// Unread notifications that have not expired.
    pub unread: u64,
}

/// `user`'s overview.
pub async fn overview(
    db: &impl ConnectionTrait,
    user: &users::Model,
) -> Result<Overview, OrderError> {
    let recent = orders::list(
        db,
        user.id,
        &OrderListQuery {
            limit: RECENT_ORDERS,
            ..Default::default()
        },
    )
    .await?;
    let saved_pieces = wishlist_items::Entity::find()
        .inner_join(wishlists::Entity)
        .filter(wishlists::Column::UserId.eq(user.id))
        .count(db)
        .await?;
    Ok(Overview {
        recent_orders: recent.cards,
        any_orders: recent.any_orders,
        points: points_balance(db, user.id).await?.max(0),
        tier: user.membership_tier,
        membership_expires_at: user.membership_expires_at,
        saved_pieces,
        unread: notifications::unread_count(db, user.id).await?,
    })
}

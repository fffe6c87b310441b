//! The shopping bag (`carts`, `cart_items`) of a signed-in shopper or of a guest.
//!
//! A guest's cart belongs to their session (`carts.session_id`; guests get a session and
//! a `GUEST` user lazily, see `auth::sessions::start_guest`); a shopper's to their user
//! (`carts.user_id`). The active cart is the owner's most recently updated cart that has
//! not expired; one is created on the first add.
//!
//! Quantities are capped by what can be sold now (`inventory_quantity -
//! inventory_reserved`) and by [`crate::pricing::MAX_LINE_QUANTITY`]. A line remembers the
//! unit price when it was added (`price_at_time`); the bag always charges the current
//! price and shows a [`PriceChange`] when the two differ, until the shopper accepts the
//! new prices ([`accept_current_prices`]).
//!
//! Writes run in one transaction that first locks the owner's row (`users` or
//! `sessions`), so concurrent requests of one shopper take turns. On sign-in, call
//! [`merge_guest_cart`] before ending the guest session: deleting a session deletes its
//! cart.
//!
//! The parts: `view` (the bag priced now, [`CartView`]), `lines` (adding, changing and
//! removing lines, the coupon code), `several` (several pieces at once, [`add_lines`])
//! and `merge` (a guest's bag into the shopper's on sign-in). The owner, the errors and the cart row itself live here.

mod lines;
mod merge;
mod several;
mod view;

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter,
    QueryOrder, Statement, TransactionTrait,
};

use crate::pricing::MAX_LINE_QUANTITY;
use domain::Refusal;
use entities::carts;

pub use lines::{accept_current_prices, add_item, remove_item, set_coupon_code, set_quantity};
pub use merge::{MergeChange, MergeOutcome, merge_guest_cart};
pub use several::{LinesAdded, MAX_LINES_AT_ONCE, add_lines};
pub use view::{CartLine, CartView, PriceChange, view};

/// Whose bag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CartOwner {
    /// A signed-in shopper (`users.id`).
    User(Uuid),
    /// A guest, by their session (`sessions.id`).
    Session(Uuid),
}

#[derive(Debug, thiserror::Error)]
pub enum CartError {
    #[error("That piece no longer exists.")]
    UnknownVariant,
    #[error("{name} is not available to buy right now.")]
    Unavailable { name: String },
    #[error("Sorry, {name} is sold out.")]
    SoldOut { name: String },
    #[error("{}", not_enough_message(name, *available, *in_cart))]
    NotEnoughStock {
        name: String,
        available: i32,
        in_cart: i32,
    },
    #[error("Choose a quantity between 1 and {max}.", max = MAX_LINE_QUANTITY)]
    InvalidQuantity,
    #[error("You can have at most {max} of {name} in your bag.", max = MAX_LINE_QUANTITY)]
    LineLimit { name: String },
    #[error("That piece is no longer in your bag.")]
    NotInCart,
    #[error("Your session has expired. Please refresh the page and try again.")]
    SessionExpired,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl CartError {
    /// The typed reason the shopper is shown.
    pub fn refusal(&self) -> Refusal {
        match self {
            CartError::UnknownVariant => Refusal::PieceGone,
            CartError::Unavailable { name } => Refusal::PieceUnavailable { name: name.clone() },
            CartError::SoldOut { name } => Refusal::SoldOut { name: name.clone() },
            CartError::NotEnoughStock {
                name,
                available,
                in_cart,
            } => Refusal::NotEnoughStock {
                name: name.clone(),
                available: *available,
                in_bag: *in_cart,
            },
            CartError::InvalidQuantity => Refusal::QuantityRange {
                max: MAX_LINE_QUANTITY,
            },
            CartError::LineLimit { name } => Refusal::LineLimit {
                name: name.clone(),
                max: MAX_LINE_QUANTITY,
            },
            CartError::NotInCart => Refusal::NotInBag,
            CartError::SessionExpired => Refusal::SessionExpired,
            CartError::Internal(_) => Refusal::Internal,
        }
    }
}

fn not_enough_message(name: &str, available: i32, in_cart: i32) -> String {
    if in_cart > 0 {
        format!("Only {available} of {name} available, and your bag already has {in_cart}.")
    } else {
        format!("Only {available} of {name} available.")
    }
}

/// The owner's active cart, if any.
pub async fn find_cart(
    db: &impl ConnectionTrait,
    owner: CartOwner,
) -> Result<Option<carts::Model>, DbErr> {
    let query = match owner {
        CartOwner::User(id) => carts::Entity::find().filter(carts::Column::UserId.eq(id)),
        CartOwner::Session(id) => carts::Entity::find().filter(carts::Column::SessionId.eq(id)),
    };
    query
        .filter(carts::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(carts::Column::UpdatedAt)
        .order_by_desc(carts::Column::Id)
        .one(db)
        .await
}

/// Opens a transaction holding the owner's row lock.
async fn begin_for(
    db: &DatabaseConnection,
    owner: CartOwner,
) -> Result<DatabaseTransaction, CartError> {
    let txn = db.begin().await?;
    lock_owner(&txn, owner).await?;
    Ok(txn)
}

async fn lock_owner(txn: &DatabaseTransaction, owner: CartOwner) -> Result<(), CartError> {
    let (sql, id) = match owner {
        CartOwner::User(id) => (
            "SELECT id FROM users WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE",
            id,
        ),
        CartOwner::Session(id) => (
            "SELECT id FROM sessions WHERE id = $1 AND expires_at > now() FOR NO KEY UPDATE",
            id,
        ),
    };
    txn.query_one_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        sql,
        [id.into()],
    ))
    .await?
    .map(|_| ())
    .ok_or(CartError::SessionExpired)
}

async fn get_or_create(txn: &DatabaseTransaction, owner: CartOwner) -> Result<carts::Model, DbErr> {
    if let Some(cart) = find_cart(txn, owner).await? {
        return Ok(cart);
    }
    let (user_id, session_id) = match owner {
        CartOwner::User(id) => (Some(id), None),
        CartOwner::Session(id) => (None, Some(id)),
    };
    carts::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        session_id: Set(session_id),
        ..Default::default()
    }
    .insert(txn)
    .await
}

async fn touch(txn: &DatabaseTransaction, cart_id: Uuid) -> Result<(), DbErr> {
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "UPDATE carts SET updated_at = now(), is_abandoned = false, \
         expires_at = GREATEST(expires_at, now() + INTERVAL '30 days') WHERE id = $1",
        [cart_id.into()],
    ))
    .await?;
    Ok(())
}

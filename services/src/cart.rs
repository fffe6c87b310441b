//! The shopping bag (`carts`, `cart_items`) of a signed-in shopper or of a guest.
//!
//! A guest's cart belongs to their session (`carts.session_id`; guests get a session and
//! a `GUEST` user lazily, see `auth::sessions::start_guest`); a shopper's to their user
//! (`carts.user_id`). The active cart is the owner's most recently updated cart that has
//! not expired; one is created on the first add.
//!
//! Quantities are capped by what can be sold now (`inventory_quantity -
//! inventory_reserved`) and by [`MAX_LINE_QUANTITY`]. A line remembers the unit price
//! when it was added (`price_at_time`); the bag always charges the current price and
//! shows a [`PriceChange`] when the two differ, until the shopper accepts the new prices
//! ([`accept_current_prices`]).
//!
//! Writes run in one transaction that first locks the owner's row (`users` or
//! `sessions`), so concurrent requests of one shopper take turns. On sign-in, call
//! [`merge_guest_cart`] before ending the guest session: deleting a session deletes its
//! cart.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, IntoActiveModel,
    QueryFilter, QueryOrder, Statement, TransactionTrait,
};

use crate::pricing::{LINE_COLUMNS, MAX_LINE_QUANTITY, variant_title};
use domain::Refusal;
use entities::{cart_items, carts};

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

/// The unit price moved since the line was added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceChange {
    pub old: Decimal,
    pub new: Decimal,
}

impl PriceChange {
    pub fn message(&self, name: &str) -> String {
        let direction = if self.new < self.old {
            "dropped"
        } else {
            "gone up"
        };
        format!(
            "The price of {name} has {direction} from {} to {}.",
            self.old, self.new
        )
    }
}

/// One line of the bag, priced now.
#[derive(Clone, Debug, PartialEq)]
pub struct CartLine {
    pub item_id: Uuid,
    pub variant_id: Uuid,
    pub product_id: Uuid,
    pub product_name: String,
    pub product_slug: String,
    pub variant_title: Option<String>,
    pub sku: String,
    pub quantity: i32,
    /// The current price of one unit (what checkout charges).
    pub unit_price: Decimal,
    pub price_at_time: Decimal,
    /// `Some` when the current price differs from `price_at_time`.
    pub price_change: Option<PriceChange>,
    pub line_total: Decimal,
    /// Units that can be sold now.
    pub available: i32,
    pub purchasable: bool,
    pub personalization: Option<Json>,
    /// Why the line cannot be bought as it is (sold out, fewer left, unavailable).
    pub problem: Option<Refusal>,
}

/// The bag as the shopper sees it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CartView {
    /// `None` when the owner has no cart yet.
    pub cart_id: Option<Uuid>,
    pub currency: String,
    pub lines: Vec<CartLine>,
    /// Sum of line totals at current prices (before discount, shipping and tax).
    pub subtotal: Decimal,
    /// Units in the bag.
    pub item_count: i32,
    pub coupon_code: Option<String>,
}

impl CartView {
    pub fn has_price_changes(&self) -> bool {
        self.lines.iter().any(|line| line.price_change.is_some())
    }

    /// Whether every line can be bought as it is.
    pub fn is_ready_for_checkout(&self) -> bool {
        !self.lines.is_empty() && self.lines.iter().all(|line| line.problem.is_none())
    }
}

/// What happened to one guest line when it moved into the shopper's bag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeOutcome {
    /// A new line in the shopper's bag.
    Added { quantity: i32 },
    /// Summed with the line already there.
    Combined { quantity: i32 },
    /// Summed, but only `kept` fit what is in stock (or the per-line limit).
    Capped { requested: i32, kept: i32 },
    /// Nothing left to sell: the guest line was dropped.
    SoldOut,
    /// The piece can no longer be bought: the guest line was dropped.
    Unavailable,
}

/// One line of the merge report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeChange {
    pub variant_id: Uuid,
    pub product_name: String,
    pub variant_title: Option<String>,
    pub outcome: MergeOutcome,
}

impl MergeChange {
    /// Whether the shopper should be told (anything but a plain move).
    pub fn is_notable(&self) -> bool {
        !matches!(
            self.outcome,
            MergeOutcome::Added { .. } | MergeOutcome::Combined { .. }
        )
    }

    pub fn message(&self) -> String {
        let name = match &self.variant_title {
            Some(title) => format!("{} ({title})", self.product_name),
            None => self.product_name.clone(),
        };
        match &self.outcome {
            MergeOutcome::Added { quantity } => format!("{name}: {quantity} added to your bag."),
            MergeOutcome::Combined { quantity } => {
                format!("{name}: combined with your bag, now {quantity}.")
            }
            MergeOutcome::Capped { requested, kept } => format!(
                "{name}: you had {requested} across both bags, but only {kept} can be kept, so your bag now has {kept}."
            ),
            MergeOutcome::SoldOut => format!("{name} has sold out and was removed."),
            MergeOutcome::Unavailable => format!("{name} is no longer available and was removed."),
        }
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

/// A variant as a cart sees it.
struct VariantInfo {
    product_id: Uuid,
    name: String,
    title: Option<String>,
    unit_price: Decimal,
    available: i32,
    purchasable: bool,
}

async fn variant_info(
    db: &impl ConnectionTrait,
    variant_id: Uuid,
) -> Result<Option<VariantInfo>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "SELECT {LINE_COLUMNS} FROM product_variants v JOIN products p ON p.id = v.product_id \
                 WHERE v.id = $1"
            ),
            [variant_id.into()],
        ))
        .await?;
    row.map(|row| {
        Ok(VariantInfo {
            product_id: row.try_get("", "product_id")?,
            name: row.try_get("", "product_name")?,
            title: variant_title(&row),
            unit_price: row.try_get("", "unit_price")?,
            available: row.try_get("", "available")?,
            purchasable: row.try_get("", "purchasable")?,
        })
    })
    .transpose()
}

/// The line of `variant_id` without personalisation, if the cart has one.
async fn plain_line(
    txn: &DatabaseTransaction,
    cart_id: Uuid,
    variant_id: Uuid,
) -> Result<Option<cart_items::Model>, DbErr> {
    cart_items::Entity::find()
        .filter(cart_items::Column::CartId.eq(cart_id))
        .filter(cart_items::Column::VariantId.eq(variant_id))
        .filter(cart_items::Column::Personalization.is_null())
        .one(txn)
        .await
}

/// Checks that `quantity` units of `variant` may sit in a bag that already holds
/// `in_cart` of them (the caller passes the new total as `quantity`).
fn check_quantity(info: &VariantInfo, quantity: i32, in_cart: i32) -> Result<(), CartError> {
    if !info.purchasable {
        return Err(CartError::Unavailable {
            name: info.name.clone(),
        });
    }
    if quantity > MAX_LINE_QUANTITY {
        return Err(CartError::LineLimit {
            name: info.name.clone(),
        });
    }
    if info.available <= 0 {
        return Err(CartError::SoldOut {
            name: info.name.clone(),
        });
    }
    if quantity > info.available {
        return Err(CartError::NotEnoughStock {
            name: info.name.clone(),
            available: info.available,
            in_cart,
        });
    }
    Ok(())
}

/// The owner's bag, priced now. An owner without a cart gets an empty view.
pub async fn view(db: &impl ConnectionTrait, owner: CartOwner) -> Result<CartView, CartError> {
    let Some(cart) = find_cart(db, owner).await? else {
        return Ok(CartView {
            currency: "USD".into(),
            ..Default::default()
        });
    };
    view_of(db, &cart).await
}

async fn view_of(db: &impl ConnectionTrait, cart: &carts::Model) -> Result<CartView, CartError> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "SELECT {LINE_COLUMNS}, ci.id AS item_id, ci.quantity, ci.price_at_time, ci.personalization \
                 FROM cart_items ci JOIN product_variants v ON v.id = ci.variant_id \
                 JOIN products p ON p.id = v.product_id \
                 WHERE ci.cart_id = $1 ORDER BY ci.added_at, ci.id"
            ),
            [cart.id.into()],
        ))
        .await?;
    let mut view = CartView {
        cart_id: Some(cart.id),
        currency: cart.currency.clone(),
        coupon_code: cart.coupon_code.clone(),
        ..Default::default()
    };
    for row in rows {
        let unit_price: Decimal = row.try_get("", "unit_price")?;
        let price_at_time: Decimal = row.try_get("", "price_at_time")?;
        let quantity: i32 = row.try_get("", "quantity")?;
        let available: i32 = row.try_get("", "available")?;
        let purchasable: bool = row.try_get("", "purchasable")?;
        let product_name: String = row.try_get("", "product_name")?;
        let problem = if !purchasable {
            Some(Refusal::NoLongerAvailable {
                name: product_name.clone(),
            })
        } else if available <= 0 {
            Some(Refusal::SoldOut {
                name: product_name.clone(),
            })
        } else if quantity > available {
            Some(Refusal::OnlyLeft {
                name: product_name.clone(),
                available,
            })
        } else {
            None
        };
        let line_total = crate::pricing::round_cents(unit_price * Decimal::from(quantity));
        view.subtotal += line_total;
        view.item_count += quantity;
        view.currency = row.try_get("", "currency")?;
        view.lines.push(CartLine {
            item_id: row.try_get("", "item_id")?,
            variant_id: row.try_get("", "variant_id")?,
            product_id: row.try_get("", "product_id")?,
            product_slug: row.try_get("", "product_slug")?,
            variant_title: variant_title(&row),
            sku: row.try_get("", "sku")?,
            quantity,
            unit_price,
            price_at_time,
            price_change: (unit_price != price_at_time).then_some(PriceChange {
                old: price_at_time,
                new: unit_price,
            }),
            line_total,
            available,
            purchasable,
            personalization: row.try_get("", "personalization")?,
            problem,
            product_name,
        });
    }
    Ok(view)
}

/// Adds `quantity` units of a variant (summed with the plain line already there).
/// `added_from` records where the shopper clicked (e.g. `"product_page"`).
pub async fn add_item(
    db: &DatabaseConnection,
    owner: CartOwner,
    variant_id: Uuid,
    quantity: i32,
    added_from: Option<&str>,
) -> Result<CartView, CartError> {
    if quantity < 1 {
        return Err(CartError::InvalidQuantity);
    }
    let txn = begin_for(db, owner).await?;
    let info = variant_info(&txn, variant_id)
        .await?
        .ok_or(CartError::UnknownVariant)?;
    let cart = get_or_create(&txn, owner).await?;
    match plain_line(&txn, cart.id, variant_id).await? {
        Some(line) => {
            check_quantity(&info, line.quantity + quantity, line.quantity)?;
            let total = line.quantity + quantity;
            let mut active = line.into_active_model();
            active.quantity = Set(total);
            active.update(&txn).await?;
        }
        None => {
            check_quantity(&info, quantity, 0)?;
            cart_items::ActiveModel {
                id: Set(Uuid::new_v4()),
                cart_id: Set(cart.id),
                product_id: Set(info.product_id),
                variant_id: Set(variant_id),
                quantity: Set(quantity),
                price_at_time: Set(info.unit_price),
                added_from: Set(added_from.map(|from| from.chars().take(50).collect())),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    touch(&txn, cart.id).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

/// Sets the quantity of the line `item_id`; 0 removes it. Lowering is always allowed;
/// raising is capped by stock.
pub async fn set_quantity(
    db: &DatabaseConnection,
    owner: CartOwner,
    item_id: Uuid,
    quantity: i32,
) -> Result<CartView, CartError> {
    if quantity < 0 {
        return Err(CartError::InvalidQuantity);
    }
    let txn = begin_for(db, owner).await?;
    let cart = find_cart(&txn, owner).await?.ok_or(CartError::NotInCart)?;
    let line = cart_items::Entity::find_by_id(item_id)
        .filter(cart_items::Column::CartId.eq(cart.id))
        .one(&txn)
        .await?
        .ok_or(CartError::NotInCart)?;
    if quantity == 0 {
        line.delete(&txn).await?;
    } else if quantity != line.quantity {
        if quantity > line.quantity {
            let info = variant_info(&txn, line.variant_id)
                .await?
                .ok_or(CartError::UnknownVariant)?;
            check_quantity(&info, quantity, line.quantity)?;
        } else if quantity > MAX_LINE_QUANTITY {
            return Err(CartError::InvalidQuantity);
        }
        let mut active = line.into_active_model();
        active.quantity = Set(quantity);
        active.update(&txn).await?;
    }
    touch(&txn, cart.id).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

/// Removes the line `item_id`.
pub async fn remove_item(
    db: &DatabaseConnection,
    owner: CartOwner,
    item_id: Uuid,
) -> Result<CartView, CartError> {
    set_quantity(db, owner, item_id, 0).await
}

/// The shopper has seen the new prices: `price_at_time` becomes the current price on
/// every line, so the notices go away.
pub async fn accept_current_prices(
    db: &DatabaseConnection,
    owner: CartOwner,
) -> Result<CartView, CartError> {
    let txn = begin_for(db, owner).await?;
    let Some(cart) = find_cart(&txn, owner).await? else {
        txn.commit().await?;
        return view(db, owner).await;
    };
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "UPDATE cart_items ci SET price_at_time = COALESCE(v.price, p.price), updated_at = now() \
         FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE ci.cart_id = $1 AND v.id = ci.variant_id",
        [cart.id.into()],
    ))
    .await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

/// Moves the guest cart of `session_id` into the bag of `user_id` (on sign-in or
/// registration): quantities of the same piece are summed and capped by stock and the
/// per-line limit; pieces that sold out or were withdrawn are dropped. The guest cart
/// is deleted. Returns one [`MergeChange`] per guest line, in the order they were added.
pub async fn merge_guest_cart(
    db: &DatabaseConnection,
    session_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<MergeChange>, CartError> {
    let txn = db.begin().await?;
    // Lock order: the user, then the session (cart writes lock only one of them).
    lock_owner(&txn, CartOwner::User(user_id)).await?;
    let session_locked = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT id FROM sessions WHERE id = $1 FOR NO KEY UPDATE",
            [session_id.into()],
        ))
        .await?
        .is_some();
    let guest_cart = match session_locked {
        true => find_cart(&txn, CartOwner::Session(session_id)).await?,
        false => None,
    };
    let Some(guest_cart) = guest_cart else {
        txn.commit().await?;
        return Ok(Vec::new());
    };
    let guest_lines = cart_items::Entity::find()
        .filter(cart_items::Column::CartId.eq(guest_cart.id))
        .order_by_asc(cart_items::Column::AddedAt)
        .order_by_asc(cart_items::Column::Id)
        .all(&txn)
        .await?;
    if guest_lines.is_empty() {
        carts::Entity::delete_by_id(guest_cart.id)
            .exec(&txn)
            .await?;
        txn.commit().await?;
        return Ok(Vec::new());
    }
    let cart = get_or_create(&txn, CartOwner::User(user_id)).await?;
    let mut infos: HashMap<Uuid, VariantInfo> = HashMap::new();
    let mut changes = Vec::with_capacity(guest_lines.len());
    for guest in guest_lines {
        if let std::collections::hash_map::Entry::Vacant(slot) = infos.entry(guest.variant_id) {
            let Some(info) = variant_info(&txn, guest.variant_id).await? else {
                continue;
            };
            slot.insert(info);
        }
        let info = &infos[&guest.variant_id];
        let existing = match guest.personalization {
            Some(_) => None,
            None => plain_line(&txn, cart.id, guest.variant_id).await?,
        };
        let in_bag = existing.as_ref().map_or(0, |line| line.quantity);
        let requested = in_bag + guest.quantity;
        let cap = info.available.min(MAX_LINE_QUANTITY);
        let outcome = if !info.purchasable {
            MergeOutcome::Unavailable
        } else if cap <= 0 {
            MergeOutcome::SoldOut
        } else if requested > cap {
            MergeOutcome::Capped {
                requested,
                kept: cap,
            }
        } else if existing.is_some() {
            MergeOutcome::Combined {
                quantity: requested,
            }
        } else {
            MergeOutcome::Added {
                quantity: requested,
            }
        };
        let keep = match outcome {
            MergeOutcome::Added { quantity } | MergeOutcome::Combined { quantity } => {
                Some(quantity)
            }
            MergeOutcome::Capped { kept, .. } => Some(kept),
            MergeOutcome::SoldOut | MergeOutcome::Unavailable => None,
        };
        if let Some(quantity) = keep {
            match existing {
                Some(line) => {
                    let mut active = line.into_active_model();
                    active.quantity = Set(quantity);
                    active.update(&txn).await?;
                }
                None => {
                    cart_items::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        cart_id: Set(cart.id),
                        product_id: Set(guest.product_id),
                        variant_id: Set(guest.variant_id),
                        quantity: Set(quantity),
                        price_at_time: Set(guest.price_at_time),
                        personalization: Set(guest.personalization.clone()),
                        added_from: Set(guest.added_from.clone()),
                        recommendation_score: Set(guest.recommendation_score),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?;
                }
            }
        }
        changes.push(MergeChange {
            variant_id: guest.variant_id,
            product_name: info.name.clone(),
            variant_title: info.title.clone(),
            outcome,
        });
    }
    if cart.coupon_code.is_none() && guest_cart.coupon_code.is_some() {
        let mut active = cart.clone().into_active_model();
        active.coupon_code = Set(guest_cart.coupon_code.clone());
        active.update(&txn).await?;
    }
    carts::Entity::delete_by_id(guest_cart.id)
        .exec(&txn)
        .await?;
    touch(&txn, cart.id).await?;
    txn.commit().await?;
    Ok(changes)
}

/// Remembers the coupon code the shopper entered (checked by pricing when quoting), or
/// forgets it with `None`.
pub async fn set_coupon_code(
    db: &DatabaseConnection,
    owner: CartOwner,
    code: Option<&str>,
) -> Result<CartView, CartError> {
    let txn = begin_for(db, owner).await?;
    let cart = get_or_create(&txn, owner).await?;
    let code = code
        .map(|code| code.trim().to_uppercase())
        .filter(|code| !code.is_empty())
        .map(|code| code.chars().take(50).collect::<String>());
    let mut active = cart.clone().into_active_model();
    active.coupon_code = Set(code);
    let cart = active.update(&txn).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

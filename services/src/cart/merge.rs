//! On sign-in, a guest's bag moves into the shopper's: lines summed and capped, pieces no
//! longer for sale dropped, and a report of what happened to each line.

use std::collections::HashMap;

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, IntoActiveModel, QueryFilter,
    QueryOrder, Statement, TransactionTrait,
};

use super::lines::{VariantInfo, plain_line, variant_info};
use super::{CartError, CartOwner, find_cart, get_or_create, lock_owner, touch};
use crate::pricing::MAX_LINE_QUANTITY;
use entities::{cart_items, carts};

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

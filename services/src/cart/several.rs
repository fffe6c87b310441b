//! Adding several pieces at once ("Add the look to bag"): one unit of each variant, all
//! in one transaction holding the owner's lock. A piece that cannot go in the bag (sold
//! out, unavailable, at its line limit, gone) is reported and the others are added.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, DatabaseConnection, IntoActiveModel};

use super::lines::{check_quantity, plain_line, variant_info};
use super::view::view_of;
use super::{CartError, CartOwner, CartView, begin_for, get_or_create, touch};
use entities::cart_items;

/// Most variants one call adds.
pub const MAX_LINES_AT_ONCE: usize = 8;

/// What [`add_lines`] did.
#[derive(Debug)]
pub struct LinesAdded {
    /// The bag afterwards.
    pub view: CartView,
    /// The names of the pieces added, in the order asked.
    pub added: Vec<String>,
    /// Why each other piece was not added.
    pub refused: Vec<CartError>,
}

/// Adds one unit of each of `variant_ids` (repeats counted once, at most
/// [`MAX_LINES_AT_ONCE`]) in one transaction.
pub async fn add_lines(
    db: &DatabaseConnection,
    owner: CartOwner,
    variant_ids: &[Uuid],
    added_from: Option<&str>,
) -> Result<LinesAdded, CartError> {
    let mut ids: Vec<Uuid> = Vec::new();
    for id in variant_ids {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    if ids.is_empty() || ids.len() > MAX_LINES_AT_ONCE {
        return Err(CartError::InvalidQuantity);
    }
    let txn = begin_for(db, owner).await?;
    let cart = get_or_create(&txn, owner).await?;
    let (mut added, mut refused) = (Vec::new(), Vec::new());
    for variant_id in ids {
        let Some(info) = variant_info(&txn, variant_id).await? else {
            refused.push(CartError::UnknownVariant);
            continue;
        };
        let outcome = match plain_line(&txn, cart.id, variant_id).await? {
            Some(line) => {
                let total = line.quantity.saturating_add(1);
                match check_quantity(&info, total, line.quantity) {
                    Ok(()) => {
                        let mut active = line.into_active_model();
                        active.quantity = Set(total);
                        active.update(&txn).await?;
                        Ok(())
                    }
                    Err(error) => Err(error),
                }
            }
            None => match check_quantity(&info, 1, 0) {
                Ok(()) => {
                    cart_items::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        cart_id: Set(cart.id),
                        product_id: Set(info.product_id),
                        variant_id: Set(variant_id),
                        quantity: Set(1),
                        price_at_time: Set(info.unit_price),
                        added_from: Set(added_from.map(|from| from.chars().take(50).collect())),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?;
                    Ok(())
                }
                Err(error) => Err(error),
            },
        };
        match outcome {
            Ok(()) => added.push(info.name),
            Err(error) => refused.push(error),
        }
    }
    touch(&txn, cart.id).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(LinesAdded {
        view,
        added,
        refused,
    })
}

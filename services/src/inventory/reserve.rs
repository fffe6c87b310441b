//! Holding stock for a new order: every line checked against what can be sold before
//! anything is written.

use std::collections::BTreeMap;

use sea_orm::prelude::*;
use sea_orm::{DatabaseTransaction, QueryFilter};

use super::{InventoryError, KIND_RESERVE, ledger, lock_variants, set_counters};
use entities::order_items;

/// Holds `lines` (variant, quantity) for `order_id`, whose `order_items` must already
/// exist. All or nothing: on [`InventoryError::SoldOut`] nothing was written by this
/// call, and the caller rolls its transaction back.
pub async fn reserve(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    lines: &[(Uuid /*variant_id*/, i32 /*quantity*/)],
) -> Result<(), InventoryError> {
    let mut wanted: BTreeMap<Uuid, i32> = BTreeMap::new();
    for &(variant_id, quantity) in lines {
        if quantity < 1 {
            return Err(InventoryError::InvalidQuantity {
                variant_id,
                quantity,
            });
        }
        *wanted.entry(variant_id).or_default() += quantity;
    }
    if wanted.is_empty() {
        return Ok(());
    }
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .all(txn)
        .await?;
    let locked = lock_variants(txn, wanted.keys().copied().collect()).await?;
    // Check every line before writing anything.
    for (variant_id, quantity) in &wanted {
        let variant = locked
            .get(variant_id)
            .ok_or(InventoryError::UnknownVariant {
                variant_id: *variant_id,
            })?;
        if !items.iter().any(|item| item.variant_id == *variant_id) {
            return Err(InventoryError::NotInOrder {
                variant_id: *variant_id,
            });
        }
        let available = variant.quantity - variant.reserved;
        if *quantity > available {
            return Err(InventoryError::SoldOut {
                sku: variant.sku.clone(),
                available: available.max(0),
            });
        }
    }
    for (variant_id, quantity) in wanted {
        let variant = &locked[&variant_id];
        let item = items
            .iter()
            .find(|item| item.variant_id == variant_id)
            .expect("checked above");
        let reserved = variant.reserved + quantity;
        set_counters(txn, variant_id, variant.quantity, reserved).await?;
        ledger(
            txn,
            variant_id,
            item.id,
            KIND_RESERVE,
            -quantity,
            variant.quantity - reserved,
            format!("held for order {order_id}"),
        )
        .await?;
    }
    Ok(())
}

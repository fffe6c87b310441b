//! Stock counted by hand: an adjustment of a variant's units on hand with a reason
//! (received, correction, damaged, shrinkage, return restock), written to the ledger
//! under the variant's lock. A restock from none tells the shoppers who saved the piece.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, DatabaseConnection, TransactionTrait};

use super::{InventoryError, lock_variants, set_counters};
use entities::inventory_transactions;

/// The ledger's `type` of an adjustment.
pub const KIND_ADJUSTMENT: &str = "adjustment";

/// The units on hand before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Adjusted {
    pub before: i32,
    pub after: i32,
}

/// Changes `variant_id`'s units on hand by `change` (never below what is reserved or
/// zero), recording `reason` and `actor`; then checks its saved pieces for alerts.
pub async fn adjust(
    db: &DatabaseConnection,
    variant_id: Uuid,
    change: i32,
    reason: &str,
    actor: Option<Uuid>,
) -> Result<Adjusted, InventoryError> {
    if reason.trim().is_empty() {
        return Err(InventoryError::ReasonMissing);
    }
    let txn = db.begin().await?;
    let locked = lock_variants(&txn, vec![variant_id]).await?;
    let variant = locked
        .get(&variant_id)
        .ok_or(InventoryError::UnknownVariant { variant_id })?;
    let after = variant.quantity.saturating_add(change);
    if change == 0 || after < variant.reserved.max(0) {
        return Err(InventoryError::InvalidQuantity {
            variant_id,
            quantity: change,
        });
    }
    set_counters(&txn, variant_id, after, variant.reserved).await?;
    inventory_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        variant_id: Set(variant_id),
        r#type: Set(KIND_ADJUSTMENT.into()),
        quantity: Set(change),
        balance_after: Set(after),
        reason: Set(Some(reason.trim().chars().take(500).collect())),
        created_by: Set(actor),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let before = variant.quantity;
    txn.commit().await?;
    if before <= 0 && after > 0 {
        let product: Option<Uuid> = entities::product_variants::Entity::find_by_id(variant_id)
            .one(db)
            .await?
            .map(|variant| variant.product_id);
        if let Some(product) = product {
            crate::wishlists::alerts::check_product(db, product, chrono::Utc::now()).await?;
        }
    }
    Ok(Adjusted { before, after })
}

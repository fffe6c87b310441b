//! Changing a product's price: the new price and an `audit_logs` row
//! `product.price_changed` (old and new price, who) in one transaction, then the saved
//! pieces are checked for price-drop alerts. The recorded changes are also where the
//! lowest price of the last 30 days comes from.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{ActiveModelTrait, DatabaseConnection, QuerySelect, TransactionTrait};
use serde_json::json;

use crate::wishlists::alerts::{self, PRICE_CHANGED};
use entities::{audit_logs, products};

#[derive(Debug, thiserror::Error)]
pub enum PriceError {
    #[error("We could not find that piece.")]
    NotFound,
    #[error("A price is more than zero.")]
    Invalid,
    #[error(transparent)]
    Internal(#[from] DbErr),
}

/// Sets `product_id`'s price to `price` on behalf of `actor`.
pub async fn set_price(
    db: &DatabaseConnection,
    product_id: Uuid,
    price: Decimal,
    actor: Option<Uuid>,
) -> Result<products::Model, PriceError> {
    if price <= Decimal::ZERO || price.scale() > 2 {
        return Err(PriceError::Invalid);
    }
    let txn = db.begin().await?;
    let product = products::Entity::find_by_id(product_id)
        .lock(LockType::NoKeyUpdate)
        .one(&txn)
        .await?
        .ok_or(PriceError::NotFound)?;
    if product.price == price {
        txn.commit().await?;
        return Ok(product);
    }
    let now = Utc::now();
    let updated = products::ActiveModel {
        id: Set(product.id),
        price: Set(price),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    audit_logs::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(actor),
        action: Set(PRICE_CHANGED.into()),
        entity_type: Set("product".into()),
        entity_id: Set(product.id),
        old_values: Set(Some(json!({ "price": format!("{:.2}", product.price) }))),
        new_values: Set(Some(json!({ "price": format!("{price:.2}") }))),
        created_at: Set(now.into()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    if price < product.price {
        alerts::check_product(db, product.id, now).await?;
    }
    Ok(updated)
}

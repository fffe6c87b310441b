//! Loyalty points earned when an order is paid, by the rule in `system_settings`.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, QueryFilter, QuerySelect};

use super::CheckoutError;
use crate::pricing::{json_decimal, missing_setting, setting};
use entities::sea_orm_active_enums::UserRole;
use entities::{loyalty_points, orders, users};

/// Loyalty settings key in `system_settings`:
/// `{"points_per_currency_unit": "1", "expires_after_days": 365}`. Points are earned when
/// an order is paid, on the merchandise after discount (not shipping or tax), rounded
/// down to a whole point. Guests earn none. The row is inserted by migration
/// `16_commerce_settings`, the rule's one source: without it a shopper's paid order
/// cannot be confirmed ([`crate::pricing::PricingError::Misconfigured`]), so the
/// payment's webhook event fails and is retried.
pub const LOYALTY_KEY: &str = "commerce.loyalty";

/// Earns loyalty points for a paid order; returns how many.
pub(super) async fn award_points(
    txn: &DatabaseTransaction,
    order: &orders::Model,
) -> Result<i32, CheckoutError> {
    let Some(user) = users::Entity::find_by_id(order.user_id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
    else {
        return Ok(0);
    };
    if user.role == UserRole::Guest {
        return Ok(0);
    }
    let Some(settings) = setting(txn, LOYALTY_KEY).await? else {
        return Err(CheckoutError::Pricing(missing_setting(LOYALTY_KEY)));
    };
    let per_unit = settings
        .get("points_per_currency_unit")
        .and_then(json_decimal)
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ZERO);
    let points = ((order.subtotal - order.discount_amount).max(Decimal::ZERO) * per_unit)
        .floor()
        .to_string()
        .parse::<i32>()
        .unwrap_or(0);
    if points <= 0 {
        return Ok(0);
    }
    let balance = balance_of(txn, user.id).await?;
    let expires_at = settings
        .get("expires_after_days")
        .and_then(Json::as_i64)
        .filter(|days| *days > 0)
        .map(|days| (Utc::now() + chrono::Duration::days(days)).into());
    loyalty_points::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        r#type: Set("earned".into()),
        points: Set(points),
        balance_after: Set(balance.saturating_add(points)),
        source: Set(Some("order".into())),
        order_id: Set(Some(order.id)),
        expires_at: Set(expires_at),
        description: Set(Some(format!("Earned on order {}", order.order_number))),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(points)
}

/// Takes back the points `order` earned, in proportion to what was refunded of what was
/// paid (all of them once it is refunded in full), less what earlier refunds took back:
/// a `reversed` row with negative points. Idempotent: the same refunded share twice
/// takes nothing more. Returns the points taken back now.
pub async fn reverse_points(
    txn: &impl ConnectionTrait,
    order: &orders::Model,
    paid: Decimal,
    refunded: Decimal,
) -> Result<i32, DbErr> {
    let rows = loyalty_points::Entity::find()
        .filter(loyalty_points::Column::OrderId.eq(order.id))
        .lock(LockType::NoKeyUpdate)
        .all(txn)
        .await?;
    let earned: i64 = rows
        .iter()
        .filter(|row| row.r#type == "earned")
        .map(|row| i64::from(row.points))
        .sum();
    let reversed: i64 = rows
        .iter()
        .filter(|row| row.r#type == REVERSED)
        .map(|row| -i64::from(row.points))
        .sum();
    if earned <= 0 || paid <= Decimal::ZERO {
        return Ok(0);
    }
    let share = (refunded / paid).clamp(Decimal::ZERO, Decimal::ONE);
    let due = (Decimal::from(earned) * share)
        .floor()
        .to_string()
        .parse::<i64>()
        .unwrap_or(earned)
        .min(earned);
    let now_due = i32::try_from(due - reversed).unwrap_or(0);
    if now_due <= 0 {
        return Ok(0);
    }
    let balance = balance_of(txn, order.user_id).await?;
    loyalty_points::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(order.user_id),
        r#type: Set(REVERSED.into()),
        points: Set(-now_due),
        balance_after: Set(balance.saturating_sub(now_due)),
        source: Set(Some("refund".into())),
        order_id: Set(Some(order.id)),
        description: Set(Some(format!(
            "Taken back: order {} refunded",
            order.order_number
        ))),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(now_due)
}

/// The shopper's points balance: the sum of their ledger.
pub async fn balance_of(txn: &impl ConnectionTrait, user_id: Uuid) -> Result<i32, DbErr> {
    let balance: Option<i64> = loyalty_points::Entity::find()
        .select_only()
        .column_as(loyalty_points::Column::Points.sum(), "balance")
        .filter(loyalty_points::Column::UserId.eq(user_id))
        .into_tuple::<Option<i64>>()
        .one(txn)
        .await?
        .flatten();
    Ok(i32::try_from(balance.unwrap_or(0)).unwrap_or(i32::MAX))
}

/// The `loyalty_points.type` of points taken back after a refund.
pub const REVERSED: &str = "reversed";

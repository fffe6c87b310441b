//! Loyalty points earned when an order is paid, by the rule in `system_settings`.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, QueryFilter, QuerySelect};

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
    let balance: Option<i64> = loyalty_points::Entity::find()
        .select_only()
        .column_as(loyalty_points::Column::Points.sum(), "balance")
        .filter(loyalty_points::Column::UserId.eq(user.id))
        .into_tuple::<Option<i64>>()
        .one(txn)
        .await?
        .flatten();
    let balance = i32::try_from(balance.unwrap_or(0)).unwrap_or(i32::MAX);
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

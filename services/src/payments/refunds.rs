//! Refunds: part or all of a paid order, or the whole of a payment the order domain
//! refused; each recorded once as a `refund` ledger row, with the order's payment status
//! moved forwards only.

use crate::notifications::{self, copy::Event};
use std::collections::HashMap;

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter, QuerySelect,
    TransactionTrait,
};
use stripe::{RequestStrategy, StripeRequest};
use stripe_core::refund::CreateRefund;

use entities::sea_orm_active_enums::PaymentStatus;
use entities::{orders, payment_transactions};

use super::{
    PROVIDER, PaymentError, Payments, TYPE_REFUND, from_minor_units, idempotency_key, insert_once,
    order_intent, to_minor_units,
};

/// A refund Stripe accepted, and the order's payment status after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundSummary {
    /// `re_...`
    pub id: String,
    pub amount: Decimal,
    /// Everything refunded on the order so far, this refund included.
    pub refunded_total: Decimal,
    pub payment_status: PaymentStatus,
}

/// Refunds `amount` (or everything still refundable) of a paid order.
///
/// The Idempotency-Key is derived from the order, what was refunded before and the
/// amount, so a retried request never refunds twice. The refund is recorded as a
/// `refund` row and the order's `payment_status` becomes `PARTIALLY_REFUNDED` or
/// `REFUNDED` in one transaction. The order's own status is left to the order domain
/// (cancellation, returns).
pub async fn refund_payment(
    db: &DatabaseConnection,
    payments: &Payments,
    order_id: Uuid,
    amount: Option<Decimal>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<RefundSummary, PaymentError> {
    let txn = db.begin().await?;
    let order = lock_order(&txn, order_id).await?;
    let summary = refund_in(&txn, payments, &order, amount, now).await?;
    txn.commit().await?;
    Ok(summary)
}

/// [`refund_payment`] inside the caller's transaction, which holds `order`'s row lock
/// (so two refunds of one order take turns and never refund more than was paid). Stripe
/// is asked while the lock is held; if the transaction then rolls back, a retry sends
/// the same Idempotency-Key and Stripe answers with the refund it already made.
pub async fn refund_in(
    txn: &DatabaseTransaction,
    payments: &Payments,
    order: &orders::Model,
    amount: Option<Decimal>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<RefundSummary, PaymentError> {
    let not_refundable = || PaymentError::NotRefundable {
        order_number: order.order_number.clone(),
        status: order.payment_status,
    };
    if !matches!(
        order.payment_status,
        PaymentStatus::Completed | PaymentStatus::PartiallyRefunded
    ) {
        return Err(not_refundable());
    }
    let intent = order_intent(txn, order.id).await?;
    let Some(intent_id) = intent
        .as_ref()
        .and_then(|row| row.provider_transaction_id.clone())
    else {
        return Err(not_refundable());
    };
    let paid = intent.map_or(order.total, |row| row.amount);
    let refunded = refunded_total(txn, order.id).await?;
    let refundable = paid - refunded;
    let amount = amount.unwrap_or(refundable);
    if amount <= Decimal::ZERO {
        return Err(if refundable <= Decimal::ZERO {
            not_refundable()
        } else {
            PaymentError::InvalidAmount { amount }
        });
    }
    if amount > refundable {
        return Err(PaymentError::RefundTooLarge {
            requested: amount,
            refundable,
        });
    }
    let amount_minor = to_minor_units(amount)?;
    let key = format!(
        "luxeverse-order-{}-refund-{}-{}",
        order.id,
        to_minor_units(refunded)?,
        amount_minor
    );
    let metadata = HashMap::from([("order_id".to_string(), order.id.to_string())]);
    let refund = send_refund(payments, &intent_id, Some(amount_minor), metadata, key).await?;
    let amount = from_minor_units(refund.amount);
    record_refund(txn, order, &refund, amount, now).await?;
    let refunded_total = refunded_total(txn, order.id).await?;
    let payment_status = apply_refunded_amount(txn, order, paid, refunded_total).await?;
    let event = Event::OrderRefunded {
        number: &order.order_number,
        amount: domain::Money::new(amount, order.currency.trim()),
    };
    notifications::order_update(txn, order, event, true).await?;
    Ok(RefundSummary {
        id: refund.id.as_str().to_string(),
        amount,
        refunded_total,
        payment_status,
    })
}

/// Returns the whole of a payment the order domain refused ([`super::WebhookOutcome::Refused`]:
/// the order was closed, or sold out after a failed attempt). Idempotent per intent. The
/// order keeps its status; its payment status becomes `REFUNDED`.
pub async fn refund_refused_payment(
    db: &DatabaseConnection,
    payments: &Payments,
    order_id: Uuid,
    intent_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<RefundSummary, PaymentError> {
    let metadata = HashMap::from([
        ("order_id".to_string(), order_id.to_string()),
        (
            "reason".to_string(),
            "order could not take the payment".to_string(),
        ),
    ]);
    let key = format!("luxeverse-{intent_id}-refund-refused");
    let refund = send_refund(payments, intent_id, None, metadata, key).await?;
    let txn = db.begin().await?;
    let order = lock_order(&txn, order_id).await?;
    let amount = from_minor_units(refund.amount);
    record_refund(&txn, &order, &refund, amount, now).await?;
    orders::Entity::update_many()
        .col_expr(
            orders::Column::PaymentStatus,
            orders::Column::PaymentStatus.save_as(Expr::value(PaymentStatus::Refunded)),
        )
        .filter(orders::Column::Id.eq(order_id))
        .exec(&txn)
        .await?;
    payment_transactions::Entity::update_many()
        .col_expr(
            payment_transactions::Column::Status,
            payment_transactions::Column::Status.save_as(Expr::value(PaymentStatus::Refunded)),
        )
        .filter(payment_transactions::Column::ProviderTransactionId.eq(intent_id))
        .exec(&txn)
        .await?;
    let refunded_total = refunded_total(&txn, order_id).await?;
    txn.commit().await?;
    tracing::warn!(order = %order.order_number, %intent_id, "refused payment refunded");
    Ok(RefundSummary {
        id: refund.id.as_str().to_string(),
        amount,
        refunded_total,
        payment_status: PaymentStatus::Refunded,
    })
}

/// Inserts a refund's ledger row (once per `re_...`).
async fn record_refund(
    txn: &DatabaseTransaction,
    order: &orders::Model,
    refund: &stripe_core::Refund,
    amount: Decimal,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbErr> {
    let row = payment_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order.id),
        payment_method_id: Set(None),
        r#type: Set(TYPE_REFUND.to_string()),
        status: Set(PaymentStatus::Refunded),
        amount: Set(amount),
        currency: Set(order.currency.clone()),
        provider: Set(PROVIDER.to_string()),
        provider_transaction_id: Set(Some(refund.id.as_str().to_string())),
        provider_response: Set(Some(serde_json::json!({
            "id": refund.id.as_str(),
            "amount": refund.amount,
            "status": refund.status,
        }))),
        failure_reason: Set(None),
        processed_at: Set(Some(now.into())),
        created_at: Set(now.into()),
    };
    insert_once(txn, row).await?;
    Ok(())
}

/// Asks Stripe to refund `amount_minor` (everything left when `None`) of an intent.
async fn send_refund(
    payments: &Payments,
    intent_id: &str,
    amount_minor: Option<i64>,
    metadata: HashMap<String, String>,
    key: String,
) -> Result<stripe_core::Refund, PaymentError> {
    let mut request = CreateRefund::new()
        .payment_intent(intent_id.to_string())
        .metadata(metadata);
    if let Some(amount) = amount_minor {
        request = request.amount(amount);
    }
    Ok(request
        .customize()
        .request_strategy(RequestStrategy::Idempotent(idempotency_key(key)?))
        .send(&payments.client)
        .await?)
}

/// The order, locked for the rest of the transaction.
async fn lock_order(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<orders::Model, PaymentError> {
    orders::Entity::find_by_id(order_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| PaymentError::OrderNotFound {
            order: order_id.to_string(),
        })
}

/// Sum of the order's recorded refunds.
pub async fn refunded_total(db: &impl ConnectionTrait, order_id: Uuid) -> Result<Decimal, DbErr> {
    let rows = payment_transactions::Entity::find()
        .filter(payment_transactions::Column::OrderId.eq(order_id))
        .filter(payment_transactions::Column::Type.eq(TYPE_REFUND))
        .all(db)
        .await?;
    Ok(rows.iter().map(|row| row.amount).sum())
}

/// Sets the order's payment status from how much of `paid` is refunded, only ever
/// forwards (`COMPLETED` -> `PARTIALLY_REFUNDED` -> `REFUNDED`). Returns the status.
pub(crate) async fn apply_refunded_amount(
    txn: &impl ConnectionTrait,
    order: &orders::Model,
    paid: Decimal,
    refunded: Decimal,
) -> Result<PaymentStatus, DbErr> {
    crate::checkout::reverse_points(txn, order, paid, refunded).await?;
    let target = if refunded >= paid {
        PaymentStatus::Refunded
    } else if refunded > Decimal::ZERO {
        PaymentStatus::PartiallyRefunded
    } else {
        return Ok(order.payment_status);
    };
    let forwards = matches!(
        (&order.payment_status, &target),
        (PaymentStatus::Completed, _) | (PaymentStatus::PartiallyRefunded, PaymentStatus::Refunded)
    );
    if !forwards {
        return Ok(order.payment_status);
    }
    orders::Entity::update_many()
        .col_expr(
            orders::Column::PaymentStatus,
            orders::Column::PaymentStatus.save_as(Expr::value(target)),
        )
        .filter(orders::Column::Id.eq(order.id))
        .exec(txn)
        .await?;
    Ok(target)
}

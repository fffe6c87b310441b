//! Writing an event: its ledger row (once per event id), the order's move through the
//! order domain, and the intent's own ledger row kept in step.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{DatabaseTransaction, QueryFilter};

use super::WebhookError;
use super::decision::Decision;
use super::event::{Action, Event, EventObject, failure_reason};
use crate::checkout::{self, CheckoutError};
use crate::payments::{
    PROVIDER, TYPE_PAYMENT_INTENT, apply_refunded_amount, from_minor_units, insert_once,
    order_intent,
};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{orders, payment_transactions};

/// Inserts the event's ledger row; `false` when its id is already there (a replay).
pub(super) async fn record_event(
    txn: &DatabaseTransaction,
    event: &Event,
    order: &orders::Model,
    object: &EventObject,
    action: Action,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let status = match action {
        Action::Succeeded => PaymentStatus::Completed,
        Action::Failed => PaymentStatus::Failed,
        Action::Processing => PaymentStatus::Processing,
        Action::Refunded if object.amount_refunded >= object.amount => PaymentStatus::Refunded,
        Action::Refunded => PaymentStatus::PartiallyRefunded,
        Action::Record => order.payment_status,
    };
    let amount = match action {
        Action::Refunded => from_minor_units(object.amount_refunded),
        _ if object.amount > 0 => from_minor_units(object.amount),
        _ => order.total,
    };
    let outcome = match decision {
        Decision::Move => "applied".to_string(),
        Decision::Unchanged(reason) => format!("unchanged: {reason}"),
        Decision::OutOfOrder => format!("out of order: order was {:?}", order.status),
        Decision::Refused(reason) => format!("refused: {reason}"),
    };
    let row = payment_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order.id),
        payment_method_id: Set(None),
        r#type: Set(event.kind.chars().take(50).collect()),
        status: Set(status),
        amount: Set(amount),
        currency: Set(object
            .currency
            .as_deref()
            .map_or_else(|| order.currency.clone(), str::to_ascii_uppercase)),
        provider: Set(PROVIDER.to_string()),
        provider_transaction_id: Set(Some(event.id.clone())),
        provider_response: Set(Some(serde_json::json!({
            "event_type": event.kind,
            "event_created": event.created,
            "object_id": object.id,
            "outcome": outcome,
        }))),
        failure_reason: Set(failure_reason(object).filter(|_| action == Action::Failed)),
        processed_at: Set(Some(now.into())),
        created_at: Set(now.into()),
    };
    insert_once(txn, row).await
}

/// Moves the order through the order domain; returns its order and payment status
/// afterwards, or the order domain's reason for refusing a succeeded payment.
pub(super) async fn apply(
    txn: &DatabaseTransaction,
    action: Action,
    order: &orders::Model,
    object: &EventObject,
) -> Result<Result<(OrderStatus, PaymentStatus), String>, WebhookError> {
    let checked = |result: Result<(), CheckoutError>| match result {
        Ok(()) => Ok(Ok(())),
        Err(error @ (CheckoutError::SoldOut { .. } | CheckoutError::OrderClosed { .. })) => {
            Ok(Err(error.to_string()))
        }
        Err(CheckoutError::Internal(error)) => Err(WebhookError::Database(error)),
        Err(error) => Err(WebhookError::Order {
            order_id: order.id,
            reason: error.to_string(),
        }),
    };
    let moved = match action {
        Action::Succeeded => checked(checkout::mark_paid(txn, order.id).await.map(drop))?,
        Action::Failed => checked(checkout::mark_payment_failed(txn, order.id).await.map(drop))?,
        Action::Processing => checked(
            checkout::mark_payment_processing(txn, order.id)
                .await
                .map(drop),
        )?,
        Action::Refunded => {
            let paid = order_intent(txn, order.id)
                .await?
                .map_or(order.total, |row| row.amount);
            apply_refunded_amount(txn, order, paid, from_minor_units(object.amount_refunded))
                .await?;
            Ok(())
        }
        Action::Record => Ok(()),
    };
    if let Err(reason) = moved {
        return Ok(Err(reason));
    }
    let order = orders::Entity::find_by_id(order.id)
        .one(txn)
        .await?
        .ok_or_else(|| WebhookError::Order {
            order_id: order.id,
            reason: "the order disappeared".into(),
        })?;
    Ok(Ok((order.status, order.payment_status)))
}

/// Keeps the intent's own ledger row in step with the last applied event.
pub(super) async fn update_intent_row(
    txn: &DatabaseTransaction,
    intent_id: &str,
    action: Action,
    object: &EventObject,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let status = match action {
        Action::Succeeded => PaymentStatus::Completed,
        Action::Failed => PaymentStatus::Failed,
        Action::Processing => PaymentStatus::Processing,
        Action::Refunded | Action::Record => return Ok(()),
    };
    payment_transactions::Entity::update_many()
        .col_expr(
            payment_transactions::Column::Status,
            payment_transactions::Column::Status.save_as(Expr::value(status)),
        )
        .col_expr(
            payment_transactions::Column::FailureReason,
            Expr::value(failure_reason(object).filter(|_| action == Action::Failed)),
        )
        .col_expr(
            payment_transactions::Column::ProcessedAt,
            Expr::value(DateTimeWithTimeZone::from(now)),
        )
        .filter(payment_transactions::Column::ProviderTransactionId.eq(intent_id))
        .filter(payment_transactions::Column::Type.eq(TYPE_PAYMENT_INTENT))
        .exec(txn)
        .await?;
    Ok(())
}

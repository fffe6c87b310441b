//! Whether an event moves its order forwards, is already reflected, or arrived out of
//! order; nothing here reads or writes the database.

use entities::orders;
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};

use super::event::{Action, EventObject};

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Decision {
    Move,
    Unchanged(&'static str),
    OutOfOrder,
    /// The order domain would not take the payment.
    Refused(String),
}

/// Whether the event moves the order forwards, is already reflected, or is stale.
/// `already_paid`: the intent's row already shows the payment completed.
pub(super) fn decide(
    action: Action,
    order: &orders::Model,
    object: &EventObject,
    already_paid: bool,
) -> Decision {
    use OrderStatus::*;
    match action {
        Action::Record => Decision::Unchanged("informational event"),
        Action::Succeeded => match order.status {
            Pending | PaymentProcessing | PaymentFailed => {
                if !currency_matches(order, object) {
                    Decision::Unchanged("currency does not match the order's")
                } else if amount_matches(order, object.amount_received.max(object.amount)) {
                    Decision::Move
                } else {
                    Decision::Unchanged("amount does not match the order total")
                }
            }
            Confirmed => Decision::Unchanged("already paid"),
            // Closed before this payment landed: the order domain refuses it and the
            // payment is refunded.
            Cancelled if !already_paid => Decision::Move,
            _ => Decision::OutOfOrder,
        },
        Action::Failed => match order.status {
            Pending | PaymentProcessing => Decision::Move,
            PaymentFailed => Decision::Unchanged("already failed"),
            _ => Decision::OutOfOrder,
        },
        Action::Processing => match order.status {
            Pending => Decision::Move,
            PaymentProcessing => Decision::Unchanged("already processing"),
            _ => Decision::OutOfOrder,
        },
        Action::Refunded => {
            let target = if object.amount_refunded <= 0 {
                return Decision::Unchanged("nothing refunded");
            } else if object.amount_refunded >= object.amount {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
            match (&order.payment_status, target) {
                (PaymentStatus::Completed, _)
                | (PaymentStatus::PartiallyRefunded, PaymentStatus::Refunded) => Decision::Move,
                (current, target) if *current == target => {
                    Decision::Unchanged("refund already recorded")
                }
                _ => Decision::OutOfOrder,
            }
        }
    }
}

/// Stripe names currencies in lower case (`eur`); ours are ISO codes (`EUR`). A payment
/// that names no currency, or another one, never pays the order.
fn currency_matches(order: &orders::Model, object: &EventObject) -> bool {
    object
        .currency
        .as_deref()
        .is_some_and(|currency| currency.eq_ignore_ascii_case(&order.currency))
}

fn amount_matches(order: &orders::Model, minor: i64) -> bool {
    crate::payments::to_minor_units(order.total).is_ok_and(|total| total == minor)
}

//! Orders awaiting payment hold stock (and a limited coupon's uses) until the sweeper
//! releases them, so placing orders must not become a way to hoard:
//!
//! - **One bag, one pending order.** Placing an order again for the same bag (the same
//!   buyer: a guest session's user, or an account) cancels the buyer's earlier orders
//!   on which no payment has started (`PENDING`), releasing their holds, in the same
//!   transaction. A payment that still arrives for one is refunded by the webhook, as
//!   for any cancelled order.
//! - **A cap on what is outstanding.** Orders awaiting payment (pending, processing,
//!   failed and not retried) are counted per buyer, per contact email and per client
//!   network (the address, or its /64 for IPv6, from the `order.placed` audit entry);
//!   past a cap the shopper is asked to pay for one or wait. Placements from one
//!   network take an advisory lock, so parallel requests cannot all pass the count.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseTransaction, Statement};

use super::CheckoutError;
use crate::auth::RequestContext;
use crate::auth::audit::{self, AuditEntry};
use crate::inventory;
use domain::email::Email;

/// Outstanding orders one buyer (a session or an account) may have.
pub const MAX_PER_BUYER: u32 = 3;
/// Outstanding orders for one contact email.
pub const MAX_PER_EMAIL: u32 = 3;
/// Outstanding orders from one network (shared by a household or an office).
pub const MAX_PER_NETWORK: u32 = 10;

/// The audit action of a placed order (it keeps the client's address).
pub const ORDER_PLACED: &str = "order.placed";

/// Cancels `buyer`'s earlier orders on which no payment has started; returns how many.
pub(super) async fn replace_earlier(
    txn: &DatabaseTransaction,
    buyer: Uuid,
    replaced_by: &str,
) -> Result<u64, CheckoutError> {
    let earlier = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT id FROM orders WHERE user_id = $1 AND status = 'PENDING' \
             AND payment_status = 'PENDING' ORDER BY created_at FOR NO KEY UPDATE",
            [buyer.into()],
        ))
        .await?;
    let mut replaced = 0;
    for row in earlier {
        let order_id: Uuid = row.try_get("", "id")?;
        inventory::cancel_unpaid(
            txn,
            order_id,
            format!("Replaced by order {replaced_by}, placed for the same bag; stock released."),
        )
        .await
        .map_err(CheckoutError::Inventory)?;
        replaced += 1;
    }
    Ok(replaced)
}

/// Refuses when the buyer, the email or the client's network has too many orders
/// awaiting payment already.
pub(super) async fn check_outstanding(
    txn: &DatabaseTransaction,
    buyer: Uuid,
    email: &Email,
    context: &RequestContext,
) -> Result<(), CheckoutError> {
    let backend = txn.get_database_backend();
    let network = context.ip_network();
    if let Some(network) = network {
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [format!("order.placed:{network}").into()],
        ))
        .await?;
    }
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            "SELECT \
               count(*) FILTER (WHERE o.user_id = $1) AS by_buyer, \
               count(*) FILTER (WHERE lower(o.customer_email) = $2) AS by_email, \
               count(*) FILTER (WHERE $3::inet IS NOT NULL AND EXISTS ( \
                 SELECT 1 FROM audit_logs a WHERE a.entity_id = o.id AND a.action = $4 \
                 AND a.ip_address <<= $3::inet)) AS by_network \
             FROM orders o \
             WHERE o.status IN ('PENDING', 'PAYMENT_PROCESSING', 'PAYMENT_FAILED')",
            [
                buyer.into(),
                email.as_str().to_lowercase().into(),
                network.into(),
                ORDER_PLACED.into(),
            ],
        ))
        .await?;
    let count = |column: &str| -> Result<i64, DbErr> {
        row.as_ref()
            .map(|row| row.try_get::<i64>("", column))
            .transpose()
            .map(Option::unwrap_or_default)
    };
    for (column, max) in [
        ("by_buyer", MAX_PER_BUYER),
        ("by_email", MAX_PER_EMAIL),
        ("by_network", MAX_PER_NETWORK),
    ] {
        if count(column)? >= i64::from(max) {
            return Err(CheckoutError::TooManyPending { max });
        }
    }
    Ok(())
}

/// Records where the order was placed from (the network cap counts these).
pub(super) async fn record_placed(
    txn: &DatabaseTransaction,
    buyer: Uuid,
    order_id: Uuid,
    context: &RequestContext,
) -> Result<(), DbErr> {
    audit::record(
        txn,
        AuditEntry {
            action: ORDER_PLACED,
            actor: Some(buyer),
            entity_type: "order",
            entity_id: order_id,
            old_values: None,
            new_values: None,
            context,
        },
    )
    .await
}

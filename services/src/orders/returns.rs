//! Sending pieces back: the return policy, what each line of a delivered order may still
//! return, and the shopper's request.
//!
//! The policy is the `commerce.returns` row of `system_settings` (migration
//! `17_returns_settings`): a window counted in days from delivery, and a style tag that
//! marks final-sale pieces; personalised (made-to-order) lines are final sale too. A
//! request names, per line, a quantity, a reason and a condition. It is written in one
//! transaction under the order's row lock (the lock cancel and shipping take): an
//! `audit_logs` row `order.return_requested` holding the request itself (the lines, the
//! expected refund, `"status": "requested"`) for the back office to receive and refund,
//! the order's `return-requested` tag, and a note in its status history. Requests add
//! up: a line can be asked back only for what is not already requested, returned or
//! refunded.
//!
//! The expected refund of a line is its share of what was paid for the merchandise: its
//! total less its share of the order's discount, plus the same share of the tax;
//! delivery is not refunded.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, QueryFilter,
    QuerySelect, TransactionTrait,
};
use serde_json::json;

use super::{OrderError, items_of, lock_owned};
use crate::checkout::history;
use crate::pricing::setting;
use domain::Refusal;
use domain::read::orders::{ReturnCondition, ReturnLineForm, ReturnReason};
use entities::sea_orm_active_enums::OrderStatus;
use entities::{audit_logs, order_items, orders, products};

/// The policy's key in `system_settings`.
pub const RETURNS_KEY: &str = "commerce.returns";
/// The `audit_logs.action` of a shopper's return request.
pub const RETURN_REQUESTED: &str = "order.return_requested";
/// The tag an order with a return request carries (the back office's queue).
pub const RETURN_TAG: &str = "return-requested";
/// At most this many lines in one request (an order has no more).
const MAX_LINES: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnPolicy {
    pub window_days: i64,
    pub final_sale_tag: String,
}

impl Default for ReturnPolicy {
    fn default() -> Self {
        ReturnPolicy {
            window_days: 30,
            final_sale_tag: "final-sale".into(),
        }
    }
}

/// The store's return policy (the default when the row is missing or unreadable).
pub async fn policy(db: &impl ConnectionTrait) -> Result<ReturnPolicy, DbErr> {
    let fallback = ReturnPolicy::default();
    let Some(value) = setting(db, RETURNS_KEY).await? else {
        return Ok(fallback);
    };
    Ok(ReturnPolicy {
        window_days: value
            .get("window_days")
            .and_then(Json::as_i64)
            .filter(|days| *days >= 0)
            .unwrap_or(fallback.window_days),
        final_sale_tag: value
            .get("final_sale_tag")
            .and_then(Json::as_str)
            .map(str::to_string)
            .unwrap_or(fallback.final_sale_tag),
    })
}

/// Where an order stands against the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    NotDelivered,
    Open { until: DateTime<Utc> },
    Closed { on: DateTime<Utc> },
}

/// The window of `order` at `now`: open from delivery for the policy's days.
pub fn window(order: &orders::Model, policy: &ReturnPolicy, now: DateTime<Utc>) -> Window {
    let delivered = match (order.status, order.delivered_at) {
        (OrderStatus::Delivered, Some(at)) => DateTime::<Utc>::from(at),
        _ => return Window::NotDelivered,
    };
    let until = delivered + Duration::days(policy.window_days);
    if now <= until {
        Window::Open { until }
    } else {
        Window::Closed { on: until }
    }
}

/// What one line may still send back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Returnability {
    pub final_sale: bool,
    /// Asked back already (all requests so far).
    pub requested: i32,
    /// What a request may name now (zero for final sale or outside the window).
    pub returnable: i32,
}

/// Each line's returnability, by order item id.
pub async fn returnability(
    db: &impl ConnectionTrait,
    order: &orders::Model,
    items: &[order_items::Model],
    policy: &ReturnPolicy,
    now: DateTime<Utc>,
) -> Result<HashMap<Uuid, Returnability>, DbErr> {
    let open = matches!(window(order, policy, now), Window::Open { .. });
    let requested = requested_so_far(db, order.id).await?;
    let final_sale = final_sale_products(db, items, policy).await?;
    Ok(items
        .iter()
        .map(|item| {
            let final_sale =
                item.personalization.is_some() || final_sale.contains(&item.product_id);
            let requested = requested.get(&item.id).copied().unwrap_or(0);
            let taken = requested
                .max(item.returned_quantity)
                .max(item.refunded_quantity);
            let returnable = if open && !final_sale {
                (item.quantity - taken).max(0)
            } else {
                0
            };
            (
                item.id,
                Returnability {
                    final_sale,
                    requested,
                    returnable,
                },
            )
        })
        .collect())
}

/// The products among `items` that carry the final-sale tag.
async fn final_sale_products(
    db: &impl ConnectionTrait,
    items: &[order_items::Model],
    policy: &ReturnPolicy,
) -> Result<Vec<Uuid>, DbErr> {
    let ids: Vec<Uuid> = items.iter().map(|item| item.product_id).collect();
    let tagged = products::Entity::find()
        .select_only()
        .column(products::Column::Id)
        .filter(products::Column::Id.is_in(ids))
        .filter(Expr::cust_with_values(
            "$1 = ANY(style_tags)",
            [policy.final_sale_tag.clone()],
        ))
        .into_tuple::<Uuid>()
        .all(db)
        .await?;
    Ok(tagged)
}

/// Units asked back per order item over all the order's requests.
async fn requested_so_far(
    db: &impl ConnectionTrait,
    order_id: Uuid,
) -> Result<HashMap<Uuid, i32>, DbErr> {
    let mut requested = HashMap::new();
    for request in requests_of(db, order_id).await? {
        for line in request.lines {
            *requested.entry(line.order_item_id).or_insert(0) += line.quantity;
        }
    }
    Ok(requested)
}

/// One line of a stored request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestedLine {
    pub order_item_id: Uuid,
    pub quantity: i32,
    pub reason: ReturnReason,
    pub condition: ReturnCondition,
    pub refund: Decimal,
}

/// A stored request, as the order's page and the back office read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRequest {
    pub at: DateTime<Utc>,
    pub lines: Vec<RequestedLine>,
    pub refund: Decimal,
}

/// The order's return requests, oldest first.
pub async fn requests_of(
    db: &impl ConnectionTrait,
    order_id: Uuid,
) -> Result<Vec<StoredRequest>, DbErr> {
    use sea_orm::QueryOrder;
    let rows = audit_logs::Entity::find()
        .filter(audit_logs::Column::EntityType.eq("order"))
        .filter(audit_logs::Column::EntityId.eq(order_id))
        .filter(audit_logs::Column::Action.eq(RETURN_REQUESTED))
        .order_by_asc(audit_logs::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let values = row.new_values?;
            let lines = values
                .get("lines")?
                .as_array()?
                .iter()
                .filter_map(|line| {
                    Some(RequestedLine {
                        order_item_id: line.get("order_item_id")?.as_str()?.parse().ok()?,
                        quantity: i32::try_from(line.get("quantity")?.as_i64()?).ok()?,
                        reason: ReturnReason::parse(line.get("reason")?.as_str()?)?,
                        condition: ReturnCondition::parse(line.get("condition")?.as_str()?)?,
                        refund: line.get("refund")?.as_str()?.parse().ok()?,
                    })
                })
                .collect();
            Some(StoredRequest {
                at: row.created_at.into(),
                refund: values.get("expected_refund")?.as_str()?.parse().ok()?,
                lines,
            })
        })
        .collect())
}

/// What a request came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnRequested {
    pub pieces: i32,
    pub refund: Decimal,
    pub currency: String,
}

/// `user_id` asks to send back the lines of `forms` from their order `order_number`.
/// Problems with the request come back together as [`OrderError::ReturnRefused`], each
/// with its field (`lines[i][quantity]`, …, none for the whole request).
pub async fn request_return(
    db: &DatabaseConnection,
    user_id: Uuid,
    order_number: &str,
    forms: &[ReturnLineForm],
    now: DateTime<Utc>,
) -> Result<ReturnRequested, OrderError> {
    let txn = db.begin().await?;
    let order = lock_owned(&txn, user_id, order_number).await?;
    let policy = policy(&txn).await?;
    match window(&order, &policy, now) {
        Window::Open { .. } => {}
        Window::NotDelivered => return Err(refused(None, Refusal::ReturnNotDelivered)),
        Window::Closed { .. } => {
            return Err(refused(
                None,
                Refusal::ReturnWindowClosed {
                    days: policy.window_days,
                },
            ));
        }
    }
    let items = items_of(&txn, order.id).await?;
    let open = returnability(&txn, &order, &items, &policy, now).await?;
    let lines = validate(forms, &items, &open)?;
    let share = PaidShare::of(&order);
    let currency = order.currency.trim().to_string();
    let mut stored = Vec::new();
    let (mut pieces, mut refund) = (0, Decimal::ZERO);
    let mut summary = Vec::new();
    for (item, quantity, reason, condition) in &lines {
        let line_refund = share.refund(item, *quantity);
        pieces += quantity;
        refund += line_refund;
        summary.push(format!("{quantity} × {}", item.product_name));
        stored.push(json!({
            "order_item_id": item.id.to_string(),
            "sku": item.sku,
            "quantity": quantity,
            "reason": reason.code(),
            "condition": condition.code(),
            "refund": format!("{line_refund:.2}"),
        }));
    }
    audit_logs::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(Some(user_id)),
        action: Set(RETURN_REQUESTED.into()),
        entity_type: Set("order".into()),
        entity_id: Set(order.id),
        new_values: Set(Some(json!({
            "status": "requested",
            "currency": currency,
            "expected_refund": format!("{refund:.2}"),
            "lines": stored,
        }))),
        created_at: Set(now.into()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if !order.tags.iter().any(|tag| tag == RETURN_TAG) {
        let mut tags = order.tags.clone();
        tags.push(RETURN_TAG.into());
        orders::ActiveModel {
            id: Set(order.id),
            tags: Set(tags),
            updated_at: Set(now.into()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
    }
    let note = format!(
        "Return requested: {}; expected refund {refund:.2} {currency}.",
        summary.join(", ")
    );
    history(&txn, order.id, order.status, &note, Some(user_id)).await?;
    txn.commit().await?;
    tracing::info!(order = %order.order_number, %refund, pieces, "return requested");
    Ok(ReturnRequested {
        pieces,
        refund,
        currency,
    })
}

/// What sending back `quantity` units of `item` would refund.
pub fn expected_refund(order: &orders::Model, item: &order_items::Model, quantity: i32) -> Decimal {
    PaidShare::of(order).refund(item, quantity)
}

type ChosenLine<'a> = (&'a order_items::Model, i32, ReturnReason, ReturnCondition);

/// The lines the shopper chose, or every problem with the form.
fn validate<'a>(
    forms: &[ReturnLineForm],
    items: &'a [order_items::Model],
    open: &HashMap<Uuid, Returnability>,
) -> Result<Vec<ChosenLine<'a>>, OrderError> {
    if forms.len() > MAX_LINES {
        return Err(refused(None, Refusal::ReturnNothingChosen));
    }
    let mut problems = Vec::new();
    let mut chosen: Vec<ChosenLine<'a>> = Vec::new();
    for (index, form) in forms.iter().enumerate() {
        let field = |name: &str| Some(format!("lines[{index}][{name}]"));
        // Another order's line (or none) is reported like another order: not found.
        let item = Uuid::parse_str(form.item.trim())
            .ok()
            .and_then(|id| items.iter().find(|item| item.id == id))
            .ok_or(OrderError::NotFound)?;
        let quantity = match form.quantity.trim() {
            "" => 0,
            text => match text.parse::<i32>() {
                Ok(n) if n >= 0 => n,
                _ => i32::MAX,
            },
        };
        if quantity == 0 {
            continue;
        }
        let line = open.get(&item.id).cloned().unwrap_or_default();
        if line.final_sale {
            problems.push((
                field("quantity"),
                Refusal::ReturnFinalSale {
                    name: item.product_name.clone(),
                },
            ));
            continue;
        }
        let already: i32 = chosen
            .iter()
            .filter(|(other, ..)| other.id == item.id)
            .map(|(_, n, ..)| *n)
            .sum();
        if quantity > line.returnable - already {
            problems.push((
                field("quantity"),
                Refusal::ReturnQuantity {
                    name: item.product_name.clone(),
                    max: (line.returnable - already).max(0),
                },
            ));
            continue;
        }
        let reason = ReturnReason::parse(&form.reason);
        let condition = ReturnCondition::parse(&form.condition);
        if reason.is_none() {
            problems.push((field("reason"), Refusal::ReturnReasonMissing));
        }
        if condition.is_none() {
            problems.push((field("condition"), Refusal::ReturnConditionMissing));
        }
        if let (Some(reason), Some(condition)) = (reason, condition) {
            chosen.push((item, quantity, reason, condition));
        }
    }
    if !problems.is_empty() {
        return Err(OrderError::ReturnRefused(problems));
    }
    if chosen.is_empty() {
        return Err(refused(None, Refusal::ReturnNothingChosen));
    }
    Ok(chosen)
}

fn refused(field: Option<String>, refusal: Refusal) -> OrderError {
    OrderError::ReturnRefused(vec![(field, refusal)])
}

/// How much of a line's price was paid: the order's discount and tax spread over its
/// merchandise in proportion.
struct PaidShare {
    subtotal: Decimal,
    paid_for_merchandise: Decimal,
}

impl PaidShare {
    fn of(order: &orders::Model) -> Self {
        PaidShare {
            subtotal: order.subtotal,
            paid_for_merchandise: (order.subtotal - order.discount_amount).max(Decimal::ZERO)
                + order.tax_amount,
        }
    }

    /// What `quantity` units of `item` cost the shopper, to the cent.
    fn refund(&self, item: &order_items::Model, quantity: i32) -> Decimal {
        if self.subtotal <= Decimal::ZERO || item.quantity <= 0 {
            return Decimal::ZERO;
        }
        let units = item.total_price * Decimal::from(quantity) / Decimal::from(item.quantity);
        (units * self.paid_for_merchandise / self.subtotal).round_dp(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(status: OrderStatus, delivered_days_ago: Option<i64>) -> orders::Model {
        let now = Utc::now();
        orders::Model {
            id: Uuid::new_v4(),
            order_number: "LV-1".into(),
            user_id: Uuid::new_v4(),
            status,
            payment_status: entities::sea_orm_active_enums::PaymentStatus::Completed,
            customer_email: "ada@example.test".into(),
            customer_phone: None,
            currency: "USD".into(),
            subtotal: Decimal::new(100_000, 2),
            tax_amount: Decimal::new(18_000, 2),
            shipping_amount: Decimal::new(1_500, 2),
            discount_amount: Decimal::new(10_000, 2),
            total: Decimal::new(109_500, 2),
            shipping_method: None,
            shipping_carrier: None,
            tracking_number: None,
            estimated_delivery: None,
            delivered_at: delivered_days_ago.map(|days| (now - Duration::days(days)).into()),
            fraud_score: None,
            recommendation_influence: None,
            notes: None,
            admin_notes: None,
            tags: vec![],
            created_at: now.into(),
            updated_at: now.into(),
            cancelled_at: None,
        }
    }

    #[test]
    fn the_window_opens_at_delivery_and_closes_after_the_policys_days() {
        let policy = ReturnPolicy::default();
        let now = Utc::now();
        assert_eq!(
            window(&order(OrderStatus::Shipped, None), &policy, now),
            Window::NotDelivered
        );
        assert!(matches!(
            window(&order(OrderStatus::Delivered, Some(29)), &policy, now),
            Window::Open { .. }
        ));
        assert!(matches!(
            window(&order(OrderStatus::Delivered, Some(31)), &policy, now),
            Window::Closed { .. }
        ));
        let strict = ReturnPolicy {
            window_days: 7,
            ..policy
        };
        assert!(matches!(
            window(&order(OrderStatus::Delivered, Some(8)), &strict, now),
            Window::Closed { .. }
        ));
    }

    #[test]
    fn a_refund_is_the_lines_share_of_the_merchandise_paid_with_its_tax() {
        let order = order(OrderStatus::Delivered, Some(1));
        let share = PaidShare::of(&order);
        let item = order_items::Model {
            id: Uuid::new_v4(),
            order_id: order.id,
            product_id: Uuid::new_v4(),
            variant_id: Uuid::new_v4(),
            product_name: "Silk Scarf".into(),
            variant_title: None,
            sku: "SCARF".into(),
            quantity: 2,
            unit_price: Decimal::new(25_000, 2),
            total_price: Decimal::new(50_000, 2),
            personalization: None,
            fulfilled_quantity: 0,
            returned_quantity: 0,
            refunded_quantity: 0,
            created_at: Utc::now().into(),
        };
        // Half the merchandise: half of (1000 − 100 + 180).
        assert_eq!(share.refund(&item, 2), Decimal::new(54_000, 2));
        assert_eq!(share.refund(&item, 1), Decimal::new(27_000, 2));
    }
}

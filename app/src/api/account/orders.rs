//! The shopper's orders, as server functions: the list, one order, cancelling it and
//! buying it again. Each finds the signed-in account (401 otherwise) and calls one
//! service in `services::orders`; another shopper's order answers 404. Dates are worded
//! here, in the shopper's language and time zone.

use leptos::prelude::*;

use crate::api::ApiError;
pub use domain::read::orders::*;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use domain::Money;
    use domain::read::checkout::TotalsDto;
    use domain::read::orders::*;
    use services::orders::{self, OrderCard, OrderDetail, TimelineKind, Window};

    use crate::api::dates::{Clock, iso};

    /// The order's totals as charged, in its currency (the confirmation's too).
    pub fn totals_of(order: &entities::orders::Model) -> TotalsDto {
        let money = |amount| Money::new(amount, order.currency.trim());
        TotalsDto {
            subtotal: money(order.subtotal),
            discount: money(order.discount_amount),
            shipping: money(order.shipping_amount),
            tax: money(order.tax_amount),
            total: money(order.total),
        }
    }

    pub fn card(card: OrderCard, clock: &Clock) -> OrderCardDto {
        let order = card.order;
        OrderCardDto {
            placed_on: clock.date(order.created_at),
            placed_iso: iso(order.created_at),
            state: orders::state_of(order.status),
            item_count: card.item_count,
            total: Money::new(order.total, &order.currency),
            pieces: card
                .pieces
                .into_iter()
                .map(|(name, image)| OrderPieceDto { name, image })
                .collect(),
            order_number: order.order_number,
        }
    }

    pub fn detail(found: OrderDetail, clock: &Clock) -> OrderDetailDto {
        let order = &found.owned.order;
        let currency = order.currency.trim();
        let money = |amount| Money::new(amount, currency);
        let lines = found
            .lines
            .into_iter()
            .map(|line| {
                let item = line.item;
                let (image, image_alt) = line.image.unzip();
                let returns = found.returns.get(&item.id).cloned().unwrap_or_default();
                OrderLineDto {
                    item_id: item.id.to_string(),
                    returnable: returns.returnable,
                    return_requested: returns.requested,
                    final_sale: returns.final_sale,
                    return_refunds: (1..=returns.returnable)
                        .map(|n| money(orders::expected_refund(order, &item, n)))
                        .collect(),
                    product_name: item.product_name,
                    product_slug: line.product_slug,
                    variant_title: item.variant_title,
                    sku: item.sku,
                    image,
                    image_alt: image_alt.flatten(),
                    quantity: item.quantity,
                    unit_price: money(item.unit_price),
                    line_total: money(item.total_price),
                    returned_quantity: item.returned_quantity,
                    refunded_quantity: item.refunded_quantity,
                }
            })
            .collect();
        let shipped_detail = match (&order.shipping_carrier, &order.tracking_number) {
            (Some(carrier), Some(number)) => Some(format!("{carrier} · {number}")),
            _ => None,
        };
        let timeline = found
            .timeline
            .into_iter()
            .map(|entry| {
                let (event, detail) = match entry.kind {
                    TimelineKind::Status(status) => {
                        let state = orders::state_of(status);
                        let detail = (state == OrderState::Shipped)
                            .then(|| shipped_detail.clone())
                            .flatten();
                        (TimelineEvent::State(state), detail)
                    }
                    TimelineKind::Paid(amount) => (TimelineEvent::Paid(money(amount)), None),
                    TimelineKind::Refunded(amount) => {
                        (TimelineEvent::Refunded(money(amount)), None)
                    }
                    TimelineKind::ReturnRequested { pieces, refund } => (
                        TimelineEvent::ReturnRequested {
                            pieces,
                            refund: money(refund),
                        },
                        None,
                    ),
                };
                TimelineEntryDto {
                    event,
                    at: clock.date_time(entry.at),
                    at_iso: iso(entry.at),
                    detail,
                }
            })
            .collect();
        OrderDetailDto {
            order_number: order.order_number.clone(),
            placed_on: clock.date(order.created_at),
            placed_iso: iso(order.created_at),
            email: order.customer_email.clone(),
            state: orders::state_of(order.status),
            payment: orders::payment_state_of(order.payment_status),
            lines,
            totals: totals_of(order),
            refunded: money(found.refunded),
            address: found
                .owned
                .shipping_address
                .as_ref()
                .map(|address| address.lines())
                .unwrap_or_default(),
            shipping_method: order.shipping_method.clone(),
            carrier: order.shipping_carrier.clone(),
            tracking_number: order.tracking_number.clone(),
            estimated_delivery: order.estimated_delivery.map(|day| clock.day(day)),
            delivered_on: order.delivered_at.map(|at| clock.date(at)),
            timeline,
            cancellable: orders::is_cancellable(order.status),
            returns: match found.window {
                Window::NotDelivered => ReturnWindow::NotDelivered,
                Window::Open { until } => ReturnWindow::Open {
                    until: clock.date(until),
                    days: found.window_days,
                },
                Window::Closed { on } => ReturnWindow::Closed {
                    on: clock.date(on),
                    days: found.window_days,
                },
            },
        }
    }
}

/// A page of the caller's orders, newest first: `status` is a filter code (`open`,
/// `shipped`, …; empty for all), `after` the previous page's `next`.
#[server(endpoint = "orders/list")]
pub async fn list_orders(
    #[server(default)] status: String,
    #[server(default)] after: String,
) -> Result<OrderPageDto, ApiError> {
    use domain::Refusal;
    use services::orders::{self, OrderListQuery};
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let filter = match status.trim() {
        "" => None,
        code => Some(OrderFilter::parse(code).ok_or_else(|| {
            ApiError::new(Refusal::FilterInvalid {
                param: "status".into(),
            })
        })?),
    };
    let query = OrderListQuery {
        filter,
        after: Some(after).filter(|after| !after.trim().is_empty()),
        limit: 10,
    };
    let list = orders::list(&ctx.services.db, user.id, &query).await?;
    let clock = crate::api::dates::Clock::new(&user.timezone, ctx.locale);
    Ok(OrderPageDto {
        orders: list
            .cards
            .into_iter()
            .map(|card| server::card(card, &clock))
            .collect(),
        next: list.next,
        any_orders: list.any_orders,
    })
}

/// The caller's order `order_number` in full.
#[server(endpoint = "orders/detail")]
pub async fn order_detail(order_number: String) -> Result<OrderDetailDto, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let found = services::orders::detail(&ctx.services.db, user.id, &order_number).await?;
    let clock = crate::api::dates::Clock::new(&user.timezone, ctx.locale);
    Ok(server::detail(found, &clock))
}

/// Cancels the caller's order `order_number` if it has not shipped, refunding what was
/// paid; 409 with the reason when it moved on.
#[server(endpoint = "orders/cancel")]
pub async fn cancel_order(order_number: String) -> Result<CancelledDto, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let services = &ctx.services;
    let done =
        services::orders::cancel(&services.db, &services.payments, user.id, &order_number).await?;
    Ok(CancelledDto {
        refunded: domain::Money::new(done.refunded, &done.currency),
        order_number: done.order_number,
    })
}

/// Asks to send back pieces of the caller's delivered order `order_number`: per line
/// (`lines[i][item]`, `[quantity]`, `[reason]`, `[condition]`; quantity 0 leaves it
/// out). Refusals come back by field; the request lands in the order's timeline.
#[server(endpoint = "orders/request_return")]
pub async fn request_return(
    order_number: String,
    #[server(default)] lines: Vec<ReturnLineForm>,
) -> Result<crate::api::account::SaveOutcome, ApiError> {
    use crate::api::account::SaveOutcome;
    use crate::api::error::field_error;
    use services::orders::OrderError;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let done = services::orders::request_return(
        &ctx.services.db,
        user.id,
        &order_number,
        &lines,
        chrono::Utc::now(),
    )
    .await;
    match done {
        Ok(_) => Ok(SaveOutcome::Saved),
        Err(OrderError::ReturnRefused(problems)) => Ok(SaveOutcome::Refused(
            problems
                .into_iter()
                .map(|(field, refusal)| field_error(field.as_deref(), refusal))
                .collect(),
        )),
        Err(error) => Err(error.into()),
    }
}

/// Puts the caller's order `order_number` back in their bag, saying what could not go in.
#[server(endpoint = "orders/buy_again")]
pub async fn buy_again(order_number: String) -> Result<BuyAgainDto, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let report = services::orders::buy_again(&ctx.services.db, user.id, &order_number).await?;
    Ok(BuyAgainDto {
        added: report.added,
        skipped: report.skipped,
    })
}

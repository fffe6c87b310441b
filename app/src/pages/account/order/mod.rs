//! `/account/orders/:order_number`: one order in full: its pieces at the prices paid,
//! the totals, the delivery, the payment and a timeline, with "buy again", "cancel"
//! (until it ships), returns (for a while after delivery) and a printable receipt (the print stylesheet keeps the receipt and
//! drops the site around it).

mod actions;
mod returns;
mod timeline;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::account::orders::{OrderDetailDto, OrderLineDto, order_detail};
use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::errors::error_text;
use crate::components::save_result::SaveStatus;
use crate::components::sign_in_first::SignInFirst;
use crate::i18n::orders::orders_text;
use crate::i18n::use_locale;
use actions::{Feedback, OrderActions};
use domain::{Money, Refusal};
use returns::Returns;
use timeline::Timeline;

#[component]
pub fn OrderPage() -> impl IntoView {
    let text = orders_text();
    let params = use_params_map();
    let number = Memo::new(move |_| params.read().get("order_number").unwrap_or_default());
    // Bumped by a cancellation, so the page shows the order as it now is.
    let changed = RwSignal::new(0u32);
    // Outside the refetched view, so a result outlives the view it came from.
    let feedback = Feedback {
        status: RwSignal::new(None),
        failure: RwSignal::new(None),
    };
    let order = page_resource(
        move || (number.get(), changed.get()),
        |(number, _)| order_detail(number),
    );

    view! {
        <Meta name="robots" content="noindex" />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main order" aria-labelledby="order-title">
                <p class="eyebrow"><a href="/account/orders">{text.all_orders}</a></p>
                <SaveStatus message=feedback.status />
                <p class="form-alert" role="alert">{move || feedback.failure.get()}</p>
                <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                    {move || Suspend::new(async move {
                        match order.await {
                            Ok(order) => view! { <OrderView order changed feedback /> }.into_any(),
                            Err(error) if error.refusal == Refusal::SignInRequired => {
                                view! { <SignInFirst /> }.into_any()
                            }
                            Err(error) => {
                                view! {
                                    <Title text=text.not_found />
                                    <h1 id="order-title">{text.title}</h1>
                                    <p role="alert">{error_text(&error)}</p>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

#[component]
fn OrderView(order: OrderDetailDto, changed: RwSignal<u32>, feedback: Feedback) -> impl IntoView {
    let text = orders_text();
    let heading = (text.order_heading)(&order.order_number);
    let reviewable = order.reviewable();
    view! {
        <Title text=heading.clone() />
        <header class="order__header">
            <p class="order__receipt-label">{text.receipt}</p>
            <h1 id="order-title">{heading}</h1>
            <dl class="order__facts">
                <div><dt>{text.placed_on}</dt><dd><time datetime=order.placed_iso.clone()>{order.placed_on.clone()}</time></dd></div>
                <div><dt>{text.status}</dt><dd data-state=format!("{:?}", order.state)>{(text.states)(order.state)}</dd></div>
                <div><dt>{text.payment}</dt><dd>{(text.payments)(order.payment)}</dd></div>
                <div><dt>{text.confirmation_sent_to}</dt><dd>{order.email.clone()}</dd></div>
            </dl>
        </header>
        <OrderActions order=order.clone() changed feedback />
        <div class="order__layout">
            <section class="order__pieces" aria-labelledby="order-pieces">
                <h2 id="order-pieces">{text.pieces_heading}</h2>
                <ul role="list">
                    {order.lines.iter().cloned().map(|line| view! { <OrderLine line reviewable /> }).collect_view()}
                </ul>
                <OrderTotals order=order.clone() />
                <Returns order=order.clone() changed feedback />
            </section>
            <aside class="order__aside">
                <Delivery order=order.clone() />
                <Timeline entries=order.timeline />
            </aside>
        </div>
    }
}

/// A line of the order; `reviewable`: paid and not cancelled, so its piece can be reviewed.
#[component]
fn OrderLine(line: OrderLineDto, reviewable: bool) -> impl IntoView {
    let text = orders_text();
    let locale = use_locale();
    let review = line.product_slug.clone().filter(|_| reviewable).map(|slug| {
        view! {
            <p class="order-line__review">
                <a href=format!("/products/{slug}/review")>{(text.review_piece)(&line.product_name)}</a>
            </p>
        }
    });
    let name = match line.product_slug {
        Some(slug) => {
            view! { <a href=format!("/products/{slug}")>{line.product_name.clone()}</a> }.into_any()
        }
        None => view! { <span>{line.product_name.clone()}</span> }.into_any(),
    };
    view! {
        <li class="order-line">
            {line.image.map(|src| {
                view! { <img src=src alt=line.image_alt.unwrap_or_default() width="96" height="120" loading="lazy" decoding="async" /> }
            })}
            <div class="order-line__about">
                <h3 class="order-line__name">{name}</h3>
                {line.variant_title.map(|title| view! { <p>{title}</p> })}
                <p class="order-line__meta">
                    {(text.quantity)(line.quantity)} " · " {line.unit_price.format(locale)} " " {text.each}
                </p>
                {(line.returned_quantity > 0).then(|| view! { <p>{(text.returned)(line.returned_quantity)}</p> })}
                {(line.refunded_quantity > 0).then(|| view! { <p>{(text.refunded_units)(line.refunded_quantity)}</p> })}
                {line.final_sale.then(|| view! { <p class="order-line__final">{text.final_sale}</p> })}
                {review}
            </div>
            <p class="order-line__total">{line.line_total.format(locale)}</p>
        </li>
    }
}

#[component]
fn OrderTotals(order: OrderDetailDto) -> impl IntoView {
    let text = orders_text();
    let locale = use_locale();
    let row = move |label: &'static str, amount: &Money, class: &'static str| {
        view! { <div class=class><dt>{label}</dt><dd>{amount.format(locale)}</dd></div> }
    };
    let totals = &order.totals;
    view! {
        <dl class="order__totals">
            {row(text.subtotal, &totals.subtotal, "")}
            {(!totals.discount.is_zero()).then(|| row(text.discount, &totals.discount, ""))}
            {row(text.delivery, &totals.shipping, "")}
            {row(text.tax, &totals.tax, "")}
            {row(text.total, &totals.total, "order__grand-total")}
            {(!order.refunded.is_zero()).then(|| row(text.refunded, &order.refunded, "order__refunded"))}
        </dl>
    }
}

#[component]
fn Delivery(order: OrderDetailDto) -> impl IntoView {
    let text = orders_text();
    let fact = |label: &'static str, value: Option<String>| {
        value.map(|value| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
    };
    view! {
        <section class="order__delivery" aria-labelledby="order-delivery">
            <h2 id="order-delivery">{text.delivery_heading}</h2>
            <address>
                {order.address.into_iter().map(|line| view! { <span>{line}</span> }).collect_view()}
            </address>
            <dl>
                {fact(text.method, order.shipping_method)}
                {fact(text.carrier, order.carrier)}
                {fact(text.tracking, order.tracking_number)}
                {fact(text.expected, order.estimated_delivery)}
                {fact(text.delivered_on, order.delivered_on)}
            </dl>
        </section>
    }
}

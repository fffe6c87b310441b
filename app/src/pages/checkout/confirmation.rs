//! The confirmation at `/checkout/confirmation/:order_number`: the order as placed, its
//! payment status (settled by Stripe's webhook, so it looks again for a little while),
//! and where it goes.

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::totals::{SummaryLines, TotalsList};
use crate::api::checkout::{OrderSummaryDto, order_summary};
use crate::components::cart_drawer::CartState;
use crate::i18n::{checkout::CheckoutText, use_i18n};

/// `/checkout/confirmation/:order_number`.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let text = &use_i18n().checkout;
    let params = use_params_map();
    let number = move || params.with(|p| p.get("order_number").unwrap_or_default());
    let attempts = RwSignal::new(0u32);
    let order = page_resource(
        move || (number(), attempts.get()),
        |(n, _)| order_summary(n),
    );
    // The payment settles by webhook: look again for a little while until it has.
    let state = CartState::get();
    Effect::new(move |_| {
        // Once paid, the bought pieces have left the bag: the header follows.
        if let Some(Ok(summary)) = order.get()
            && summary.paid
            && let Some(state) = state
        {
            state.refresh();
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(summary)) = order.get()
            && !summary.paid
            && attempts.get_untracked() < 10
        {
            set_timeout(
                move || attempts.update(|n| *n += 1),
                std::time::Duration::from_millis(800),
            );
        }
    });
    view! {
        <Title text=text.confirmation_title />
        <section class="checkout checkout--confirmation" aria-labelledby="confirmation-title">
            <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(summary) => view! { <OrderSummary summary text /> }.into_any(),
                        Err(_) => view! {
                            <h1 id="confirmation-title">{text.confirmation_title}</h1>
                            <p role="alert">{text.order_not_found}</p>
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OrderSummary(summary: OrderSummaryDto, text: &'static CheckoutText) -> impl IntoView {
    view! {
        <p class="eyebrow">{text.confirmation_title}</p>
        <h1 id="confirmation-title">{text.thank_you}</h1>
        <p class="checkout__order-number">{(text.order_number)(&summary.order_number)}</p>
        <p role="status">{if summary.paid { text.paid } else { text.payment_pending }}</p>
        <p>{(text.confirmation_email)(&summary.email)}</p>
        <section aria-labelledby="pieces-title">
            <h2 id="pieces-title">{text.your_pieces}</h2>
            <SummaryLines lines=summary.lines text />
        </section>
        <TotalsList totals=summary.totals code=String::new() text testid="order-total" />
        <section aria-labelledby="address-title">
            <h2 id="address-title">{text.delivering_to}</h2>
            <address>{summary.address.into_iter().map(|line| view! { {line}<br /> }).collect_view()}</address>
        </section>
    }
}

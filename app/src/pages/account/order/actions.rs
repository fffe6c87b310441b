//! What the shopper can do with an order: buy it again, print its receipt, and cancel it
//! until it ships. Buying again and cancelling are plain forms (they work before WASM);
//! the cancel form sits in a `<details>` disclosure that asks first.

use leptos::prelude::*;

use crate::api::account::orders::{BuyAgain, CancelOrder, OrderDetailDto};
use crate::components::cart_drawer::CartState;
use crate::components::errors::{error_text, refusal_words};
use crate::i18n::orders::orders_text;
use crate::i18n::use_locale;

/// Where the page announces what an action came to.
#[derive(Clone, Copy)]
pub struct Feedback {
    pub status: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<String>>,
}

#[component]
pub fn OrderActions(
    order: OrderDetailDto,
    changed: RwSignal<u32>,
    feedback: Feedback,
) -> impl IntoView {
    let text = orders_text();
    let locale = use_locale();
    let again = ServerAction::<BuyAgain>::new();
    let cancel = ServerAction::<CancelOrder>::new();
    let Feedback { status, failure } = feedback;
    let skipped = RwSignal::new(Vec::<String>::new());

    Effect::new(move |_| match again.value().get() {
        Some(Ok(report)) => {
            failure.set(None);
            status.set(Some((text.added_to_bag)(report.added.len())));
            skipped.set(
                report
                    .skipped
                    .iter()
                    .map(|(name, why)| format!("{name}: {}", refusal_words(why)))
                    .collect(),
            );
            if let Some(bag) = CartState::get() {
                bag.refresh();
            }
        }
        Some(Err(error)) => failure.set(Some(error_text(&error))),
        None => {}
    });
    Effect::new(move |_| match cancel.value().get() {
        Some(Ok(done)) => {
            failure.set(None);
            status.set(Some(if done.refunded.is_zero() {
                text.cancelled.to_string()
            } else {
                (text.cancelled_refund)(&done.refunded.format(locale))
            }));
            changed.update(|n| *n += 1);
        }
        Some(Err(error)) => {
            failure.set(Some(error_text(&error)));
            changed.update(|n| *n += 1);
        }
        None => {}
    });

    let number = order.order_number.clone();
    let cancel_number = order.order_number.clone();
    let paid = !matches!(
        order.payment,
        domain::read::orders::PaymentState::Pending | domain::read::orders::PaymentState::Failed
    );
    view! {
        <div class="order__actions">
            <ul class="order__skipped" hidden=move || skipped.with(Vec::is_empty)>
                <li class="order__skipped-title">{text.not_added}</li>
                {move || skipped.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <div class="order__buttons">
                <ActionForm action=again>
                    <input type="hidden" name="order_number" value=number.clone() />
                    <button type="submit" class="button button--primary" disabled=move || again.pending().get()>
                        {move || if again.pending().get() { text.buying_again } else { text.buy_again }}
                    </button>
                </ActionForm>
                <button
                    type="button"
                    class="button button--ghost order__print"
                    on:click=|_| {
                        let _ = window().print();
                    }
                >
                    {text.print}
                </button>
            </div>
            {order
                .cancellable
                .then(move || {
                    view! {
                        <details class="order__cancel">
                            <summary>{text.cancel}</summary>
                            <div class="order__cancel-body">
                                <p><strong>{text.cancel_question}</strong></p>
                                {paid.then(|| view! { <p>{text.cancel_paid_hint}</p> })}
                                <ActionForm action=cancel>
                                    <input type="hidden" name="order_number" value=cancel_number />
                                    <button type="submit" class="button button--danger" disabled=move || cancel.pending().get()>
                                        {move || if cancel.pending().get() { text.cancelling } else { text.cancel_confirm }}
                                    </button>
                                </ActionForm>
                            </div>
                        </details>
                    }
                })}
        </div>
    }
}

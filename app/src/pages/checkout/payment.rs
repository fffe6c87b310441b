//! Step 5: payment. The order is placed (re-priced, stock held) on the first attempt, then
//! paid; in test mode with one of Stripe's test cards through the server's own client.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::state::{Checkout, STEPS, step_of_field, use_checkout};
use super::step_frame::StepHeading;
use crate::api::checkout::{PlaceOutcome, place_order};
use crate::api::payments::{PaymentResult, TestCard, confirm_payment};
use crate::components::cart_drawer::CartState;
use crate::components::errors::error_text;
use crate::i18n::errors::refusal_text;
use crate::i18n::{use_i18n, use_locale};

#[component]
pub fn PaymentStep(test_payments: bool) -> impl IntoView {
    let text = &use_i18n().checkout;
    let locale = use_locale();
    let checkout = use_checkout();
    let (step, busy, quote) = (checkout.step, checkout.busy, checkout.quote);
    let navigate = use_navigate();
    let pay = move |_| {
        let navigate = navigate.clone();
        busy.set(true);
        checkout.form_error.set(None);
        spawn_local(async move {
            let Some(number) = placed_order(checkout).await else {
                busy.set(false);
                return;
            };
            match confirm_payment(number.clone(), checkout.card.get_untracked()).await {
                Ok(PaymentResult::Succeeded | PaymentResult::Processing) => {
                    if let Some(state) = CartState::get() {
                        state.refresh();
                    }
                    navigate(
                        &format!("/checkout/confirmation/{number}"),
                        Default::default(),
                    );
                }
                Ok(PaymentResult::Declined { refusal }) => {
                    let reason = refusal_text(&refusal, locale);
                    checkout.form_error.set(Some((text.declined)(&reason)));
                }
                Err(error) => checkout.form_error.set(Some(error_text(&error))),
            }
            busy.set(false);
        });
    };
    let total = move || quote.get().map(|q| q.totals.total.format(locale));
    view! {
        <li class="checkout__step" aria-labelledby="step-5">
            <StepHeading n=5 name=text.payment />
            <div hidden=move || step.get() != 5>
                {if test_payments {
                    view! { <TestCards /> }.into_any()
                } else {
                    view! { <p role="alert">{text.live_payments_unavailable}</p> }.into_any()
                }}
                {move || total().map(|total| view! {
                    <p class="checkout__total">
                        <span>{text.total}</span>
                        <span data-testid="checkout-total">{total}</span>
                    </p>
                })}
                <div class="checkout__actions">
                    <button type="button" class="button button--ghost" on:click=move |_| step.set(4)>{text.back}</button>
                    <button type="button" class="button button--primary" disabled=move || busy.get() || !test_payments on:click=pay>
                        {move || if busy.get() {
                            text.paying.to_string()
                        } else {
                            (text.pay)(&total().unwrap_or_default())
                        }}
                    </button>
                </div>
            </div>
        </li>
    }
    .into_any()
}

/// The order for this attempt: the one already placed, or a new one. A refusal sends the
/// shopper to the step it belongs to and gives `None`.
async fn placed_order(checkout: Checkout) -> Option<String> {
    if let Some(number) = checkout.order_number.get_untracked() {
        return Some(number);
    }
    let placed = place_order(
        checkout.details.get_untracked(),
        checkout.shipping_method.get_untracked(),
    )
    .await;
    match placed {
        Ok(PlaceOutcome::Placed { order_number, .. }) => {
            checkout.order_number.set(Some(order_number.clone()));
            Some(order_number)
        }
        Ok(PlaceOutcome::Refused(found)) => {
            let target = step_of_field(found.first().and_then(|e| e.field.as_deref()));
            if let Some(general) = found.iter().find(|e| e.field.is_none()) {
                checkout.form_error.set(Some(general.message.clone()));
            }
            checkout.errors.set(found);
            if target < STEPS {
                checkout.step.set(target);
            }
            None
        }
        Err(error) => {
            checkout.form_error.set(Some(error_text(&error)));
            None
        }
    }
}

/// Stripe's test cards (test keys or the local fake only).
#[component]
fn TestCards() -> impl IntoView {
    let text = &use_i18n().checkout;
    let card = use_checkout().card;
    view! {
        <fieldset class="checkout__choices">
            <legend>{text.card_legend}</legend>
            <p class="field__hint">{text.test_mode_note}</p>
            {TestCard::ALL.into_iter().map(|option| {
                let label = match option {
                    TestCard::Visa => text.card_visa,
                    TestCard::Declined => text.card_declined,
                    TestCard::InsufficientFunds => text.card_insufficient,
                };
                view! {
                    <label class="checkout__choice">
                        <input type="radio" name="card" value=option.number()
                            prop:checked=move || card.get() == option
                            on:change=move |_| card.set(option) />
                        <span>{format!("{label} ({})", option.number())}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

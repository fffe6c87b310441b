//! Checkout at `/checkout` (contact, delivery address, delivery method, review, payment)
//! for guests and signed-in shoppers, and the confirmation at
//! `/checkout/confirmation/:order_number`. Every total shown comes from the server.
//!
//! Each step is its own component; they share one [`state::Checkout`] through context.

mod address;
mod confirmation;
mod contact;
mod delivery;
mod payment;
mod review;
mod state;
mod step_frame;
mod totals;

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::cart::cart;
use crate::api::checkout::{CheckoutContext, start_checkout};
use crate::components::cart_drawer::MergeNotices;
use crate::components::errors::error_text;
use crate::components::form::FormAlert;
use crate::i18n::use_i18n;
pub use confirmation::ConfirmationPage;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let text = &use_i18n().checkout;
    let start = page_resource(
        || (),
        |_| async move { (start_checkout().await, cart().await) },
    );
    view! {
        <Title text=text.title />
        <section class="checkout" aria-labelledby="checkout-title">
            <h1 id="checkout-title">{text.title}</h1>
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match start.await {
                        (Ok(context), Ok(bag)) if !bag.lines.is_empty() => {
                            let notices = bag.notices.clone();
                            view! {
                                {(!notices.is_empty())
                                    .then(|| {
                                        view! {
                                            <section class="cart-notices" role="status" aria-labelledby="checkout-notices">
                                                <h2 id="checkout-notices">{use_i18n().cart.merge_heading}</h2>
                                                <MergeNotices notices=Signal::stored(notices.clone()) />
                                            </section>
                                        }
                                    })}
                                <CheckoutFlow context />
                            }
                                .into_any()
                        }
                        (Ok(_), Ok(_)) => view! {
                            <p>{text.empty_bag}</p>
                            <a class="button button--primary" href="/cart">{text.back_to_bag}</a>
                        }
                            .into_any(),
                        (Err(error), _) | (_, Err(error)) => {
                            view! { <p role="alert">{error_text(&error)}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// The five steps around one shared checkout state.
#[component]
fn CheckoutFlow(context: CheckoutContext) -> impl IntoView {
    let text = &use_i18n().checkout;
    let checkout = state::Checkout::new();
    provide_context(checkout);
    // Going back to change anything means a new order on the next payment attempt.
    Effect::new(move |_| {
        if checkout.step.get() < state::STEPS {
            checkout.order_number.set(None);
        }
    });
    view! {
        <FormAlert message=checkout.form_error />
        <ol class="checkout__steps" aria-label=text.steps_label>
            <contact::ContactStep signed_in=context.signed_in prefilled_email=context.email />
            <address::AddressStep saved=context.addresses />
            <delivery::DeliveryStep />
            <review::ReviewStep />
            <payment::PaymentStep test_payments=context.test_payments />
        </ol>
    }
    .into_any()
}

//! Step 4: the review, with the promo code form and the totals the server quoted.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{input_value, use_checkout};
use super::step_frame::{StepActions, StepHeading};
use super::totals::{SummaryLines, TotalsList};
use crate::api::cart::{CouponOutcome, apply_coupon};
use crate::components::errors::error_text;
use crate::i18n::errors::refusal_text;
use crate::i18n::{use_i18n, use_locale};

#[component]
pub fn ReviewStep() -> impl IntoView {
    let text = &use_i18n().checkout;
    let checkout = use_checkout();
    let step = checkout.step;
    view! {
        <li class="checkout__step" aria-labelledby="step-4">
            <StepHeading n=4 name=text.review />
            <div hidden=move || step.get() != 4>
                <CouponForm />
                {move || checkout.quote.get().map(|quote| {
                    let code = quote.coupon_code.clone().unwrap_or_default();
                    view! {
                        <section class="checkout__summary" aria-labelledby="summary-title">
                            <h3 id="summary-title">{text.summary}</h3>
                            <SummaryLines lines=quote.lines text />
                            <TotalsList totals=quote.totals code text testid="review-total" />
                        </section>
                    }
                })}
                <StepActions back=3 disabled=checkout.busy on_next=move || step.set(5) />
            </div>
        </li>
    }
    .into_any()
}

/// A promo code for the bag: applied, the totals are quoted again; refused, the exact
/// reason shows under the field.
#[component]
fn CouponForm() -> impl IntoView {
    let text = &use_i18n().cart;
    let locale = use_locale();
    let checkout = use_checkout();
    let status = RwSignal::new(None::<(bool, String)>);
    let input = NodeRef::<leptos::html::Input>::new();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = input_value(input);
        checkout.busy.set(true);
        spawn_local(async move {
            match apply_coupon(code).await {
                Ok(CouponOutcome::Applied { code, discount, .. }) => {
                    let applied = (text.coupon_applied)(&code, &discount.format(locale));
                    status.set(Some((true, applied)));
                    checkout.busy.set(false);
                    checkout.requote();
                }
                Ok(CouponOutcome::Rejected { refusal, .. }) => {
                    status.set(Some((false, refusal_text(&refusal, locale))));
                    checkout.busy.set(false);
                }
                Err(error) => {
                    status.set(Some((false, error_text(&error))));
                    checkout.busy.set(false);
                }
            }
        });
    };
    let stale_code = move || {
        checkout
            .quote
            .get()
            .and_then(|q| q.coupon_error)
            .map(|refusal| refusal_text(&refusal, locale))
    };
    view! {
        <form class="cart-coupon" on:submit=apply novalidate>
            <div class="field" class:field--invalid=move || matches!(status.get(), Some((false, _)))>
                <label for="checkout-coupon">{text.coupon}</label>
                <input id="checkout-coupon" name="code" type="text" autocomplete="off" node_ref=input
                    aria-describedby="checkout-coupon-message" />
                <p id="checkout-coupon-message" class="field__error" role="alert">
                    {move || match status.get() { Some((false, message)) => Some(message), _ => None }}
                    {move || checkout.error_for("coupon").get()}
                    {stale_code}
                </p>
                <p class="cart-coupon__ok" role="status">
                    {move || match status.get() { Some((true, message)) => Some(message), _ => None }}
                </p>
            </div>
            <button type="submit" class="button button--ghost" disabled=move || checkout.busy.get()>{text.apply}</button>
        </form>
    }
    .into_any()
}

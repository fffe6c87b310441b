//! Step 3: the delivery method for the chosen country, each with its fee for this bag
//! (free over the method's threshold) and its delivery window.

use leptos::prelude::*;

use super::state::use_checkout;
use super::step_frame::{StepActions, StepHeading};
use crate::i18n::{use_i18n, use_locale};

#[component]
pub fn DeliveryStep() -> impl IntoView {
    let text = &use_i18n().checkout;
    let locale = use_locale();
    let checkout = use_checkout();
    let (step, quote, method) = (checkout.step, checkout.quote, checkout.shipping_method);
    let options = move || {
        quote.get().map(|q| {
            q.shipping_options
                .into_iter()
                .map(|option| {
                    let code = option.code.clone();
                    let checked_code = option.code.clone();
                    let fee = if option.fee.is_zero() {
                        text.free.to_string()
                    } else {
                        option.fee.format(locale)
                    };
                    let days = (text.delivery_days)(option.min_days, option.max_days);
                    view! {
                        <label class="checkout__choice">
                            <input type="radio" name="shipping_method" value=option.code.clone()
                                prop:checked=move || method.get() == checked_code
                                on:change=move |_| { method.set(code.clone()); checkout.requote(); } />
                            <span>{format!("{} · {days} · {fee}", option.name)}</span>
                        </label>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <li class="checkout__step" aria-labelledby="step-3">
            <StepHeading n=3 name=text.delivery_method />
            <div hidden=move || step.get() != 3>
                <fieldset class="checkout__choices">
                    <legend>{text.delivery_method}</legend>
                    {options}
                    <p class="field__error" role="alert">{move || checkout.error_for("shipping_method").get()}</p>
                </fieldset>
                <StepActions back=2
                    disabled=Signal::derive(move || checkout.busy.get() || quote.with(Option::is_none))
                    on_next=move || step.set(4) />
            </div>
        </li>
    }
    .into_any()
}

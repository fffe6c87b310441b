//! Step 1: the contact email (prefilled for a signed-in shopper), checked in the browser
//! with the same rules as the server.

use leptos::prelude::*;

use super::state::{input_value, use_checkout};
use super::step_frame::StepHeading;
use crate::api::checkout::FieldError;
use crate::components::form::TextField;
use crate::i18n::errors::refusal_text;
use crate::i18n::{use_i18n, use_locale};
use domain::email::Email;

#[component]
pub fn ContactStep(signed_in: bool, prefilled_email: String) -> impl IntoView {
    let text = &use_i18n().checkout;
    let locale = use_locale();
    let checkout = use_checkout();
    let step = checkout.step;
    let email = NodeRef::<leptos::html::Input>::new();
    let next = move |_| {
        let typed = input_value(email);
        match Email::parse(&typed) {
            Ok(_) => {
                checkout.errors.set(Vec::new());
                checkout.details.update(|details| details.email = typed);
                step.set(2);
            }
            Err(error) => {
                let refusal = domain::Refusal::Email(error);
                checkout.errors.set(vec![FieldError {
                    field: Some("email".into()),
                    message: refusal_text(&refusal, locale),
                    refusal,
                }])
            }
        }
    };
    view! {
        <li class="checkout__step" aria-labelledby="step-1">
            <StepHeading n=1 name=text.contact />
            <div hidden=move || step.get() != 1>
                {(!signed_in).then(|| view! {
                    <p class="checkout__sign-in">
                        {text.have_account}" "
                        <a href="/login?next=/checkout">{text.sign_in}</a>
                    </p>
                })}
                <TextField label=text.email name="email" input_type="email" autocomplete="email"
                    hint=text.email_hint value=prefilled_email node_ref=email error=checkout.error_for("email") />
                <button type="button" class="button button--primary" on:click=next>{text.continue_}</button>
            </div>
        </li>
    }
    .into_any()
}

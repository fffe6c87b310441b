//! Confirming an email address and resetting a forgotten password, from emailed links.

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::{AuthOutcome, RequestPasswordReset, ResetPassword, verify_email};
use crate::components::errors::refusal_words;
use crate::components::form::{FormAlert, TextField};
use crate::components::save_result::{field_error, form_error};
use crate::i18n::use_i18n;

fn token_param() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || query.read().get("token").unwrap_or_default())
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let text = &use_i18n().auth;
    let token = token_param();
    let result = page_resource(move || token.get(), verify_email);
    view! {
        <Title text=text.verify_title />
        <section class="auth" aria-labelledby="verify-title">
            <h1 id="verify-title">{text.verify_title}</h1>
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.checking_link}</p> }>
                {move || Suspend::new(async move {
                    match result.await {
                        Ok(Ok(email)) => view! {
                            <p role="status">{(text.email_confirmed)(&email)}</p>
                            <a class="button button--primary" href="/account">{text.go_to_account}</a>
                        }.into_any(),
                        Ok(Err(refusal)) => view! {
                            <p role="alert">{refusal_words(&refusal)}</p>
                            <a class="text-link" href="/account">{text.send_new_link}</a>
                        }.into_any(),
                        Err(_) => view! { <p role="alert">{text.link_check_failed}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Without a token: ask for a link. With one: choose a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let text = &use_i18n().auth;
    let token = token_param();
    view! {
        <Title text=text.reset_title />
        <section class="auth" aria-labelledby="reset-title">
            <h1 id="reset-title">{text.reset_title}</h1>
            {move || if token.get().is_empty() { view! { <RequestResetForm /> }.into_any() } else { view! { <NewPasswordForm token=token.get() /> }.into_any() }}
        </section>
    }
}

#[component]
fn RequestResetForm() -> impl IntoView {
    let text = &use_i18n().auth;
    let action = ServerAction::<RequestPasswordReset>::new();
    let value = Signal::derive(move || action.value().get());
    let sent = Signal::derive(
        move || matches!(value.get(), Some(Ok(AuthOutcome::Refused(ref errors))) if errors.is_empty()),
    );
    view! {
        <p>{text.reset_intro}</p>
        <ActionForm action=action attr:class="auth__form" attr:novalidate=true>
            <TextField label=text.email name="email" input_type="email" autocomplete="email" error=field_error(value, "email") />
            <FormAlert message=form_error(value) />
            <p role="status" class="form-status">
                {move || sent.get().then_some(text.reset_link_sent)}
            </p>
            <button type="submit" class="button button--primary" disabled=move || action.pending().get()>{text.send_link}</button>
        </ActionForm>
    }
}

#[component]
fn NewPasswordForm(token: String) -> impl IntoView {
    let text = &use_i18n().auth;
    let action = ServerAction::<ResetPassword>::new();
    let value = Signal::derive(move || action.value().get());
    view! {
        <ActionForm action=action attr:class="auth__form" attr:novalidate=true>
            <input type="hidden" name="token" value=token />
            <TextField
                label=text.new_password
                name="password"
                input_type="password"
                autocomplete="new-password"
                hint=text.password_hint
                error=field_error(value, "password")
            />
            <FormAlert message=form_error(value) />
            <button type="submit" class="button button--primary" disabled=move || action.pending().get()>{text.save_new_password}</button>
        </ActionForm>
    }
}

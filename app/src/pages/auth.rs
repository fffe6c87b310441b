//! Sign in, create an account, sign out.

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::auth::{Register, SignIn, SignOut, oauth_refusal, sign_in_providers};
use crate::components::errors::refusal_words;
use crate::components::form::{FormAlert, TextField};
use crate::components::save_result::{field_error, form_error};
use crate::i18n::use_i18n;
use domain::LocalPath;
use domain::email::Email;
use domain::password::NewPassword;

/// The `next` the page was opened with, when it is a path on this site.
fn next_param() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || {
        query
            .read()
            .get("next")
            .and_then(|next| LocalPath::parse(&next))
            .map(|next| next.to_string())
            .unwrap_or_default()
    })
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let text = &use_i18n().auth;
    let action = ServerAction::<SignIn>::new();
    let value = Signal::derive(move || action.value().get());
    let next = next_param();
    let query = use_query_map();
    let oauth_error = move || {
        query
            .read()
            .get("oauth_error")
            .map(|code| refusal_words(&oauth_refusal(&code)))
    };
    let register_href = move || {
        let next = next.get();
        if next.is_empty() {
            "/register".to_string()
        } else {
            format!("/register?next={}", LocalPath::query_value(&next))
        }
    };

    view! {
        <Title text=text.sign_in_title />
        <Meta name="description" content=text.sign_in_description />
        <section class="auth" aria-labelledby="sign-in-title">
            <p class="eyebrow">{text.welcome_back}</p>
            <h1 id="sign-in-title">{text.sign_in_title}</h1>
            {move || oauth_error().map(|message| view! { <p class="form-alert" role="alert">{message}</p> })}
            <ActionForm action=action attr:class="auth__form" attr:novalidate=true>
                <input type="hidden" name="next" value=next />
                <TextField label=text.email name="email" input_type="email" autocomplete="email" error=field_error(value, "email") />
                <TextField
                    label=text.password
                    name="password"
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(value, "password")
                />
                <FormAlert message=form_error(value) />
                <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { text.signing_in } else { text.sign_in_button }}
                </button>
            </ActionForm>
            <SocialSignIn />
            <p class="auth__switch"><a href="/reset-password">{text.forgotten_password}</a></p>
            <p class="auth__switch">{text.new_here} <a href=register_href>{text.create_account_link}</a></p>
        </section>
    }
}

/// "Continue with …" links for the configured providers (plain links: they work without
/// JavaScript, and the provider round trip is a full navigation anyway).
#[component]
fn SocialSignIn() -> impl IntoView {
    let text = &use_i18n().auth;
    let providers = page_resource(|| (), |_| sign_in_providers());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let providers = providers.await.unwrap_or_default();
                (!providers.is_empty()).then(|| view! {
                    <div class="social-sign-in">
                        <p class="eyebrow">{text.or_continue_with}</p>
                        <ul role="list">
                            {providers.into_iter().map(|(name, label)| view! {
                                <li>
                                    <a class="button button--ghost" href=format!("/auth/oauth/{name}/start") rel="external">
                                        {(text.continue_with)(&label)}
                                    </a>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            })}
        </Suspense>
    }
}

/// Registration in two steps: who you are, then a password. Without JavaScript both
/// steps show at once and the form still works.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let text = &use_i18n().auth;
    let action = ServerAction::<Register>::new();
    let value = Signal::derive(move || action.value().get());
    let next = next_param();
    // Two steps only once the page is interactive.
    let stepped = RwSignal::new(false);
    let step = RwSignal::new(1u8);
    Effect::new(move |_| stepped.set(true));
    let name_ref = NodeRef::<leptos::html::Input>::new();
    let email_ref = NodeRef::<leptos::html::Input>::new();
    let password_ref = NodeRef::<leptos::html::Input>::new();
    let local_name_error = RwSignal::new(None::<String>);
    let local_email_error = RwSignal::new(None::<String>);
    let local_password_error = RwSignal::new(None::<String>);

    let server_name_error = field_error(value, "name");
    let server_email_error = field_error(value, "email");
    // A refusal about step one's fields takes the shopper back there.
    Effect::new(move |_| {
        if server_name_error.get().is_some() || server_email_error.get().is_some() {
            step.set(1);
        }
    });
    let name_error =
        Signal::derive(move || local_name_error.get().or_else(|| server_name_error.get()));
    let email_error =
        Signal::derive(move || local_email_error.get().or_else(|| server_email_error.get()));
    let password_error = Signal::derive(move || {
        local_password_error
            .get()
            .or_else(|| field_error(value, "password").get())
    });

    let continue_to_password = move |_| {
        let name = name_ref
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        let email = email_ref
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        local_name_error.set(
            name.trim()
                .is_empty()
                .then(|| "Tell us your name.".to_string()),
        );
        local_email_error.set(Email::parse(&email).err().map(|error| error.to_string()));
        if local_name_error.get_untracked().is_none() && local_email_error.get_untracked().is_none()
        {
            step.set(2);
            // Focus once the second step is shown (the DOM updates on the next frame).
            request_animation_frame(move || {
                if let Some(input) = password_ref.get_untracked() {
                    let _ = input.focus();
                }
            });
        } else if let Some(input) = if local_name_error.get_untracked().is_some() {
            name_ref.get()
        } else {
            email_ref.get()
        } {
            let _ = input.focus();
        }
    };
    let check_password = move |event: leptos::ev::SubmitEvent| {
        let email = email_ref
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        let password = password_ref
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        let local = Email::parse(&email).ok();
        match NewPassword::parse(&password, local.as_ref().map(Email::local_part)) {
            Ok(_) => local_password_error.set(None),
            Err(error) => {
                local_password_error.set(Some(error.to_string()));
                event.prevent_default();
            }
        }
    };

    view! {
        <Title text=text.register_title />
        <Meta name="description" content=text.register_description />
        <section class="auth" aria-labelledby="register-title">
            <p class="eyebrow">
                {move || if stepped.get() { (text.register_step)(step.get()) } else { text.join_the_house.to_string() }}
            </p>
            <h1 id="register-title">{text.register_title}</h1>
            <ActionForm action=action attr:class="auth__form" attr:novalidate=true on:submit=check_password>
                <input type="hidden" name="next" value=next />
                <fieldset class="auth__step" hidden=move || stepped.get() && step.get() != 1>
                    <legend>{text.about_you}</legend>
                    <TextField label=text.name name="name" autocomplete="name" maxlength=100 error=name_error node_ref=name_ref />
                    <TextField label=text.email name="email" input_type="email" autocomplete="email" error=email_error node_ref=email_ref />
                    <button type="button" class="button button--primary" hidden=move || !stepped.get() on:click=continue_to_password>
                        {text.continue_}
                    </button>
                </fieldset>
                <fieldset class="auth__step" hidden=move || stepped.get() && step.get() != 2>
                    <legend>{text.your_password}</legend>
                    <TextField
                        label=text.password
                        name="password"
                        input_type="password"
                        autocomplete="new-password"
                        hint=text.password_hint
                        error=password_error
                        node_ref=password_ref
                    />
                    <FormAlert message=form_error(value) />
                    <div class="auth__actions">
                        <button type="button" class="button button--ghost" hidden=move || !stepped.get() on:click=move |_| step.set(1)>
                            {text.back}
                        </button>
                        <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                            {move || if action.pending().get() { text.creating_account } else { text.create_account_button }}
                        </button>
                    </div>
                </fieldset>
            </ActionForm>
            <p class="auth__switch">{text.have_account} <a href="/login">{text.sign_in_link}</a></p>
        </section>
    }
}

/// A page with a single button: signing out changes state, so it is a POST, never a GET.
#[component]
pub fn SignOutPage() -> impl IntoView {
    let text = &use_i18n().auth;
    view! {
        <Title text=text.sign_out_title />
        <section class="auth" aria-labelledby="sign-out-title">
            <h1 id="sign-out-title">{text.sign_out_title}</h1>
            <p>{text.sign_out_body}</p>
            <SignOutButton />
        </section>
    }
}

#[component]
pub fn SignOutButton() -> impl IntoView {
    let text = &use_i18n().auth;
    let action = ServerAction::<SignOut>::new();
    view! {
        <ActionForm action=action attr:class="sign-out">
            <button type="submit" class="button button--ghost">{text.sign_out_button}</button>
        </ActionForm>
    }
}

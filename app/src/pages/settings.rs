//! Account settings: the profile, the password and the connected sign-in accounts.
//! Signed-out visitors are sent to sign in and brought back.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::api::account::{
    AccountSettings, ChangePassword, SaveOutcome, UpdateProfile, get_account_settings,
};
use crate::api::auth::current_user;
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::i18n::use_i18n;

/// Languages the store speaks, each named in itself.
pub const LANGUAGE_OPTIONS: [(&str, &str); 3] =
    [("en", "English"), ("fr", "Français"), ("it", "Italiano")];

/// The last result of a form's server action.
pub type SaveResult = Option<Result<SaveOutcome, ServerFnError>>;

/// The message for `field` from the last submission, if it was refused there.
pub fn field_error(value: Signal<SaveResult>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        value
            .get()
            .and_then(|result| result.ok())
            .and_then(|outcome| outcome.error_for(field))
    })
}

/// A message about the whole form: a refusal without a field, or a failed request.
pub fn form_error(value: Signal<SaveResult>) -> Signal<Option<String>> {
    Signal::derive(move || match value.get() {
        Some(Ok(outcome)) => outcome.form_error(),
        Some(Err(error)) => Some(error_message(&error)),
        None => None,
    })
}

/// What to tell the shopper when a request failed: the server's own (deliberate)
/// message when it sent one, otherwise that it could not be reached.
pub fn error_message(error: &ServerFnError) -> String {
    match error {
        ServerFnError::ServerError(message) => message.clone(),
        _ => "We could not reach LuxeVerse. Please try again.".to_string(),
    }
}

/// The result of `action`'s submissions made after this point only, so a form drawn
/// again does not show the previous form's messages.
pub fn fresh_value<A>(action: ServerAction<A>) -> Signal<SaveResult>
where
    A: leptos::server_fn::ServerFn<Output = SaveOutcome, Error = ServerFnError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    let start = action.version().get_untracked();
    Signal::derive(move || {
        if action.version().get() > start {
            action.value().get()
        } else {
            None
        }
    })
}

/// A polite live region: `message` once the last submission succeeded, emptied while
/// the next one is on its way so each success is announced.
#[component]
pub fn SaveStatus(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="save-status" role="status">{move || message.get()}</p> }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let text = &use_i18n().account;
    // The user is checked first, so a signed-out visitor is redirected rather than
    // refused by the settings function.
    let settings = Resource::new(
        || (),
        |_| async move {
            match current_user().await? {
                Some(_) => get_account_settings().await.map(Some),
                None => Ok(None),
            }
        },
    );
    let location = use_location();
    let sign_in = move || format!("/login?next={}", location.pathname.get_untracked());

    view! {
        <Title text=text.settings />
        <section class="account account--wide" aria-labelledby="settings-title">
            <p class="eyebrow"><a href="/account">{text.title}</a></p>
            <h1 id="settings-title">{text.settings}</h1>
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.settings_loading}</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(Some(settings)) => view! { <SettingsPanels settings /> }.into_any(),
                        Ok(None) => view! { <Redirect path=sign_in() /> }.into_any(),
                        Err(error) => {
                            view! { <p role="alert">{error_message(&error)}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SettingsPanels(settings: AccountSettings) -> impl IntoView {
    let AccountSettings {
        name,
        email,
        phone,
        preferred_currency,
        preferred_language,
        timezone,
        has_password,
        connected_accounts,
    } = settings;
    view! {
        <ProfileForm name email phone preferred_currency preferred_language timezone />
        <PasswordForm has_password />
        <ConnectedAccounts providers=connected_accounts />
    }
}

#[component]
fn ProfileForm(
    name: String,
    email: String,
    phone: String,
    preferred_currency: String,
    preferred_language: String,
    timezone: String,
) -> impl IntoView {
    let text = &use_i18n().account;
    let action = ServerAction::<UpdateProfile>::new();
    let value = fresh_value(action);
    let saved = Signal::derive(move || {
        (!action.pending().get()
            && value
                .get()
                .is_some_and(|result| result.is_ok_and(|outcome| outcome.is_saved())))
        .then(|| text.saved.to_string())
    });

    view! {
        <section class="settings__panel" aria-labelledby="profile-title">
            <h2 id="profile-title">{text.profile}</h2>
            <p class="settings__note">{text.signed_in_as} <strong>{email}</strong></p>
            <ActionForm action=action attr:class="settings__form" attr:novalidate=true>
                <TextField label=text.name name="name" value=name autocomplete="name" maxlength=100 error=field_error(value, "name") />
                <TextField
                    label=text.phone
                    name="phone"
                    value=phone
                    input_type="tel"
                    autocomplete="tel"
                    hint=text.phone_hint
                    error=field_error(value, "phone")
                />
                <SelectField
                    label=text.currency
                    name="preferred_currency"
                    options=&text.currency_options
                    selected=preferred_currency
                    error=field_error(value, "preferred_currency")
                />
                <SelectField
                    label=text.language
                    name="preferred_language"
                    options=&LANGUAGE_OPTIONS
                    selected=preferred_language
                    error=field_error(value, "preferred_language")
                />
                <TextField
                    label=text.timezone
                    name="timezone"
                    value=timezone
                    autocomplete="off"
                    maxlength=50
                    hint=text.timezone_hint
                    error=field_error(value, "timezone")
                />
                <FormAlert message=form_error(value) />
                <SaveStatus message=saved />
                <div class="settings__actions">
                    <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { text.saving } else { text.save_profile }}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordForm(has_password: bool) -> impl IntoView {
    let text = &use_i18n().account;
    let action = ServerAction::<ChangePassword>::new();
    let value = fresh_value(action);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let saved = Signal::derive(move || {
        (!action.pending().get()
            && value
                .get()
                .is_some_and(|result| result.is_ok_and(|outcome| outcome.is_saved())))
        .then(|| text.password_changed.to_string())
    });
    // Clear the password fields once the change went through.
    Effect::new(move |_| {
        if saved.get().is_some()
            && let Some(form) = form_ref.get()
        {
            form.reset();
        }
    });

    view! {
        <section class="settings__panel" aria-labelledby="password-title">
            <h2 id="password-title">{text.password}</h2>
            {(!has_password)
                .then(|| {
                    view! {
                        <p class="settings__note">{text.no_password}</p>
                    }
                })}
            <ActionForm action=action node_ref=form_ref attr:class="settings__form" attr:novalidate=true attr:hidden=!has_password>
                <TextField
                    label=text.current_password
                    name="current_password"
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(value, "current_password")
                />
                <TextField
                    label=text.new_password
                    name="new_password"
                    input_type="password"
                    autocomplete="new-password"
                    hint=text.password_hint
                    error=field_error(value, "new_password")
                />
                <FormAlert message=form_error(value) />
                <SaveStatus message=saved />
                <div class="settings__actions">
                    <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { text.changing_password } else { text.change_password }}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn ConnectedAccounts(providers: Vec<String>) -> impl IntoView {
    let text = &use_i18n().account;
    view! {
        <section class="settings__panel" aria-labelledby="connected-title">
            <h2 id="connected-title">{text.connected_accounts}</h2>
            {if providers.is_empty() {
                view! { <p class="settings__empty">{text.no_connected_accounts}</p> }.into_any()
            } else {
                view! {
                    <p class="settings__note">{text.also_sign_in_with}</p>
                    <ul role="list" class="settings__providers">
                        {providers.into_iter().map(|provider| view! { <li>{provider}</li> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use services::profile::{CURRENCIES, LANGUAGES};

    #[test]
    fn the_choices_match_what_the_server_accepts() {
        for messages in [&crate::i18n::EN, &crate::i18n::FR, &crate::i18n::IT] {
            let currencies: Vec<_> = messages
                .account
                .currency_options
                .iter()
                .map(|(code, _)| *code)
                .collect();
            assert_eq!(currencies, CURRENCIES);
        }
        let languages: Vec<_> = LANGUAGE_OPTIONS.iter().map(|(code, _)| *code).collect();
        assert_eq!(languages, LANGUAGES);
    }
}

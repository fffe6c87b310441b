//! Account settings: the profile, the password, the connected sign-in accounts, the
//! notification preferences and personalisation.
//! Signed-out visitors are sent to sign in and brought back.

use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::sign_in_first::SignInFirst;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::{AccountSettings, ChangePassword, UpdateProfile, get_account_settings};
use crate::api::auth::current_user;
use crate::components::errors::error_text;
use crate::components::form::{CheckboxField, FormAlert, SelectField, TextField};
use crate::components::save_result::{SaveStatus, field_error, form_error, fresh_value};
use crate::i18n::use_i18n;
use crate::pages::account::preferences::{NotificationPreferences, Preferences};

/// Languages the store speaks, each named in itself.
pub const LANGUAGE_OPTIONS: [(&str, &str); 3] =
    [("en", "English"), ("fr", "Français"), ("it", "Italiano")];

#[component]
pub fn SettingsPage() -> impl IntoView {
    let text = &use_i18n().account;
    // The user is checked first, so a signed-out visitor is redirected rather than
    // refused by the settings function.
    let settings = page_resource(
        || (),
        |_| async move {
            match current_user().await? {
                Some(_) => get_account_settings().await.map(Some),
                None => Ok(None),
            }
        },
    );
    let preferences = Preferences::default();

    view! {
        <Title text=text.settings />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main account-main--form" aria-labelledby="settings-title">
                <p class="eyebrow"><a href="/account">{text.title}</a></p>
                <h1 id="settings-title">{text.settings}</h1>
                <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.settings_loading}</p> }>
                    {move || Suspend::new(async move {
                        match settings.await {
                            Ok(Some(settings)) => view! { <SettingsPanels settings preferences /> }.into_any(),
                            Ok(None) => view! { <SignInFirst /> }.into_any(),
                            Err(error) => {
                                view! { <p role="alert">{error_text(&error)}</p> }.into_any()
                            }
                        }
                    })}
                </Suspense>
            </section>
        </div>
    }
}

#[component]
fn SettingsPanels(settings: AccountSettings, preferences: Preferences) -> impl IntoView {
    let AccountSettings {
        name,
        email,
        phone,
        preferred_currency,
        preferred_language,
        timezone,
        has_password,
        connected_accounts,
        ai_consent,
    } = settings;
    view! {
        <ProfileForm name email phone preferred_currency preferred_language timezone />
        <PasswordForm has_password />
        <ConnectedAccounts providers=connected_accounts />
        <NotificationPreferences preferences />
        <Personalisation on=ai_consent />
    }
}

/// Whether recommendations follow the shopper's style: one box, a plain form.
#[component]
fn Personalisation(on: bool) -> impl IntoView {
    let text = crate::i18n::style::style_text();
    let save = ServerAction::<crate::api::style::SetPersonalisation>::new();
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = save.value().get() {
            status.set(outcome.is_saved().then(|| text.consent_saved.to_string()));
        }
    });
    view! {
        <section class="settings__panel" id="personalisation" aria-labelledby="personalisation-title">
            <h2 id="personalisation-title">{text.consent_heading}</h2>
            <ActionForm action=save>
                <CheckboxField label=text.consent_label name="on" checked=on hint=text.consent_hint />
                <SaveStatus message=status />
                <FormAlert message=form_error(save.value().into()) />
                <button type="submit" class="button button--ghost">{text.consent_save}</button>
            </ActionForm>
        </section>
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

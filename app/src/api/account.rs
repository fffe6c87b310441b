//! Account settings and the address book, as server functions. Each is thin: it finds
//! the signed-in user (401 otherwise), calls a service in `services::profile` or
//! `services::addresses`, and turns refusals into messages for the form's fields.

// Server functions take one argument per form field (a no-JavaScript form posts them by
// name), so the address form's function has more than clippy's default seven.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::api::auth::FieldError;

/// What a settings or address form submission came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveOutcome {
    Saved,
    Refused(Vec<FieldError>),
}

impl SaveOutcome {
    pub fn is_saved(&self) -> bool {
        matches!(self, SaveOutcome::Saved)
    }

    pub fn error_for(&self, field: &str) -> Option<String> {
        match self {
            SaveOutcome::Refused(errors) => errors
                .iter()
                .find(|error| error.field.as_deref() == Some(field))
                .map(|error| error.message.clone()),
            SaveOutcome::Saved => None,
        }
    }

    pub fn form_error(&self) -> Option<String> {
        match self {
            SaveOutcome::Refused(errors) => errors
                .iter()
                .find(|error| error.field.is_none())
                .map(|error| error.message.clone()),
            SaveOutcome::Saved => None,
        }
    }
}

/// The settings page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSettings {
    pub name: String,
    pub email: String,
    /// Empty when none is stored.
    pub phone: String,
    pub preferred_currency: String,
    pub preferred_language: String,
    pub timezone: String,
    /// False for accounts that only sign in through a connected account.
    pub has_password: bool,
    /// Display names of the providers the account signs in with ("Google", "GitHub").
    pub connected_accounts: Vec<String>,
}

/// One address as the address book shows it; optional parts are empty when unset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub id: String,
    /// `shipping` or `billing`.
    pub kind: String,
    pub is_default: bool,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    pub phone: String,
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country_code: String,
}

/// How a sign-in provider is named to shoppers.
pub fn provider_label(provider: &str) -> String {
    match provider.to_ascii_lowercase().as_str() {
        "google" => "Google".to_string(),
        "github" => "GitHub".to_string(),
        "apple" => "Apple".to_string(),
        "microsoft" => "Microsoft".to_string(),
        _ => {
            let mut chars = provider.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

#[cfg(feature = "ssr")]
mod server {
    use http::StatusCode;
    use leptos::prelude::*;

    use super::{AddressView, SaveOutcome};
    use crate::api::request::internal;
    use entities::addresses;
    use services::addresses::AddressError;
    use services::profile::ProfileError;

    use crate::api::error::field_error;
    pub use crate::api::error::refuse;
    use domain::Refusal;

    /// Unknown ids and other people's addresses look the same: 404.
    pub fn not_found() -> ServerFnError {
        refuse(&Refusal::AddressNotFound)
    }

    pub fn parse_id(id: &str) -> Result<uuid::Uuid, ServerFnError> {
        uuid::Uuid::parse_str(id.trim()).map_err(|_| not_found())
    }

    fn field_errors<F: Copy>(issues: &[(F, Refusal)], name: fn(F) -> &'static str) -> SaveOutcome {
        SaveOutcome::Refused(
            issues
                .iter()
                .map(|(field, refusal)| field_error(Some(name(*field)), refusal.clone()))
                .collect(),
        )
    }

    fn form_error(refusal: Refusal) -> SaveOutcome {
        SaveOutcome::Refused(vec![field_error(None, refusal)])
    }

    /// Field-level refusals become an outcome the form shows; anything else is internal.
    pub fn profile_refused(error: ProfileError) -> Result<SaveOutcome, ServerFnError> {
        match error {
            ProfileError::Invalid(issues) => Ok(field_errors(&issues, |field| field.as_str())),
            refusal @ ProfileError::RateLimited { .. } => Ok(form_error(refusal.refusal())),
            ProfileError::Internal(error) => Err(internal(error)),
            ProfileError::Hashing(error) => Err(internal(error)),
        }
    }

    pub fn address_refused(error: AddressError) -> Result<SaveOutcome, ServerFnError> {
        match error {
            AddressError::Invalid(issues) => Ok(field_errors(&issues, |field| field.as_str())),
            refusal @ AddressError::TooMany => Ok(form_error(refusal.refusal())),
            AddressError::NotFound => Err(not_found()),
            AddressError::Internal(error) => Err(internal(error)),
        }
    }

    pub fn address_failed(error: AddressError) -> ServerFnError {
        match error {
            AddressError::Internal(error) => internal(error),
            AddressError::NotFound => not_found(),
            refusal => {
                crate::api::error::refuse_with(StatusCode::UNPROCESSABLE_ENTITY, &refusal.refusal())
            }
        }
    }

    pub fn address_view(address: addresses::Model) -> AddressView {
        AddressView {
            id: address.id.to_string(),
            kind: address.r#type,
            is_default: address.is_default,
            first_name: address.first_name,
            last_name: address.last_name,
            company: address.company.unwrap_or_default(),
            phone: address.phone.unwrap_or_default(),
            address_line1: address.address_line1,
            address_line2: address.address_line2.unwrap_or_default(),
            city: address.city,
            state_province: address.state_province.unwrap_or_default(),
            postal_code: address.postal_code,
            // `char(2)`: trimmed in case the column ever pads.
            country_code: address.country_code.trim().to_string(),
        }
    }
}

/// The signed-in shopper's profile and connected accounts.
#[server(endpoint = "account/settings")]
pub async fn get_account_settings() -> Result<AccountSettings, ServerFnError> {
    use crate::api::request::{internal, require_user, state};
    use services::profile;
    let user = require_user().await?;
    let state = state()?;
    let providers = profile::connected_providers(&state.db, user.id)
        .await
        .map_err(internal)?;
    Ok(AccountSettings {
        name: user.name.unwrap_or_default(),
        email: user.email,
        phone: user.phone.unwrap_or_default(),
        preferred_currency: user.preferred_currency.trim().to_string(),
        preferred_language: user.preferred_language,
        timezone: user.timezone,
        has_password: user.password_hash.is_some(),
        connected_accounts: providers
            .iter()
            .map(|provider| provider_label(provider))
            .collect(),
    })
}

#[server(endpoint = "account/update_profile")]
pub async fn update_profile(
    name: String,
    phone: String,
    preferred_currency: String,
    preferred_language: String,
    timezone: String,
) -> Result<SaveOutcome, ServerFnError> {
    use crate::api::request::{require_user, state};
    use services::profile::{self, ProfileForm};
    let user = require_user().await?;
    let state = state()?;
    let form = ProfileForm {
        name,
        phone,
        preferred_currency,
        preferred_language,
        timezone,
    };
    match profile::update_profile(&state.db, user, &form).await {
        Ok(saved) => {
            crate::api::request::remember_locale(&saved.preferred_language);
            Ok(SaveOutcome::Saved)
        }
        Err(error) => server::profile_refused(error),
    }
}

/// Changes the password; every other session of the shopper ends, this one stays.
#[server(endpoint = "account/change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<SaveOutcome, ServerFnError> {
    use crate::api::request::{request_context, require_user, session_token, state};
    use services::profile::{self, PasswordChange};
    let user = require_user().await?;
    let token = session_token().ok_or_else(|| server::refuse(&domain::Refusal::SignInRequired))?;
    let state = state()?;
    let change = PasswordChange {
        current_password,
        new_password,
    };
    match profile::change_password(&state.db, user, &token, &change, &request_context()).await {
        Ok(_) => Ok(SaveOutcome::Saved),
        Err(error) => server::profile_refused(error),
    }
}

/// The signed-in shopper's addresses.
#[server(endpoint = "account/addresses")]
pub async fn list_addresses() -> Result<Vec<AddressView>, ServerFnError> {
    use crate::api::request::{internal, require_user, state};
    use services::addresses;
    let user = require_user().await?;
    let state = state()?;
    let found = addresses::list(&state.db, user.id)
        .await
        .map_err(internal)?;
    Ok(found.into_iter().map(server::address_view).collect())
}

/// One of the signed-in shopper's addresses; 404 for anyone else's.
#[server(endpoint = "account/address")]
pub async fn get_address(id: String) -> Result<AddressView, ServerFnError> {
    use crate::api::request::{require_user, state};
    use services::addresses;
    let user = require_user().await?;
    let id = server::parse_id(&id)?;
    let state = state()?;
    addresses::get(&state.db, user.id, id)
        .await
        .map(server::address_view)
        .map_err(server::address_failed)
}

/// Adds an address (no `id`) or replaces one of the shopper's own (`id`).
#[server(endpoint = "account/save_address")]
pub async fn save_address(
    id: Option<String>,
    kind: String,
    first_name: String,
    last_name: String,
    company: Option<String>,
    phone: Option<String>,
    address_line1: String,
    address_line2: Option<String>,
    city: String,
    state_province: Option<String>,
    postal_code: String,
    country_code: String,
    make_default: Option<String>,
) -> Result<SaveOutcome, ServerFnError> {
    use crate::api::request::{require_user, state};
    use services::addresses::{self, AddressForm};
    let user = require_user().await?;
    let id = match id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(server::parse_id(id)?),
    };
    let state = state()?;
    let form = AddressForm {
        kind,
        first_name,
        last_name,
        company: company.unwrap_or_default(),
        phone: phone.unwrap_or_default(),
        address_line1,
        address_line2: address_line2.unwrap_or_default(),
        city,
        state_province: state_province.unwrap_or_default(),
        postal_code,
        country_code,
        make_default: matches!(make_default.as_deref(), Some("true" | "on")),
    };
    let saved = match id {
        None => addresses::add(&state.db, user.id, &form).await,
        Some(id) => addresses::update(&state.db, user.id, id, &form).await,
    };
    match saved {
        Ok(_) => Ok(SaveOutcome::Saved),
        Err(error) => server::address_refused(error),
    }
}

#[server(endpoint = "account/delete_address")]
pub async fn delete_address(id: String) -> Result<(), ServerFnError> {
    use crate::api::request::{require_user, state};
    use services::addresses;
    let user = require_user().await?;
    let id = server::parse_id(&id)?;
    let state = state()?;
    addresses::delete(&state.db, user.id, id)
        .await
        .map_err(server::address_failed)
}

#[server(endpoint = "account/set_default_address")]
pub async fn set_default_address(id: String) -> Result<(), ServerFnError> {
    use crate::api::request::{require_user, state};
    use services::addresses;
    let user = require_user().await?;
    let id = server::parse_id(&id)?;
    let state = state()?;
    addresses::set_default(&state.db, user.id, id)
        .await
        .map(drop)
        .map_err(server::address_failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_are_named_for_people() {
        assert_eq!(provider_label("google"), "Google");
        assert_eq!(provider_label("github"), "GitHub");
        assert_eq!(provider_label("acme"), "Acme");
        assert_eq!(provider_label(""), "");
    }

    #[test]
    fn outcomes_find_their_messages() {
        let refused = SaveOutcome::Refused(vec![
            FieldError {
                field: Some("phone".into()),
                refusal: domain::Refusal::PhoneLength,
                message: "Use 7 to 20 digits.".into(),
            },
            FieldError {
                field: None,
                refusal: domain::Refusal::RateLimited { seconds: 9 },
                message: "Too many attempts.".into(),
            },
        ]);
        assert_eq!(
            refused.error_for("phone").as_deref(),
            Some("Use 7 to 20 digits.")
        );
        assert_eq!(refused.error_for("name"), None);
        assert_eq!(refused.form_error().as_deref(), Some("Too many attempts."));
        assert!(SaveOutcome::Saved.is_saved());
        assert_eq!(SaveOutcome::Saved.error_for("phone"), None);
    }
}

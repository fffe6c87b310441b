//! Account settings and the address book, as server functions. Each is thin: it finds
//! the signed-in user (401 otherwise), calls a service in `services::profile` or
//! `services::addresses`, and turns refusals into messages for the form's fields.

// Server functions take one argument per form field (a no-JavaScript form posts them by
// name), so the address form's function has more than clippy's default seven.
#![allow(clippy::too_many_arguments)]

pub mod notifications;
pub mod orders;
pub mod overview;
pub mod wishlist;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
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
            SaveOutcome::Refused(errors) => domain::refusal::message_for(errors, Some(field)),
            SaveOutcome::Saved => None,
        }
    }

    pub fn form_error(&self) -> Option<String> {
        match self {
            SaveOutcome::Refused(errors) => domain::refusal::message_for(errors, None),
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
    /// Whether recommendations follow the shopper's style (`users.ai_consent`).
    pub ai_consent: bool,
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
    use super::{AddressView, SaveOutcome};
    use crate::api::ApiError;
    use crate::api::error::field_error;
    use domain::Refusal;
    use entities::addresses;
    use services::addresses::AddressError;
    use services::profile::ProfileError;

    /// Unknown ids and other people's addresses look the same: 404.
    pub fn parse_id(id: &str) -> Result<uuid::Uuid, ApiError> {
        uuid::Uuid::parse_str(id.trim()).map_err(|_| ApiError::new(Refusal::AddressNotFound))
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

    /// Field-level refusals become an outcome the form shows; anything else is an error.
    pub fn profile_refused(error: ProfileError) -> Result<SaveOutcome, ApiError> {
        match error {
            ProfileError::Invalid(issues) => Ok(field_errors(&issues, |field| field.as_str())),
            refusal @ ProfileError::RateLimited { .. } => Ok(form_error(refusal.refusal())),
            other => Err(other.into()),
        }
    }

    pub fn address_refused(error: AddressError) -> Result<SaveOutcome, ApiError> {
        match error {
            AddressError::Invalid(issues) => Ok(field_errors(&issues, |field| field.as_str())),
            refusal @ AddressError::TooMany => Ok(form_error(refusal.refusal())),
            other => Err(other.into()),
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
pub async fn get_account_settings() -> Result<AccountSettings, ApiError> {
    use services::profile;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let providers = profile::connected_providers(&ctx.services.db, user.id).await?;
    Ok(AccountSettings {
        name: user.name.clone().unwrap_or_default(),
        email: user.email.clone(),
        phone: user.phone.clone().unwrap_or_default(),
        preferred_currency: user.preferred_currency.trim().to_string(),
        preferred_language: user.preferred_language.clone(),
        timezone: user.timezone.clone(),
        has_password: user.password_hash.is_some(),
        connected_accounts: providers
            .iter()
            .map(|provider| provider_label(provider))
            .collect(),
        ai_consent: user.ai_consent,
    })
}

#[server(endpoint = "account/update_profile")]
pub async fn update_profile(
    name: String,
    phone: String,
    preferred_currency: String,
    preferred_language: String,
    timezone: String,
) -> Result<SaveOutcome, ApiError> {
    use services::profile::{self, ProfileForm};
    let ctx = crate::api::context::Ctx::load().await?;
    let form = ProfileForm {
        name,
        phone,
        preferred_currency,
        preferred_language,
        timezone,
    };
    match profile::update_profile(&ctx.services.db, ctx.user()?.clone(), &form).await {
        Ok(saved) => {
            ctx.remember_locale(&saved.preferred_language);
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
) -> Result<SaveOutcome, ApiError> {
    use services::profile::{self, PasswordChange};
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?.clone();
    let token = ctx
        .session_token()
        .ok_or_else(|| ApiError::new(domain::Refusal::SignInRequired))?;
    let change = PasswordChange {
        current_password,
        new_password,
    };
    match profile::change_password(&ctx.services.db, user, token, &change, &ctx.request).await {
        Ok(_) => Ok(SaveOutcome::Saved),
        Err(error) => server::profile_refused(error),
    }
}

/// The signed-in shopper's addresses.
#[server(endpoint = "account/addresses")]
pub async fn list_addresses() -> Result<Vec<AddressView>, ApiError> {
    use services::addresses;
    let ctx = crate::api::context::Ctx::load().await?;
    let found = addresses::list(&ctx.services.db, ctx.user()?.id).await?;
    Ok(found.into_iter().map(server::address_view).collect())
}

/// One of the signed-in shopper's addresses; 404 for anyone else's.
#[server(endpoint = "account/address")]
pub async fn get_address(id: String) -> Result<AddressView, ApiError> {
    use services::addresses;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = server::parse_id(&id)?;
    let found = addresses::get(&ctx.services.db, user.id, id).await?;
    Ok(server::address_view(found))
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
) -> Result<SaveOutcome, ApiError> {
    use services::addresses::{self, AddressForm};
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = match id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(server::parse_id(id)?),
    };
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
    let db = &ctx.services.db;
    let saved = match id {
        None => addresses::add(db, user.id, &form).await,
        Some(id) => addresses::update(db, user.id, id, &form).await,
    };
    match saved {
        Ok(_) => Ok(SaveOutcome::Saved),
        Err(error) => server::address_refused(error),
    }
}

#[server(endpoint = "account/delete_address")]
pub async fn delete_address(id: String) -> Result<(), ApiError> {
    use services::addresses;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = server::parse_id(&id)?;
    addresses::delete(&ctx.services.db, user.id, id).await?;
    Ok(())
}

#[server(endpoint = "account/set_default_address")]
pub async fn set_default_address(id: String) -> Result<(), ApiError> {
    use services::addresses;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = server::parse_id(&id)?;
    addresses::set_default(&ctx.services.db, user.id, id).await?;
    Ok(())
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

//! The language switcher's server function.

use leptos::prelude::*;

use crate::api::ApiError;

/// Makes `locale` ("en", "fr" or "it") the shopper's language: remembered in a cookie, and
/// stored as the account's preferred language when signed in. A plain form post (no
/// JavaScript) is sent back to the page it came from, now in the new language.
#[server(endpoint = "locale/set")]
pub async fn set_locale(locale: String) -> Result<(), ApiError> {
    use crate::api::context::Ctx;
    use domain::{Locale, Refusal};
    use services::profile;

    let ctx = Ctx::load().await?;
    let chosen = Locale::parse(&locale).ok_or_else(|| ApiError::new(Refusal::LanguageUnknown))?;
    if let Some(user) = ctx.account() {
        profile::set_preferred_language(&ctx.services.db, user.id, chosen.code()).await?;
    }
    ctx.remember_locale(chosen.code());
    Ok(())
}

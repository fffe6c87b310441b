//! The language switcher's server function.

use leptos::prelude::*;

/// Makes `locale` ("en", "fr" or "it") the shopper's language: remembered in a cookie, and
/// stored as the account's preferred language when signed in. A plain form post (no
/// JavaScript) is sent back to the page it came from, now in the new language.
#[server(endpoint = "locale/set")]
pub async fn set_locale(locale: String) -> Result<(), ServerFnError> {
    use crate::api::request::{current_user, internal, remember_locale, state};
    use crate::i18n::Locale;
    use services::profile;

    let Some(chosen) = Locale::parse(&locale) else {
        return Err(ServerFnError::new("Choose English, French or Italian."));
    };
    if let Some(user) = current_user().await? {
        profile::set_preferred_language(&state()?.db, user.id, chosen.code())
            .await
            .map_err(internal)?;
    }
    remember_locale(chosen.code());
    Ok(())
}

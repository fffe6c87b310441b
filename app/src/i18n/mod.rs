//! The storefront's languages and its UI text in each of them.
//!
//! Every string a shopper reads is a field of [`Messages`], grouped by area (one file per
//! group, each with its `EN`, `FR` and `IT` tables), so a missing translation is a compile
//! error rather than an English word in a French page. Phrases with numbers are functions.
//!
//! The locale is decided once per request on the server ([`locale_for_request`]): the
//! shopper's explicit choice (the switcher's cookie, also set from the account's preferred
//! language at sign-in and when settings are saved), else the browser's `Accept-Language`,
//! else English. The server writes it into `<html lang>`, and the browser reads it back from
//! there while hydrating, so both render the same words.

pub mod account;
pub mod auth;
pub mod cart;
pub mod checkout;
pub mod common;
pub mod countries;
pub mod errors;
pub mod home;
pub mod listing;
pub mod look;
pub mod notifications;
pub mod orders;
pub mod overview;
pub mod product;
pub mod reviews;
pub mod search;
pub mod size_advice;
pub mod style;
pub mod wishlist;

use leptos::prelude::*;

pub use domain::locale::Locale;

/// This language's UI text.
pub fn messages(locale: Locale) -> &'static Messages {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::It => &IT,
    }
}

/// The request's language: the explicit choice in the cookie, else `Accept-Language`,
/// else English.
#[cfg(feature = "ssr")]
pub fn locale_for_request(headers: &http::HeaderMap) -> Locale {
    crate::api::cookies::requested_locale(headers)
        .or_else(|| {
            headers
                .get_all(http::header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// The language the page is rendered in: on the server from the request, in the browser
/// from the `<html lang>` the server wrote.
#[cfg(feature = "ssr")]
pub fn requested_locale() -> Locale {
    use_context::<http::request::Parts>()
        .map(|parts| locale_for_request(&parts.headers))
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
pub fn requested_locale() -> Locale {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|lang| Locale::parse(&lang))
        .unwrap_or_default()
}

/// Puts the page's locale in context for [`use_locale`] and [`use_i18n`].
pub fn provide_locale() -> Locale {
    let locale = requested_locale();
    provide_context(locale);
    locale
}

/// The page's locale (English outside the app, e.g. in unit tests).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The one of a lazily loaded area's `[en, fr, it]` texts in the page's language.
pub fn in_page_language<T: Sync>(texts: [&'static T; 3]) -> &'static T {
    let [en, fr, it] = texts;
    match use_locale() {
        Locale::En => en,
        Locale::Fr => fr,
        Locale::It => it,
    }
}

/// The page's UI text.
pub fn use_i18n() -> &'static Messages {
    messages(use_locale())
}

/// All UI text in one language, by area.
pub struct Messages {
    pub common: common::CommonText,
    pub home: home::HomeText,
    pub listing: listing::ListingText,
    pub product: product::ProductText,
    pub search: search::SearchText,
    pub cart: cart::CartText,
    pub checkout: checkout::CheckoutText,
    pub auth: auth::AuthText,
    pub account: account::AccountText,
}

pub static EN: Messages = Messages {
    common: common::EN,
    home: home::EN,
    listing: listing::EN,
    product: product::EN,
    search: search::EN,
    cart: cart::EN,
    checkout: checkout::EN,
    auth: auth::EN,
    account: account::EN,
};

pub static FR: Messages = Messages {
    common: common::FR,
    home: home::FR,
    listing: listing::FR,
    product: product::FR,
    search: search::FR,
    cart: cart::FR,
    checkout: checkout::FR,
    auth: auth::FR,
    account: account::FR,
};

pub static IT: Messages = Messages {
    common: common::IT,
    home: home::IT,
    listing: listing::IT,
    product: product::IT,
    search: search::IT,
    cart: cart::IT,
    checkout: checkout::IT,
    auth: auth::IT,
    account: account::IT,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_text() {
        assert_ne!(EN.home.hero_title, FR.home.hero_title);
        assert_ne!(FR.home.hero_title, IT.home.hero_title);
        assert_eq!((FR.listing.showing)(2, 10), "2 pièces sur 10");
    }

    #[test]
    fn the_account_pages_speak_french_and_italian() {
        for other in [&FR, &IT] {
            assert_ne!(EN.auth.sign_in_title, other.auth.sign_in_title);
            assert_ne!(EN.auth.register_title, other.auth.register_title);
            assert_ne!(EN.auth.reset_title, other.auth.reset_title);
            assert_ne!(EN.auth.password_hint, other.auth.password_hint);
            assert_ne!(EN.account.settings, other.account.settings);
            assert_ne!(EN.account.save_address, other.account.save_address);
            assert_ne!(EN.account.no_addresses, other.account.no_addresses);
            assert_ne!(EN.account.notifications, IT.account.notifications);
        }
        assert_ne!(FR.auth.sign_in_button, IT.auth.sign_in_button);
        assert_eq!((FR.auth.register_step)(1), "Étape 1 sur 2");
        assert_eq!((IT.auth.continue_with)("GitHub"), "Continua con GitHub");
        assert_eq!(FR.account.kind_name("billing"), "Facturation");
        assert_eq!(IT.account.kind_name("shipping"), "Spedizione");
    }

    #[test]
    fn the_choices_are_the_same_codes_in_every_language() {
        let codes = |options: &[(&'static str, &'static str)]| -> Vec<&'static str> {
            options.iter().map(|(code, _)| *code).collect()
        };
        for other in [&FR, &IT] {
            assert_eq!(
                codes(&EN.account.currency_options),
                codes(&other.account.currency_options)
            );
            assert_eq!(
                codes(&EN.account.kind_options),
                codes(&other.account.kind_options)
            );
        }
    }
}

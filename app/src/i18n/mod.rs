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

pub mod cart;
pub mod checkout;
pub mod common;
pub mod home;
pub mod listing;
pub mod product;
pub mod search;

use leptos::prelude::*;

/// Name of the cookie that remembers the shopper's language.
pub const LOCALE_COOKIE: &str = "lv_lang";

/// The storefront's languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    Fr,
    It,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::It];

    /// The BCP 47 code, as in `<html lang>` and `*_translations.language_code`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::It => "it",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::It => "Italiano",
        }
    }

    /// `"fr"`, `"FR"`, `"fr-CA"` and `"fr_BE"` are all French; unknown languages are `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| primary.eq_ignore_ascii_case(locale.code()))
    }

    /// The best supported language in an `Accept-Language` header, honouring q-values
    /// (ties go to the earlier entry); `None` when nothing there is supported.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, u16)> = None;
        for entry in header.split(',') {
            let mut fields = entry.split(';');
            let Some(locale) = fields.next().and_then(Locale::parse) else {
                continue;
            };
            let quality = fields
                .find_map(|param| param.trim().strip_prefix("q="))
                .map_or(Some(1000), parse_quality);
            let Some(quality) = quality.filter(|quality| *quality > 0) else {
                continue;
            };
            if best.is_none_or(|(_, seen)| quality > seen) {
                best = Some((locale, quality));
            }
        }
        best.map(|(locale, _)| locale)
    }

    /// This language's UI text.
    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::En => &EN,
            Locale::Fr => &FR,
            Locale::It => &IT,
        }
    }
}

/// A q-value ("0.8", "1", "0.123") in thousandths; `None` when malformed.
fn parse_quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    if fraction.len() > 3 || !fraction.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let fraction: u16 = format!("{fraction:0<3}").parse().ok()?;
    let quality = whole * 1000 + fraction;
    (quality <= 1000).then_some(quality)
}

/// Reads the language cookie out of a `Cookie` request header.
pub fn locale_from_cookie_header(header: &str) -> Option<Locale> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LOCALE_COOKIE)
        .and_then(|(_, value)| Locale::parse(value))
}

/// The `Set-Cookie` value that remembers `locale` for a year.
pub fn locale_cookie(locale: Locale, secure: bool) -> String {
    format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{}",
        locale.code(),
        if secure { "; Secure" } else { "" }
    )
}

/// The request's language: the explicit choice in the cookie, else `Accept-Language`,
/// else English.
#[cfg(feature = "ssr")]
pub fn locale_for_request(headers: &http::HeaderMap) -> Locale {
    let from_cookie = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(locale_from_cookie_header);
    from_cookie
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

/// The page's UI text.
pub fn use_i18n() -> &'static Messages {
    use_locale().messages()
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
}

pub static EN: Messages = Messages {
    common: common::EN,
    home: home::EN,
    listing: listing::EN,
    product: product::EN,
    search: search::EN,
    cart: cart::EN,
    checkout: checkout::EN,
};

pub static FR: Messages = Messages {
    common: common::FR,
    home: home::FR,
    listing: listing::FR,
    product: product::FR,
    search: search::FR,
    cart: cart::FR,
    checkout: checkout::FR,
};

pub static IT: Messages = Messages {
    common: common::IT,
    home: home::IT,
    listing: listing::IT,
    product: product::IT,
    search: search::IT,
    cart: cart::IT,
    checkout: checkout::IT,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_by_primary_language() {
        assert_eq!(Locale::parse("fr"), Some(Locale::Fr));
        assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::parse("IT_ch"), Some(Locale::It));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7"),
            Some(Locale::Fr)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.5, it;q=0.6"),
            Some(Locale::It)
        );
        assert_eq!(Locale::from_accept_language("it-IT, fr"), Some(Locale::It));
        assert_eq!(Locale::from_accept_language("fr;q=0, en"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("de, es;q=0.4"), None);
        assert_eq!(Locale::from_accept_language("fr;q=2, it"), Some(Locale::It));
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[test]
    fn the_cookie_round_trips() {
        let cookie = locale_cookie(Locale::It, true);
        assert!(cookie.starts_with("lv_lang=it;"));
        assert!(cookie.contains("SameSite=Lax") && cookie.ends_with("; Secure"));
        assert_eq!(
            locale_from_cookie_header("lv_theme=dark; lv_lang=it"),
            Some(Locale::It)
        );
        assert_eq!(locale_from_cookie_header("lv_lang=xx"), None);
    }

    #[test]
    fn every_language_has_its_own_text() {
        assert_ne!(EN.home.hero_title, FR.home.hero_title);
        assert_ne!(FR.home.hero_title, IT.home.hero_title);
        assert_eq!((FR.listing.showing)(2, 10), "2 pièces sur 10");
    }
}

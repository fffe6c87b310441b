//! Every cookie the store reads or writes, and nothing else does: names, flags and
//! encodings live here, so a change of policy (a `__Host-` prefix, a new flag) is one edit.
//!
//! All server-set cookies are `HttpOnly; SameSite=Lax`, and `Secure` when the site is
//! served over https. The one cookie the browser writes itself is the theme choice.

use crate::theme::Theme;
use domain::Locale;

/// The session (a signed-in shopper's or a guest's bag identity), over plain http.
pub const SESSION: &str = "lv_session";
/// The session over https: the `__Host-` prefix makes the browser refuse the cookie
/// unless it is `Secure`, for `Path=/` and without `Domain`, so a sibling subdomain
/// cannot plant a session of its choosing.
pub const SECURE_SESSION: &str = "__Host-lv_session";

/// The session cookie's name on a site served over https (`secure`) or not.
pub fn session_name(secure: bool) -> &'static str {
    if secure { SECURE_SESSION } else { SESSION }
}
/// The shopper's explicit language choice.
pub const LOCALE: &str = "lv_lang";
/// The theme chosen with the toggle (written by the browser).
pub const THEME: &str = "lv_theme";
/// The report of a guest bag merged at sign-in, shown once.
pub const BAG_NOTICE: &str = "lv_bag_notice";
/// The pending social sign-in (signed), scoped to the OAuth paths.
pub const OAUTH_PENDING: &str = "lv_oauth";

/// How long the language and theme choices are remembered: a year.
const A_YEAR: i64 = 31_536_000;

/// The value of cookie `name` in a `Cookie` header (`a=1; b=2`).
pub fn find<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.trim())
}

/// A `Set-Cookie` value with the store's flags.
fn set_cookie(name: &str, value: &str, path: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{name}={value}; Path={path}; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Remembers `locale` for a year.
pub fn locale(locale: Locale, secure: bool) -> String {
    set_cookie(LOCALE, locale.code(), "/", A_YEAR, secure)
}

/// The browser-written theme cookie (not HttpOnly: the toggle writes it).
pub fn theme(theme: Theme) -> String {
    format!(
        "{THEME}={}; Path=/; Max-Age={A_YEAR}; SameSite=Lax",
        theme.as_str()
    )
}

/// Stores the theme choice from the browser.
#[cfg(not(feature = "ssr"))]
pub fn write_theme_in_browser(choice: Theme) {
    use wasm_bindgen::JsCast;
    if let Ok(html) = leptos::prelude::document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = html.set_cookie(&theme(choice));
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use http::HeaderMap;
    use http::header::{COOKIE, SET_COOKIE};
    use services::auth::sessions::{SESSION_TTL, SessionToken};

    use super::*;

    /// How long the bag notice waits for the next bag read.
    const NOTICE_SECONDS: i64 = 300;
    /// At most this many notice lines travel, each at most this many characters.
    const NOTICE_LINES: usize = 12;
    const NOTICE_CHARS: usize = 300;

    /// The value of cookie `name` in the request's `Cookie` headers.
    pub fn read<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
        headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(|header| find(header, name))
    }

    /// The session token the browser sent, if it has the shape of one we issued. Over
    /// https only the `__Host-` cookie counts.
    pub fn session_token(headers: &HeaderMap, secure: bool) -> Option<SessionToken> {
        read(headers, session_name(secure)).and_then(SessionToken::from_cookie)
    }

    /// The language the request's cookie asks for.
    pub fn requested_locale(headers: &HeaderMap) -> Option<Locale> {
        read(headers, LOCALE).and_then(Locale::parse)
    }

    /// The theme the request's cookie asks for.
    pub fn requested_theme(headers: &HeaderMap) -> Option<Theme> {
        read(headers, THEME).and_then(Theme::parse)
    }

    /// The pending social sign-in's signed value.
    pub fn oauth_pending(headers: &HeaderMap) -> Option<&str> {
        read(headers, OAUTH_PENDING)
    }

    /// The bag notice's lines, bounded; empty when absent or malformed.
    pub fn bag_notice(headers: &HeaderMap) -> Vec<String> {
        read(headers, BAG_NOTICE)
            .and_then(|value| URL_SAFE_NO_PAD.decode(value.as_bytes()).ok())
            .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
            .unwrap_or_default()
            .into_iter()
            .take(NOTICE_LINES)
            .map(|line| line.chars().take(NOTICE_CHARS).collect())
            .collect()
    }

    /// Starts (or replaces) the browser's session.
    pub fn session(token: &SessionToken, secure: bool) -> String {
        set_cookie(
            session_name(secure),
            token.as_str(),
            "/",
            SESSION_TTL.num_seconds(),
            secure,
        )
    }

    /// Removes the session cookie.
    pub fn clear_session(secure: bool) -> String {
        set_cookie(session_name(secure), "", "/", 0, secure)
    }

    /// Carries the merge report (its first lines) to the next bag read.
    pub fn set_bag_notice(lines: &[String], secure: bool) -> String {
        let lines: Vec<&String> = lines.iter().take(NOTICE_LINES).collect();
        let json = serde_json::to_vec(&lines).unwrap_or_default();
        set_cookie(
            BAG_NOTICE,
            &URL_SAFE_NO_PAD.encode(json),
            "/",
            NOTICE_SECONDS,
            secure,
        )
    }

    pub fn clear_bag_notice(secure: bool) -> String {
        set_cookie(BAG_NOTICE, "", "/", 0, secure)
    }

    /// The pending social sign-in, readable only on the OAuth paths; `max_age` 0 clears it.
    pub fn oauth_pending_cookie(value: &str, max_age: i64, secure: bool) -> String {
        set_cookie(OAUTH_PENDING, value, "/auth/oauth", max_age, secure)
    }

    /// Adds `cookie` to the current server function's or page's response.
    pub fn send(cookie: &str) {
        if let (Some(response), Ok(value)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            http::HeaderValue::from_str(cookie),
        ) {
            response.append_header(SET_COOKIE, value);
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn headers(cookie: &str) -> HeaderMap {
            let mut headers = HeaderMap::new();
            headers.insert(COOKIE, cookie.parse().unwrap());
            headers
        }

        #[test]
        fn the_session_cookie_is_httponly_lax_and_secure_over_https() {
            let token = SessionToken::generate();
            let cookie = session(&token, true);
            assert!(cookie.starts_with(&format!("__Host-lv_session={}", token.as_str())));
            assert!(cookie.contains("Path=/;"));
            assert!(!cookie.contains("Domain"));
            assert!(cookie.contains("HttpOnly"));
            assert!(cookie.contains("SameSite=Lax"));
            assert!(cookie.contains("Secure"));
            let plain = session(&token, false);
            assert!(plain.starts_with("lv_session=") && !plain.contains("Secure"));
            assert!(clear_session(false).contains("Max-Age=0"));
        }

        #[test]
        fn only_well_formed_tokens_are_read() {
            let token = SessionToken::generate();
            let sent = headers(&format!("lv_theme=dark; lv_session={}", token.as_str()));
            assert_eq!(session_token(&sent, false), Some(token.clone()));
            // Over https a cookie without the prefix (one a subdomain could set) is ignored.
            assert_eq!(session_token(&sent, true), None);
            let prefixed = headers(&format!("__Host-lv_session={}", token.as_str()));
            assert_eq!(session_token(&prefixed, true), Some(token));
            assert_eq!(session_token(&headers("lv_session=short"), false), None);
            assert_eq!(
                session_token(&headers("lv_session=' OR 1=1 --"), false),
                None
            );
            assert_eq!(session_token(&HeaderMap::new(), false), None);
        }

        #[test]
        fn the_bag_notice_round_trips_and_stays_bounded() {
            let lines: Vec<String> = (0..20).map(|n| format!("line {n}")).collect();
            let cookie = set_bag_notice(&lines, false);
            let value = cookie
                .split(';')
                .next()
                .unwrap()
                .trim_start_matches("lv_bag_notice=");
            let read = bag_notice(&headers(&format!("lv_bag_notice={value}")));
            assert_eq!(read.len(), 12);
            assert_eq!(read[0], "line 0");
            assert!(bag_notice(&headers("lv_bag_notice=%%%")).is_empty());
        }

        #[test]
        fn language_and_theme_are_read_among_other_cookies() {
            let sent = headers("a=1; lv_lang=it; lv_theme=dark");
            assert_eq!(requested_locale(&sent), Some(Locale::It));
            assert_eq!(requested_theme(&sent), Some(Theme::Dark));
            assert_eq!(requested_locale(&headers("lv_lang=xx")), None);
            let cookie = locale(Locale::It, true);
            assert!(cookie.starts_with("lv_lang=it;"));
            assert!(cookie.contains("Max-Age=31536000"));
            assert!(cookie.contains("Secure"));
        }
    }
}

//! Light and dark themes. The choice persists in a cookie so the server renders the
//! right theme on the first byte (no flash); without a choice the system preference
//! (`prefers-color-scheme`) applies.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The theme the page is rendered with: on the server from the request's cookie, in the
/// browser from the `<html data-theme>` attribute the server wrote.
#[cfg(feature = "ssr")]
pub fn requested_theme() -> Option<Theme> {
    let parts = use_context::<http::request::Parts>()?;
    crate::api::cookies::requested_theme(&parts.headers)
}

#[cfg(not(feature = "ssr"))]
pub fn requested_theme() -> Option<Theme> {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .and_then(|value| Theme::parse(&value))
}

/// The app-wide theme signal. `None` until the shopper chooses or the browser reports
/// the system preference.
#[derive(Clone, Copy)]
pub struct ThemeState(pub RwSignal<Option<Theme>>);

impl ThemeState {
    pub fn provide() -> Self {
        let state = ThemeState(RwSignal::new(requested_theme()));
        provide_context(state);
        state
    }

    pub fn expect() -> Self {
        expect_context::<ThemeState>()
    }

    /// Applies and remembers an explicit choice (browser only).
    pub fn choose(self, theme: Theme) {
        self.0.set(Some(theme));
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.as_str());
        }
        #[cfg(not(feature = "ssr"))]
        crate::api::cookies::write_theme_in_browser(theme);
    }
}

/// The colour scheme the operating system asks for (browser only).
pub fn system_theme() -> Theme {
    let prefers_dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if prefers_dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::cookies::{THEME, find};

    fn theme_from_cookie_header(header: &str) -> Option<Theme> {
        find(header, THEME).and_then(Theme::parse)
    }

    #[test]
    fn reads_the_theme_cookie_among_others() {
        assert_eq!(
            theme_from_cookie_header("a=1; lv_theme=dark; b=2"),
            Some(Theme::Dark)
        );
        assert_eq!(
            theme_from_cookie_header("lv_theme=light"),
            Some(Theme::Light)
        );
    }

    #[test]
    fn ignores_missing_or_unknown_values() {
        assert_eq!(theme_from_cookie_header(""), None);
        assert_eq!(theme_from_cookie_header("lv_theme=purple"), None);
        assert_eq!(theme_from_cookie_header("xlv_theme=dark"), None);
    }

    #[test]
    fn toggling_flips_between_the_two_themes() {
        assert_eq!(Theme::Light.toggled(), Theme::Dark);
        assert_eq!(Theme::Dark.toggled(), Theme::Light);
    }
}

use leptos::prelude::*;

use crate::theme::{Theme, ThemeState, system_theme};

/// A toggle button for the dark theme; the choice persists across visits.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let state = ThemeState::expect();
    let label = crate::i18n::use_i18n().common.dark_theme;
    // Without an explicit choice, reflect what the system shows once in the browser.
    Effect::new(move |_| {
        if state.0.get_untracked().is_none() {
            state.0.set(Some(system_theme()));
        }
    });
    let is_dark = move || state.0.get() == Some(Theme::Dark);
    let toggle = move |_| {
        let current = state.0.get_untracked().unwrap_or(Theme::Light);
        state.choose(current.toggled());
    };

    view! {
        <button
            type="button"
            class="icon-button theme-toggle"
            aria-pressed=move || is_dark().to_string()
            title=label
            on:click=toggle
        >
            <span class="visually-hidden">{label}</span>
            <svg class="theme-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5z" fill="none" stroke="currentColor" stroke-width="1.4" />
            </svg>
        </button>
    }
}

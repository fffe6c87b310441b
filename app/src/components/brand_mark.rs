use leptos::prelude::*;

/// The LuxeVerse monogram and wordmark, linking home.
#[component]
pub fn BrandMark() -> impl IntoView {
    view! {
        <a class="brand-mark" href="/" aria-label="LuxeVerse, home">
            <svg class="brand-mark__monogram" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
                <circle cx="20" cy="20" r="18.5" fill="none" stroke="currentColor" stroke-width="1" />
                <path d="M13 11v18h8" fill="none" stroke="currentColor" stroke-width="1.4" />
                <path d="M19 11l5 18 5-18" fill="none" stroke="currentColor" stroke-width="1.4" />
            </svg>
            <span class="brand-mark__word" aria-hidden="true">"LuxeVerse"</span>
        </a>
    }
}

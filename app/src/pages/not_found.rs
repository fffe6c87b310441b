use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Shown for any path the store does not know; answers with HTTP 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }

    let text = &crate::i18n::use_i18n().common;
    view! {
        <Title text=text.not_found_title />
        <Meta name="robots" content="noindex" />
        <section class="not-found" aria-labelledby="not-found-title">
            <p class="eyebrow">{text.not_found_eyebrow}</p>
            <h1 id="not-found-title">{text.not_found_heading}</h1>
            <p>{text.not_found_body}</p>
            <a class="button button--primary" href="/">{text.not_found_home}</a>
        </section>
        <crate::components::hydration_mark::HydrationMark />
    }
}

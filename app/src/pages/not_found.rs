use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Shown for any path the store does not know; answers with HTTP 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }

    view! {
        <Title text="Page not found" />
        <Meta name="robots" content="noindex" />
        <section class="not-found" aria-labelledby="not-found-title">
            <p class="eyebrow">"Error 404"</p>
            <h1 id="not-found-title">"This page has slipped away"</h1>
            <p>"The piece or page you were looking for is no longer here, or never was."</p>
            <a class="button button--primary" href="/">"Return to the home page"</a>
        </section>
    }
}

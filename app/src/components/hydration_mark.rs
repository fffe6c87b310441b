//! `<html data-hydrated>`: the sign that the browser has taken over the page on screen.
//!
//! Styles use it to reveal script-only affordances and the end-to-end tests use it to know
//! when a click is heard. The shell hydrates before a lazy page does (the page's chunks
//! arrive after the main module), so the mark comes from each page's own view, not from
//! the shell: an effect runs only once the view it sits in has hydrated, and a control
//! clicked before then would lose its click to hydration (a size picked on a product
//! page came back unpicked).

use leptos::prelude::*;

/// Sets `data-hydrated` on `<html>` once the page it is placed in has hydrated. Every
/// route's view carries one (`lazy.rs` for the lazy pages, the home and not-found pages
/// themselves); after a client-side navigation it is already set.
#[component]
pub fn HydrationMark() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}

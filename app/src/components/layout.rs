//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;

use crate::components::{brand_mark::BrandMark, theme_toggle::ThemeToggle};

/// Top-level departments, in the order the house presents them.
pub const DEPARTMENTS: [(&str, &str); 5] = [
    ("Women", "/categories/women"),
    ("Men", "/categories/men"),
    ("Accessories", "/categories/accessories"),
    ("Jewellery", "/categories/jewellery"),
    ("Home", "/categories/home"),
];

/// Lets keyboard users jump past the header straight to the page content.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to content"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <BrandMark />
                <nav class="site-nav" aria-label="Departments">
                    <ul role="list">
                        {DEPARTMENTS
                            .iter()
                            .map(|(label, href)| view! { <li><a href=*href>{*label}</a></li> })
                            .collect_view()}
                    </ul>
                </nav>
                <div class="site-header__actions">
                    <a class="icon-button" href="/search" aria-label="Search">
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="1.4" />
                            <path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="1.4" />
                        </svg>
                    </a>
                    <a class="icon-button" href="/account" aria-label="Account">
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="1.4" />
                            <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" fill="none" stroke="currentColor" stroke-width="1.4" />
                        </svg>
                    </a>
                    <a class="icon-button cart-link" href="/cart" aria-label="Shopping bag, 0 items">
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <path d="M5 8h14l-1 13H6L5 8z" fill="none" stroke="currentColor" stroke-width="1.4" />
                            <path d="M9 8V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.4" />
                        </svg>
                    </a>
                    <ThemeToggle />
                </div>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <div class="site-footer__brand">
                    <BrandMark />
                    <p>"Rare pieces from independent ateliers, chosen with care and delivered with discretion."</p>
                </div>
                <nav aria-label="Client services">
                    <h2>"Client services"</h2>
                    <ul role="list">
                        <li><a href="/account/orders">"Orders and returns"</a></li>
                        <li><a href="/account">"Your account"</a></li>
                        <li><a href="/live">"Live appointments"</a></li>
                    </ul>
                </nav>
                <nav aria-label="The house">
                    <h2>"The house"</h2>
                    <ul role="list">
                        {DEPARTMENTS
                            .iter()
                            .map(|(label, href)| view! { <li><a href=*href>{*label}</a></li> })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
            <p class="site-footer__legal">"© 2026 LuxeVerse. Prices include duties where shown."</p>
        </footer>
    }
}

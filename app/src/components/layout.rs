//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;

use crate::components::language_switcher::LanguageSwitcher;
use crate::components::{brand_mark::BrandMark, theme_toggle::ThemeToggle};
use crate::i18n::{common::CommonText, use_i18n};

/// Top-level departments, in the order the house presents them, as (label, link).
pub fn departments(text: &CommonText) -> [(&'static str, &'static str); 5] {
    [
        (text.women, "/categories/women"),
        (text.men, "/categories/men"),
        (text.accessories, "/categories/accessories"),
        (text.jewellery, "/categories/jewellery"),
        (text.home, "/categories/home"),
    ]
}

fn department_links(text: &CommonText) -> impl IntoView + use<> {
    departments(text)
        .into_iter()
        .map(|(label, href)| view! { <li><a href=href>{label}</a></li> })
        .collect_view()
}

/// Lets keyboard users jump past the header straight to the page content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let text = &use_i18n().common;
    view! { <a class="skip-link" href="#main">{text.skip_to_content}</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let text = &use_i18n().common;
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <BrandMark />
                <nav class="site-nav" aria-label=text.departments>
                    <ul role="list">{department_links(text)}</ul>
                </nav>
                <div class="site-header__actions">
                    <a class="icon-button" href="/search" aria-label=text.search>
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="1.4" />
                            <path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="1.4" />
                        </svg>
                    </a>
                    <a class="icon-button" href="/account" aria-label=text.account>
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="1.4" />
                            <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" fill="none" stroke="currentColor" stroke-width="1.4" />
                        </svg>
                    </a>
                    <crate::components::notification_bell::NotificationBell />
                    <crate::components::cart_drawer::CartButton />
                    <ThemeToggle />
                    <LanguageSwitcher />
                </div>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let text = &use_i18n().common;
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <div class="site-footer__brand">
                    <BrandMark />
                    <p>{text.footer_tagline}</p>
                </div>
                <nav aria-label=text.client_services>
                    <h2>{text.client_services}</h2>
                    <ul role="list">
                        <li><a href="/account/orders">{text.orders_and_returns}</a></li>
                        <li><a href="/account">{text.your_account}</a></li>
                        <li><a href="/live">{text.live_appointments}</a></li>
                    </ul>
                </nav>
                <nav aria-label=text.the_house>
                    <h2>{text.the_house}</h2>
                    <ul role="list">{department_links(text)}</ul>
                </nav>
            </div>
            <p class="site-footer__legal">{text.legal}</p>
        </footer>
    }
}

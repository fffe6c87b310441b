//! LuxeVerse: the isomorphic storefront. Components and pages compile for both the
//! server (`ssr`) and the browser (`hydrate`); server-only state lives behind `ssr`.
// Deeply nested views (the checkout's steps) need more than the default 128.
#![recursion_limit = "256"]

pub mod api;
pub mod boot;
pub mod components;
pub mod csp;
pub mod i18n;
pub mod lazy;
pub mod pages;
pub mod theme;

#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    Lazy, SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::components::cart_drawer::CartState;
use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::lazy::*;
use crate::pages::{home::HomePage, not_found::NotFoundPage};
use crate::theme::{ThemeState, requested_theme};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    csp::use_request_nonce();
    let theme = requested_theme().map(|theme| theme.as_str());
    let lang = i18n::requested_locale().code();
    view! {
        <!DOCTYPE html>
        <html lang=lang data-theme=theme>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link
                    rel="preload"
                    href="/fonts/cormorant-garamond-latin-500-normal.woff2"
                    r#as="font"
                    r#type="font/woff2"
                    crossorigin="anonymous"
                />
                <link
                    rel="preload"
                    href="/fonts/inter-latin-wght-normal.woff2"
                    r#as="font"
                    r#type="font/woff2"
                    crossorigin="anonymous"
                />
                // Named with its content hash in release builds (`hash-files`).
                <boot::SiteStylesheet options=options.clone() />
                <AutoReload options=options.clone() />
                // The bundle starts once the page has painted (`boot.rs`).
                <boot::BootScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The storefront: layout, routes and app-wide context.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    ThemeState::provide();
    CartState::provide();
    crate::components::wishlist_heart::Hearts::provide();
    i18n::provide_locale();
    prefetch_checkout_when_bag_opens();
    Effect::new(|_| lazy::prefetch_storefront());

    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Title formatter=|title: String| {
            if title.is_empty() { "LuxeVerse".to_string() } else { format!("{title} · LuxeVerse") }
        } />
        <Meta name="theme-color" content="#0f0e0c" />
        <Router>
            <SkipLink />
            <SiteHeader />
            <crate::components::wishlist_heart::HeartsLoader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    // The shell and the home page are the main module; every other page
                    // loads its own chunks on demand (`lazy.rs`).
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("/products") view={Lazy::<ProductsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/categories/:slug") view={Lazy::<CategoryRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/brands/:slug") view={Lazy::<BrandRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/collections/:slug") view={Lazy::<CollectionRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/products/:slug") view={Lazy::<ProductRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/products/:slug/review") view={Lazy::<ReviewRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/login") view={Lazy::<SignInRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register") view={Lazy::<RegisterRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/logout") view={Lazy::<SignOutRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/verify-email") view={Lazy::<VerifyEmailRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reset-password") view={Lazy::<ResetPasswordRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/settings") view={Lazy::<SettingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/addresses") view={Lazy::<AddressesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/orders") view={Lazy::<OrdersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/orders/:order_number") view={Lazy::<OrderRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/notifications/unsubscribe") view={Lazy::<UnsubscribeRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/wishlist") view={Lazy::<WishlistRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account/style") view={Lazy::<StyleRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/wishlist/:token") view={Lazy::<SharedWishlistRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/cart") view={Lazy::<CartRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/checkout") view={Lazy::<CheckoutRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/checkout/confirmation/:order_number") view={Lazy::<ConfirmationRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// The open bag is one click from checkout: fetch that chunk while the shopper reads it.
fn prefetch_checkout_when_bag_opens() {
    let Some(bag) = CartState::get() else { return };
    Effect::new(move |fetched: Option<bool>| {
        let fetched = fetched.unwrap_or(false);
        if !fetched && bag.open.get() {
            lazy::prefetch_checkout();
            return true;
        }
        fetched
    });
}

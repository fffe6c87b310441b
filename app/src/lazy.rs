//! Every page but the home page, loaded on demand.
//!
//! Each page here is a [`LazyRoute`]: in a `cargo leptos build --split` bundle its code
//! (and every view, codec and closure only it reaches) lives in WASM chunks of its own,
//! fetched when the router first enters the page; code several pages share sits in shared
//! chunks. The main module holds the shell (header, bag drawer, footer, router), the home
//! page and what they use. The server names the chunks a server-rendered page needs in
//! `<meta name="lv-chunk">` tags, so landing on a product page fetches them alongside the
//! main module when the page boots (`boot.rs`) and hydrates at once. Without `--split`
//! the same code is one bundle.
//!
//! A new page belongs here; `bench/bundle.sh` prints what each one costs.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::components::hydration_mark::HydrationMark;

use crate::pages::account::AccountPage;
use crate::pages::account::notifications::NotificationsPage;
use crate::pages::account::order::OrderPage;
use crate::pages::account::orders::OrdersPage;
use crate::pages::account::wishlist::WishlistPage;
use crate::pages::addresses::AddressesPage;
use crate::pages::auth::{RegisterPage, SignInPage, SignOutPage};
use crate::pages::cart::CartPage;
use crate::pages::checkout::{CheckoutPage, ConfirmationPage};
use crate::pages::listing::{BrandPage, CategoryPage, CollectionPage, ProductsPage};
use crate::pages::product::ProductPage;
use crate::pages::recovery::{ResetPasswordPage, VerifyEmailPage};
use crate::pages::review::ReviewPage;
use crate::pages::search::SearchPage;
use crate::pages::settings::SettingsPage;
use crate::pages::shared_wishlist::SharedWishlistPage;
use crate::pages::style::StylePage;
use crate::pages::unsubscribe::UnsubscribePage;

/// One route type per page: `Lazy::<…Route>::new()` in the route table. The page
/// itself loads its data (its resources start when it renders).
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $route:ident => $page:ident,)*) => {$(
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! {
                    <ChunkPreloads route=stringify!($route) />
                    <$page />
                    <HydrationMark />
                }
                .into_any()
            }
        }
    )*};
}

lazy_pages! {
    /// `/products`
    ProductsRoute => ProductsPage,
    /// `/categories/:slug`
    CategoryRoute => CategoryPage,
    /// `/brands/:slug`
    BrandRoute => BrandPage,
    /// `/collections/:slug`
    CollectionRoute => CollectionPage,
    /// `/products/:slug`
    ProductRoute => ProductPage,
    /// `/products/:slug/review`
    ReviewRoute => ReviewPage,
    /// `/search`
    SearchRoute => SearchPage,
    /// `/login`
    SignInRoute => SignInPage,
    /// `/register`
    RegisterRoute => RegisterPage,
    /// `/logout`
    SignOutRoute => SignOutPage,
    /// `/verify-email`
    VerifyEmailRoute => VerifyEmailPage,
    /// `/reset-password`
    ResetPasswordRoute => ResetPasswordPage,
    /// `/account`
    AccountRoute => AccountPage,
    /// `/account/settings`
    SettingsRoute => SettingsPage,
    /// `/account/addresses`
    AddressesRoute => AddressesPage,
    /// `/account/orders`
    OrdersRoute => OrdersPage,
    /// `/account/orders/:order_number`
    OrderRoute => OrderPage,
    /// `/account/notifications`
    NotificationsRoute => NotificationsPage,
    /// `/notifications/unsubscribe`
    UnsubscribeRoute => UnsubscribePage,
    /// `/account/wishlist`
    WishlistRoute => WishlistPage,
    /// `/account/style`
    StyleRoute => StylePage,
    /// `/wishlist/:token`
    SharedWishlistRoute => SharedWishlistPage,
    /// `/cart`
    CartRoute => CartPage,
    /// `/checkout`
    CheckoutRoute => CheckoutPage,
    /// `/checkout/confirmation/:order_number`
    ConfirmationRoute => ConfirmationPage,
}

/// On the server, a `<meta name="lv-chunk">` in the page's head for each chunk this lazy
/// route needs, which the boot script (`boot.rs`) preloads with the main module instead of
/// after it. (Links in the head would start the download before the page has painted.)
/// Renders nothing on either side.
#[component]
fn ChunkPreloads(route: &'static str) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Meta;
        let chunks = crate::boot::Bundle::current()
            .map(|bundle| bundle.chunks_of(&snake_case(route)))
            .unwrap_or_default();
        // `to_html` registers each tag with the head (leptos_meta) and leaves nothing in
        // the body, where the browser, which renders no tags, must find the same nodes.
        for href in chunks {
            _ = view! { <Meta name=crate::boot::CHUNK_META content=href /> }.to_html();
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = route;
    }
}

/// `ProductsRoute` → `products_route`, as the split points are named.
#[cfg(any(feature = "ssr", test))]
fn snake_case(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

/// How long the landing page stays undisturbed before the storefront's other pages are
/// fetched: their chunks compile and instantiate on the main thread, which on a slow
/// phone would otherwise queue behind (and in front of) the shopper's first taps.
pub const PREFETCH_DELAY: std::time::Duration = std::time::Duration::from_secs(5);

/// A few seconds after the landing page is interactive, when the browser is next idle,
/// fetches the storefront's other pages, so the click into a listing, a product or
/// search renders without waiting for its chunk. A no-op on the server and in unsplit
/// bundles.
pub fn prefetch_storefront() {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::set_timeout(
        || {
            leptos::prelude::request_idle_callback(|| {
                leptos::task::spawn_local(async {
                    <ProductsRoute as LazyRoute>::preload().await;
                    <CategoryRoute as LazyRoute>::preload().await;
                    <ProductRoute as LazyRoute>::preload().await;
                    <SearchRoute as LazyRoute>::preload().await;
                });
            })
        },
        PREFETCH_DELAY,
    );
}

/// Starts fetching the checkout's chunk ahead of the click that needs it (the bag
/// drawer calls this when it opens). A no-op on the server and in unsplit bundles.
pub fn prefetch_checkout() {
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async {
        <CheckoutRoute as LazyRoute>::preload().await;
    });
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn route_names_become_split_names() {
        assert_eq!(snake_case("ProductsRoute"), "products_route");
        assert_eq!(snake_case("SignInRoute"), "sign_in_route");
    }
}

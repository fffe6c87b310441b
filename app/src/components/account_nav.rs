//! The account area's side navigation: every section, the current one marked.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::use_i18n;

/// The account's sections, `aria-current="page"` on the one being shown (and on
/// "Orders" for an order of the list).
#[component]
pub fn AccountNav() -> impl IntoView {
    let text = &use_i18n().account;
    let path = use_location().pathname;
    let sections = [
        ("/account", text.title),
        ("/account/orders", text.orders),
        ("/account/wishlist", text.wishlist),
        ("/account/style", text.style),
        ("/account/notifications", text.notifications),
        ("/account/addresses", text.addresses),
        ("/account/settings", text.settings),
    ];
    view! {
        <nav class="account-nav" aria-label=text.nav_label>
            <ul role="list">
                {sections
                    .into_iter()
                    .map(|(href, label)| {
                        let current = move || {
                            let path = path.get();
                            let here = path == href
                                || (href != "/account" && path.starts_with(&format!("{href}/")));
                            here.then_some("page")
                        };
                        view! { <li><a href=href aria-current=current>{label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

//! The account area. Signed-out visitors are sent to sign in and brought back.

pub mod order;
pub mod orders;

use crate::api::page_data::page_resource;
use crate::components::sign_in_first::SignInFirst;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::current_user;
use crate::i18n::use_i18n;
use crate::pages::auth::SignOutButton;

#[component]
pub fn AccountPage() -> impl IntoView {
    let text = &use_i18n().account;
    let user = page_resource(|| (), |_| current_user());

    view! {
        <Title text=text.title />
        <section class="account" aria-labelledby="account-title">
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => {
                            view! {
                                <p class="eyebrow">{text.title}</p>
                                <h1 id="account-title">{(text.welcome)(&user.name)}</h1>
                                <p class="account__email">{user.email}</p>
                                <nav aria-label=text.nav_label>
                                    <ul role="list" class="account__links">
                                        <li><a href="/account/orders">{text.orders}</a></li>
                                        <li><a href="/account/wishlist">{text.wishlist}</a></li>
                                        <li><a href="/account/settings">{text.settings}</a></li>
                                        <li><a href="/account/addresses">{text.addresses}</a></li>
                                    </ul>
                                </nav>
                                <SignOutButton />
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <SignInFirst /> }.into_any(),
                        Err(_) => {
                            view! {
                                <h1 id="account-title">{text.title}</h1>
                                <p role="alert">{text.load_failed}</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

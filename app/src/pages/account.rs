//! The account area. Signed-out visitors are sent to sign in and brought back.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::api::auth::current_user;
use crate::pages::auth::SignOutButton;

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = Resource::new(|| (), |_| current_user());
    let location = use_location();
    let sign_in = move || format!("/login?next={}", location.pathname.get_untracked());

    view! {
        <Title text="Your account" />
        <section class="account" aria-labelledby="account-title">
            <Suspense fallback=|| view! { <p class="loading" aria-live="polite">"Loading your account…"</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => {
                            view! {
                                <p class="eyebrow">"Your account"</p>
                                <h1 id="account-title">{format!("Welcome, {}", user.name)}</h1>
                                <p class="account__email">{user.email}</p>
                                <nav aria-label="Account">
                                    <ul role="list" class="account__links">
                                        <li><a href="/account/orders">"Orders"</a></li>
                                        <li><a href="/account/wishlist">"Wishlist"</a></li>
                                        <li><a href="/account/settings">"Settings"</a></li>
                                        <li><a href="/account/addresses">"Addresses"</a></li>
                                    </ul>
                                </nav>
                                <SignOutButton />
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <Redirect path=sign_in() /> }.into_any(),
                        Err(_) => {
                            view! {
                                <h1 id="account-title">"Your account"</h1>
                                <p role="alert">"We could not load your account. Please try again."</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

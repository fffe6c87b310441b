//! Where a signed-out visitor to an account page goes: sign-in, then back here.
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Sends the visitor to `/login?next=<this page>`. The sign-in page replaces this one in
/// the history, so Back from sign-in returns to where they came from instead of bouncing
/// through the account page again.
#[component]
pub fn SignInFirst() -> impl IntoView {
    let next = use_location().pathname.get_untracked();
    let options = NavigateOptions {
        replace: true,
        ..Default::default()
    };
    view! { <Redirect path=format!("/login?next={next}") options /> }
}

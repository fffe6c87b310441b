//! `/notifications/unsubscribe?token=…`: where an email's "stop these emails" link
//! lands. It asks first (mail scanners follow links; only a person presses the button),
//! then stops email for the link's topics. Signed in or not: the signed token is the
//! authority, and a tampered one is refused.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::account::notifications::Unsubscribe;
use crate::components::errors::error_text;
use crate::i18n::notifications::notifications_text;

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let text = notifications_text();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<Unsubscribe>::new();
    let result = move || {
        action.value().get().map(|result| match result {
            Ok(topics) => {
                let names: Vec<&str> = topics.into_iter().map(text.topics).collect();
                view! { <p role="status">{(text.unsubscribed)(&names.join(", "))}</p> }.into_any()
            }
            Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
        })
    };
    view! {
        <Title text=text.unsubscribe_title />
        <Meta name="robots" content="noindex" />
        <section class="account" aria-labelledby="unsubscribe-title">
            <h1 id="unsubscribe-title">{text.unsubscribe_title}</h1>
            <p>{text.unsubscribe_body}</p>
            <ActionForm action=action>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { text.unsubscribing } else { text.unsubscribe_confirm }}
                </button>
            </ActionForm>
            {result}
            <p><a class="text-link" href="/account/settings#notifications">{text.manage}</a></p>
        </section>
    }
}

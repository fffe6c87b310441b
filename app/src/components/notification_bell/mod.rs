//! The bell in the header: the signed-in shopper's unread count (read once the page is
//! interactive, and again after each navigation), opening a panel with the latest notifications,
//! "mark all as read" and the way to the full list. A disclosure, not an ARIA menu: the
//! panel holds links and a button, reached with Tab; Escape closes it and returns focus
//! to the bell. Signed out, there is no bell.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::account::notifications::unread_notifications;
use crate::i18n::use_i18n;

mod panel;

#[component]
pub fn NotificationBell() -> impl IntoView {
    let location = use_location();
    // `None` until the browser has asked (and when signed out). The count is read after
    // hydration and after each navigation, never during the server's render: with an
    // async resource of its own in the shell, beside each page's, streamed renders
    // stalled now and then (a page's body never finished).
    let unread = RwSignal::new(None::<u64>);
    let count = RwSignal::new(0);
    Effect::new(move |_| {
        location.pathname.track();
        leptos::task::spawn_local(async move {
            if let Ok(answer) = unread_notifications().await {
                if let Some(now) = answer {
                    count.set(now);
                }
                unread.set(answer);
            }
        });
    });
    view! {
        <Show when=move || unread.with(Option::is_some)>
            <Bell count />
        </Show>
    }
}

#[component]
fn Bell(count: RwSignal<u64>) -> impl IntoView {
    let text = &use_i18n().common;
    let open = RwSignal::new(false);
    let bell = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(bell) = bell.get_untracked() {
            let _ = bell.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            close();
        }
    };

    view! {
        <div class="bell" on:keydown=on_keydown>
            <button
                type="button"
                class="icon-button bell__button"
                aria-label=move || (text.bell)(count.get())
                aria-expanded=move || open.get().to_string()
                aria-controls="bell-panel"
                node_ref=bell
                on:click=move |_| open.update(|open| *open = !*open)
            >
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M6 17V11a6 6 0 0 1 12 0v6l1.5 2h-15L6 17z" fill="none" stroke="currentColor" stroke-width="1.4" />
                    <path d="M10 21a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.4" />
                </svg>
                <span class="bell__count" aria-hidden="true" hidden=move || count.get() == 0>
                    {move || count.get()}
                </span>
            </button>
            <section id="bell-panel" class="bell__panel" aria-labelledby="bell-heading" hidden=move || !open.get()>
                <h2 id="bell-heading" class="bell__heading">{text.bell_heading}</h2>
                // The panel's code (the list, marking read) loads the first time it opens.
                <Show when=move || open.get()>
                    <Suspense fallback=move || view! { <p class="bell__note" aria-live="polite">{text.bell_loading}</p> }>
                        {move || Suspend::new(async move { panel::bell_panel(count, open).await })}
                    </Suspense>
                </Show>
            </section>
        </div>
    }
}

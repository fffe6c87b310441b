//! The bell in the header: the signed-in shopper's unread count (rendered on the server,
//! read again after each navigation), opening a panel with the latest notifications,
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
    let unread = Resource::new(move || location.pathname.get(), |_| unread_notifications());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match unread.await {
                    Ok(Some(count)) => view! { <Bell initial=count /> }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Bell(initial: u64) -> impl IntoView {
    let text = &use_i18n().common;
    let count = RwSignal::new(initial);
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

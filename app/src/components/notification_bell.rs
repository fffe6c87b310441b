//! The bell in the header: the signed-in shopper's unread count (rendered on the server,
//! read again after each navigation), opening a panel with the latest notifications,
//! "mark all as read" and the way to the full list. A disclosure, not an ARIA menu: the
//! panel holds links and a button, reached with Tab; Escape closes it and returns focus
//! to the bell. Signed out, there is no bell.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::account::notifications::{
    MarkAllNotificationsRead, NotificationPageDto, list_notifications, unread_notifications,
};
use crate::i18n::use_i18n;

/// How many notifications the panel shows.
const LATEST: u64 = 5;

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
    let latest = RwSignal::new(None::<Result<NotificationPageDto, String>>);
    let read_all = ServerAction::<MarkAllNotificationsRead>::new();

    let load = move || {
        leptos::task::spawn_local(async move {
            let page = list_notifications(String::new(), LATEST).await;
            if let Ok(page) = &page {
                count.set(page.unread);
            }
            latest.set(Some(page.map_err(|error| error.message)));
        });
    };
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            load();
        }
    };
    let close = move || {
        open.set(false);
        if let Some(bell) = bell.get_untracked() {
            let _ = bell.focus();
        }
    };
    // Optimistic: the badge clears at once; reading the list again afterwards puts it
    // back if the server refused.
    Effect::new(move |_| {
        if read_all.value().get().is_some() {
            load();
        }
    });
    let mark_all = move |_| {
        count.set(0);
        latest.update(|page| {
            if let Some(Ok(page)) = page {
                page.items.iter_mut().for_each(|item| item.is_read = true);
            }
        });
        read_all.dispatch(MarkAllNotificationsRead {});
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
                on:click=toggle
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
                <BellList latest />
                <div class="bell__actions">
                    <button
                        type="button"
                        class="text-link"
                        disabled=move || count.get() == 0
                        on:click=mark_all
                    >
                        {text.mark_all_read}
                    </button>
                    <a class="text-link" href="/account/notifications" on:click=move |_| open.set(false)>
                        {text.see_all_notifications}
                    </a>
                </div>
            </section>
        </div>
    }
}

#[component]
fn BellList(latest: RwSignal<Option<Result<NotificationPageDto, String>>>) -> impl IntoView {
    let text = &use_i18n().common;
    move || {
        match latest.get() {
        None => view! { <p class="bell__note" aria-live="polite">{text.bell_loading}</p> }.into_any(),
        Some(Err(message)) => view! { <p class="bell__note" role="alert">{message}</p> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => {
            view! { <p class="bell__note">{text.bell_empty}</p> }.into_any()
        }
        Some(Ok(page)) => view! {
            <ul role="list" class="bell__list">
                {page
                    .items
                    .into_iter()
                    .map(|item| {
                        let href = item.action_url.unwrap_or_else(|| "/account/notifications".into());
                        view! {
                            <li class="bell__item" class:bell__item--unread=!item.is_read>
                                <a href=href>
                                    <span class="bell__title">{item.title}</span>
                                    <span class="bell__message">{item.message}</span>
                                    <time datetime=item.at_iso>{item.at}</time>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
    }
}

//! The bell's panel: the latest notifications and "mark all as read". A lazy function:
//! in a split bundle its code (and the list's codecs) is a chunk of its own, fetched the
//! first time the panel opens, so the header costs the first page little.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::account::notifications::{
    NotificationPageDto, list_notifications, mark_all_notifications_read,
};
use crate::i18n::use_i18n;

/// How many notifications the panel shows.
const LATEST: u64 = 5;

/// The panel's contents; `count` is the bell's badge, `open` the disclosure.
#[lazy]
pub fn bell_panel(count: RwSignal<u64>, open: RwSignal<bool>) -> AnyView {
    view! { <BellPanel count open /> }.into_any()
}

#[component]
fn BellPanel(count: RwSignal<u64>, open: RwSignal<bool>) -> impl IntoView {
    let text = &use_i18n().common;
    let latest = RwSignal::new(None::<Result<NotificationPageDto, String>>);
    let load = move || {
        spawn_local(async move {
            let page = list_notifications(String::new(), LATEST).await;
            if let Ok(page) = &page {
                count.set(page.unread);
            }
            latest.set(Some(page.map_err(|error| error.message)));
        });
    };
    load();
    // Optimistic: the badge clears at once; reading the list again afterwards puts it
    // back if the server refused.
    let mark_all = move |_| {
        count.set(0);
        latest.update(|page| {
            if let Some(Ok(page)) = page {
                page.items.iter_mut().for_each(|item| item.is_read = true);
            }
        });
        spawn_local(async move {
            let _ = mark_all_notifications_read().await;
            load();
        });
    };
    view! {
        <BellList latest />
        <div class="bell__actions">
            <button type="button" class="text-link" disabled=move || count.get() == 0 on:click=mark_all>
                {text.mark_all_read}
            </button>
            <a class="text-link" href="/account/notifications" on:click=move |_| open.set(false)>
                {text.see_all_notifications}
            </a>
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

//! `/account/notifications`: everything the store told the shopper, newest first, twenty
//! at a time (`?after=` pages by the server's keyset cursor). Marking one or all read
//! are plain forms (they work before WASM); once hydrated a notification shows as read
//! at once and goes back to unread if the server refuses.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::account::notifications::{
    MarkAllNotificationsRead, MarkNotificationRead, NotificationDto, NotificationPageDto,
    list_notifications,
};
use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::errors::error_text;
use crate::components::save_result::SaveStatus;
use crate::components::sign_in_first::SignInFirst;
use crate::i18n::notifications::notifications_text;
use domain::Refusal;

/// What the page's forms came to, outside the refetched list.
#[derive(Clone, Copy)]
struct Marks {
    one: ServerAction<MarkNotificationRead>,
    all: ServerAction<MarkAllNotificationsRead>,
    /// Shown as read before the server answers.
    read_now: RwSignal<Vec<String>>,
    status: RwSignal<Option<String>>,
    failure: RwSignal<Option<String>>,
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let text = notifications_text();
    let query = use_query_map();
    let after = Memo::new(move |_| query.read().get("after").unwrap_or_default());
    let marks = Marks {
        one: ServerAction::new(),
        all: ServerAction::new(),
        read_now: RwSignal::new(Vec::new()),
        status: RwSignal::new(None),
        failure: RwSignal::new(None),
    };
    let page = page_resource(
        move || (after.get(), marks.all.version().get()),
        |(after, _)| list_notifications(after, 0),
    );
    Effect::new(move |_| match marks.one.value().get() {
        Some(Ok(())) => {
            marks.failure.set(None);
            marks.status.set(Some(text.marked_read.into()));
        }
        Some(Err(error)) => {
            // Roll back: the last one marked is unread after all.
            marks.read_now.update(|ids| {
                ids.pop();
            });
            marks.failure.set(Some(error_text(&error)));
        }
        None => {}
    });
    Effect::new(move |_| match marks.all.value().get() {
        Some(Ok(_)) => {
            marks.failure.set(None);
            marks.status.set(Some(text.all_read.into()));
        }
        Some(Err(error)) => marks.failure.set(Some(error_text(&error))),
        None => {}
    });

    view! {
        <Title text=text.title />
        <Meta name="robots" content="noindex" />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main notifications" aria-labelledby="notifications-title">
                <h1 id="notifications-title">{text.title}</h1>
                <SaveStatus message=marks.status />
                <p class="form-alert" role="alert">{move || marks.failure.get()}</p>
                <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok(page) => view! { <NotificationList page marks /> }.into_any(),
                            Err(error) if error.refusal == Refusal::SignInRequired => {
                                view! { <SignInFirst /> }.into_any()
                            }
                            Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

#[component]
fn NotificationList(page: NotificationPageDto, marks: Marks) -> impl IntoView {
    let text = notifications_text();
    let common = &crate::i18n::use_i18n().common;
    if page.items.is_empty() {
        return view! { <p class="notifications__empty">{text.empty}</p> }.into_any();
    }
    let older = page
        .next
        .map(|next| format!("/account/notifications?after={next}"));
    view! {
        <ActionForm action=marks.all attr:class="notifications__all">
            <button type="submit" class="button button--ghost" disabled=page.unread == 0>
                {common.mark_all_read}
            </button>
        </ActionForm>
        <ol role="list" class="notifications__list">
            {page.items.into_iter().map(|item| view! { <NotificationItem item marks /> }).collect_view()}
        </ol>
        {older.map(|href| {
            view! {
                <nav class="orders__pages" aria-label=text.title>
                    <a class="button button--ghost" href=href rel="next">{text.older}</a>
                </nav>
            }
        })}
    }
    .into_any()
}

#[component]
fn NotificationItem(item: NotificationDto, marks: Marks) -> impl IntoView {
    let text = notifications_text();
    let NotificationDto {
        id,
        topic,
        title,
        message,
        action_url,
        action_label,
        is_read,
        at,
        at_iso,
    } = item;
    let unread = Memo::new({
        let id = id.clone();
        move |_| !is_read && !marks.read_now.with(|ids| ids.contains(&id))
    });
    let mark = {
        let id = id.clone();
        move |_| marks.read_now.update(|ids| ids.push(id.clone()))
    };
    view! {
        <li class="notification" class:notification--unread=unread>
            <p class="notification__topic">
                {(text.topics)(topic)}
                <span class="notification__new" hidden=move || !unread.get()>" · " {text.unread}</span>
            </p>
            <h2 class="notification__title">{title}</h2>
            <p class="notification__message">{message}</p>
            <time class="notification__when" datetime=at_iso>{at}</time>
            <div class="notification__actions">
                {action_url
                    .map(|href| view! { <a class="text-link" href=href>{action_label.unwrap_or_default()}</a> })}
                <ActionForm action=marks.one attr:hidden=move || !unread.get()>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="text-link" on:click=mark>{text.mark_read}</button>
                </ActionForm>
            </div>
        </li>
    }
}

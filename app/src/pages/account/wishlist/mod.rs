//! `/account/wishlist`: the shopper's lists, the default first, each with its pieces as
//! they are now; a form for a new list; per list, sharing (a public link, or private
//! again) and deleting. Each piece has its own form ([`piece`]). Every form is a plain
//! form that works before WASM; once hydrated the lists are read again after each
//! change and the result is announced.

mod piece;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::account::wishlist::{
    CreateWishlist, DeleteWishlist, MoveSavedPiece, RemoveSavedPiece, ShareWishlist,
    UpdateSavedPiece, WishlistDto, wishlists,
};
use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::errors::error_text;
use crate::components::form::{FormAlert, TextField};
use crate::components::save_result::{SaveStatus, field_error, form_error};
use crate::components::sign_in_first::SignInFirst;
use crate::i18n::wishlist::wishlist_text;
use domain::Refusal;
use piece::SavedPieceRow;

/// Every form of the page, so the lists are read again after any of them.
#[derive(Clone, Copy)]
pub(super) struct Actions {
    pub create: ServerAction<CreateWishlist>,
    pub delete: ServerAction<DeleteWishlist>,
    pub share: ServerAction<ShareWishlist>,
    pub update: ServerAction<UpdateSavedPiece>,
    pub moved: ServerAction<MoveSavedPiece>,
    pub remove: ServerAction<RemoveSavedPiece>,
    pub status: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<String>>,
}

impl Actions {
    fn version(self) -> usize {
        self.create.version().get()
            + self.delete.version().get()
            + self.share.version().get()
            + self.update.version().get()
            + self.moved.version().get()
            + self.remove.version().get()
    }
}

#[component]
pub fn WishlistPage() -> impl IntoView {
    let text = wishlist_text();
    let actions = Actions {
        create: ServerAction::new(),
        delete: ServerAction::new(),
        share: ServerAction::new(),
        update: ServerAction::new(),
        moved: ServerAction::new(),
        remove: ServerAction::new(),
        status: RwSignal::new(None),
        failure: RwSignal::new(None),
    };
    announce(actions);
    let lists = page_resource(move || actions.version(), |_| wishlists());
    view! {
        <Title text=text.title />
        <Meta name="robots" content="noindex" />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main wishlist" aria-labelledby="wishlist-title">
                <h1 id="wishlist-title">{text.title}</h1>
                <SaveStatus message=actions.status />
                <p class="form-alert" role="alert">{move || actions.failure.get()}</p>
                <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                    {move || Suspend::new(async move {
                        match lists.await {
                            Ok(lists) => view! { <Lists lists actions /> }.into_any(),
                            Err(error) if error.refusal == Refusal::SignInRequired => {
                                view! { <SignInFirst /> }.into_any()
                            }
                            Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                        }
                    })}
                </Transition>
                <NewList action=actions.create />
            </section>
        </div>
    }
}

/// Announces what each form came to.
fn announce(actions: Actions) {
    let text = wishlist_text();
    let report = move |done: Option<Result<&'static str, String>>| match done {
        Some(Ok(message)) => {
            actions.failure.set(None);
            actions.status.set(Some(message.to_string()));
        }
        Some(Err(message)) => actions.failure.set(Some(message)),
        None => {}
    };
    Effect::new(move |_| {
        report(
            actions
                .delete
                .value()
                .get()
                .map(|r| r.map(|_| text.deleted).map_err(|e| error_text(&e))),
        )
    });
    Effect::new(move |_| {
        report(
            actions
                .moved
                .value()
                .get()
                .map(|r| r.map(|_| text.moved).map_err(|e| error_text(&e))),
        )
    });
    Effect::new(move |_| {
        report(
            actions
                .remove
                .value()
                .get()
                .map(|r| r.map(|_| text.removed).map_err(|e| error_text(&e))),
        )
    });
    Effect::new(move |_| {
        report(actions.share.value().get().map(|r| {
            r.map(|path| {
                if path.is_some() {
                    text.now_public
                } else {
                    text.now_private
                }
            })
            .map_err(|e| error_text(&e))
        }))
    });
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = actions.update.value().get()
            && outcome.is_saved()
        {
            report(Some(Ok(text.saved)));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = actions.create.value().get()
            && outcome.is_saved()
        {
            report(Some(Ok(text.created)));
        }
    });
}

#[component]
fn Lists(lists: Vec<WishlistDto>, actions: Actions) -> impl IntoView {
    let text = wishlist_text();
    if lists.iter().all(|list| list.pieces.is_empty()) && lists.len() <= 1 {
        return view! {
            <div class="orders__empty">
                <p>{text.empty}</p>
                <a class="button button--primary" href="/products">{text.discover}</a>
            </div>
        }
        .into_any();
    }
    let targets: Vec<(String, String)> = lists
        .iter()
        .map(|list| (list.id.clone(), list.name.clone()))
        .collect();
    lists
        .into_iter()
        .map(|list| view! { <ListSection list targets=targets.clone() actions /> })
        .collect_view()
        .into_any()
}

#[component]
fn ListSection(
    list: WishlistDto,
    targets: Vec<(String, String)>,
    actions: Actions,
) -> impl IntoView {
    let text = wishlist_text();
    let heading_id = format!("list-{}", list.id);
    let labelled_by = heading_id.clone();
    let others: Vec<(String, String)> = targets
        .into_iter()
        .filter(|(id, _)| *id != list.id)
        .collect();
    let count = (text.pieces)(list.pieces.len());
    view! {
        <section class="wishlist__list" aria-labelledby=labelled_by>
            <header class="wishlist__list-head">
                <h2 id=heading_id>{list.name.clone()}</h2>
                <p class="wishlist__count">
                    {count}
                    {list.is_default.then(|| view! { " · " {text.default_list} })}
                </p>
            </header>
            <Sharing list=list.clone() action=actions.share />
            <ul role="list" class="wishlist__pieces">
                {list
                    .pieces
                    .into_iter()
                    .map(|piece| view! { <SavedPieceRow piece others=others.clone() actions /> })
                    .collect_view()}
            </ul>
            {(!list.is_default)
                .then(|| {
                    view! {
                        <ActionForm action=actions.delete attr:class="wishlist__delete">
                            <input type="hidden" name="id" value=list.id.clone() />
                            <button type="submit" class="button button--ghost">{text.delete_list}</button>
                        </ActionForm>
                    }
                })}
        </section>
    }
}

/// Public or private, and the link while public.
#[component]
fn Sharing(list: WishlistDto, action: ServerAction<ShareWishlist>) -> impl IntoView {
    let text = wishlist_text();
    let link = list.share_path.clone().map(|path| {
        let origin = window_origin();
        format!("{origin}{path}")
    });
    let input_id = format!("share-{}", list.id);
    view! {
        <div class="wishlist__sharing">
            <p class="field__hint">{text.public_hint}</p>
            {link.map(|link| {
                view! {
                    <div class="field">
                        <label for=input_id.clone()>{text.share_link}</label>
                        <input id=input_id.clone() type="url" readonly value=link />
                    </div>
                }
            })}
            <ActionForm action=action>
                <input type="hidden" name="id" value=list.id.clone() />
                <input type="hidden" name="public" value=(!list.is_public).to_string() />
                <button type="submit" class="button button--ghost">
                    {if list.is_public { text.make_private } else { text.make_public }}
                </button>
            </ActionForm>
        </div>
    }
}

/// The page's origin for a full share link (the path alone on the server).
fn window_origin() -> String {
    #[cfg(feature = "hydrate")]
    {
        window().location().origin().unwrap_or_default()
    }
    #[cfg(all(feature = "ssr", not(feature = "hydrate")))]
    {
        use_context::<crate::state::AppState>()
            .map(|state| state.services.base_url.clone())
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}

#[component]
fn NewList(action: ServerAction<CreateWishlist>) -> impl IntoView {
    let text = wishlist_text();
    let value: Signal<_> = action.value().into();
    view! {
        <section class="wishlist__new" aria-labelledby="new-list-title">
            <h2 id="new-list-title">{text.new_list}</h2>
            <ActionForm action=action attr:class="wishlist__new-form">
                <FormAlert message=form_error(value) />
                <TextField label=text.list_name name="name" maxlength=80 error=field_error(value, "name") />
                <button type="submit" class="button button--primary">{text.create}</button>
            </ActionForm>
        </section>
    }
}

//! Complete the look on the product page: one piece per complementary category, each
//! with the reason it was chosen, "Add the look to bag" and the shopper's word on the
//! look. The look is read with the page (rendered by the server). "Add the look to bag"
//! is an `ActionForm` (a plain post before the page is interactive, then the report and
//! the header's bag updated in place); the feedback is a plain form the server answers
//! by sending the browser back to the page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::api::look::{AddLookToBag, FEEDBACK_PATH, Look, LookAdded, LookPiece, LookVerdict};
use crate::api::page_data::PageResource;
use crate::components::cart_drawer::CartState;
use crate::components::errors::error_text;
use crate::i18n::look::look_text;
use crate::i18n::use_locale;

/// The section, for a piece with a look (nothing when none can be put together); `look`
/// is read by the page beside its own read.
#[component]
pub fn CompleteTheLook(look: PageResource<Result<Look, ApiError>>) -> impl IntoView {
    let answer = move || {
        Suspend::new(async move {
            match look.await {
                Ok(look) if !look.pieces.is_empty() => view! { <LookSection look /> }.into_any(),
                _ => ().into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{answer}</Suspense> }
}

#[component]
fn LookSection(look: Look) -> impl IntoView {
    let text = look_text();
    let add = ServerAction::<AddLookToBag>::new();
    let state = CartState::get();
    Effect::new(move |_| {
        if let (Some(Ok(done)), Some(state)) = (add.value().get(), state) {
            state.cart.set(Some(done.cart));
        }
    });
    let pieces = look
        .pieces
        .into_iter()
        .enumerate()
        .map(|(index, piece)| view! { <PieceItem index piece /> })
        .collect_view();
    let feedback = match (look.id, look.sign_in_to_save) {
        (Some(id), _) => {
            Some(view! { <Feedback id liked=look.liked saved=look.saved /> }.into_any())
        }
        (None, true) => Some(view! { <SignInToSave /> }.into_any()),
        (None, false) => None,
    };
    view! {
        <section class="look" aria-labelledby="look-title">
            <h2 id="look-title">{text.title}</h2>
            <p class="look__intro">{text.intro}</p>
            <ActionForm action=add attr:class="look__form">
                <ul role="list" class="look__pieces">{pieces}</ul>
                <button type="submit" class="button button--primary" disabled=move || add.pending().get()>
                    {text.add_look}
                </button>
                <div class="look__report" role="status">
                    {move || add.value().get().map(|outcome| match outcome {
                        Ok(done) => view! { <Report done /> }.into_any(),
                        Err(error) => view! { <p class="look__problem">{error_text(&error)}</p> }.into_any(),
                    })}
                </div>
            </ActionForm>
            {feedback}
        </section>
    }
}

/// A piece: its card, why it is there, and its size when the shopper has to choose.
#[component]
fn PieceItem(index: usize, piece: LookPiece) -> impl IntoView {
    let text = look_text();
    let locale = use_locale();
    let field = format!("variants[{index}]");
    let size = match piece.variant {
        Some(variant) => view! { <input type="hidden" name=field value=variant /> }.into_any(),
        None => {
            let id = format!("look-size-{index}");
            let options = piece
                .sizes
                .into_iter()
                .map(|size| view! { <option value=size.variant>{size.size}</option> })
                .collect_view();
            view! {
                <div class="field look-piece__size">
                    <label for=id.clone()>{(text.size_of)(&piece.card.name)}</label>
                    <select id=id name=field>
                        <option value="">{text.choose_size}</option>
                        {options}
                    </select>
                </div>
            }
            .into_any()
        }
    };
    let card = piece.card;
    view! {
        <li class="look-piece">
            <a class="look-piece__link" href=format!("/products/{}", card.slug)>
                {card.image_url.map(|url| view! { <img src=url alt="" loading="lazy" width="160" height="200" /> })}
                <span class="similar-card__brand">{card.brand_name}</span>
                <span class="similar-card__name">{card.name}</span>
                <span class="similar-card__price">{card.price.format(locale)}</span>
            </a>
            <p class="look-piece__reason">{(text.reason)(&piece.reason)}</p>
            {size}
        </li>
    }
}

#[component]
fn Report(done: LookAdded) -> impl IntoView {
    let text = look_text();
    view! {
        {(!done.added.is_empty()).then(|| view! { <p>{(text.added)(&done.added.join(", "))}</p> })}
        {done.problems.into_iter().map(|problem| view! { <p class="look__problem">{problem}</p> }).collect_view()}
        {(done.without_size > 0).then(|| view! { <p class="look__problem">{(text.without_size)(done.without_size)}</p> })}
        <a href="/cart">{text.view_bag}</a>
    }
}

/// Like, not for me, save: each a submit button of one plain form.
#[component]
fn Feedback(id: String, liked: Option<bool>, saved: bool) -> impl IntoView {
    let text = look_text();
    let state = match liked {
        Some(true) => Some(text.liked),
        Some(false) => Some(text.disliked),
        None => None,
    };
    let button = |verdict: LookVerdict, label: &'static str, pressed: bool| {
        view! {
            <button type="submit" name="verdict" value=verdict.code() class="button button--ghost" aria-pressed=pressed.to_string()>
                {label}
            </button>
        }
    };
    let save = match saved {
        true => button(LookVerdict::Unsave, text.unsave, false),
        false => button(LookVerdict::Save, text.save, false),
    };
    view! {
        <form method="post" action=FEEDBACK_PATH class="look__feedback" aria-label=text.feedback>
            <input type="hidden" name="look" value=id />
            {button(LookVerdict::Like, text.like, liked == Some(true))}
            {button(LookVerdict::Dislike, text.dislike, liked == Some(false))}
            {save}
            <p role="status" class="look__state">
                {state}
                {saved.then(|| format!(" {}", text.saved))}
            </p>
        </form>
    }
}

#[component]
fn SignInToSave() -> impl IntoView {
    let text = look_text();
    let location = use_location();
    let href = move || format!("/login?next={}", location.pathname.get());
    view! {
        <p class="look__sign-in">
            {text.sign_in_to_save} " " <a href=href>{text.sign_in}</a>
        </p>
    }
}

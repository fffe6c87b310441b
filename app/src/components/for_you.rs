//! "For you": the shopper's recommended row with the reason it holds what it holds, on
//! the home page, the account and the style quiz (which refreshes it after each save).
//! Renders nothing when the feature is off for the shopper.

use domain::read::feed::{Because, ForYou};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::page_data::{PageResource, page_resource};
use crate::api::style::load_for_you;
use crate::components::piece_cards::PieceCards;
use crate::i18n::style::for_you_text;

/// The row's data (`None` when the feature is off for the shopper).
pub type ForYouData = PageResource<Result<Option<ForYou>, ApiError>>;

/// The row's data, read again whenever `version` changes. The page creates it at its top,
/// outside any `Suspense` (see `api::page_data`), and hands it to [`ForYouRow`].
pub fn for_you_row(version: Signal<usize>) -> ForYouData {
    page_resource(move || version.get(), |_| load_for_you())
}

/// The row, when the shopper has one (see [`for_you_row`]).
#[component]
pub fn ForYouRow(row: ForYouData) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                row.await.ok().flatten().map(|row| view! { <Row row /> })
            })}
        </Transition>
    }
}

#[component]
fn Row(row: ForYou) -> impl IntoView {
    let text = for_you_text();
    let link_query = row.impression.as_ref().map(|id| format!("?rec={id}"));
    let call = match row.because {
        Because::Bestsellers => text.take_quiz,
        _ => text.refine,
    };
    view! {
        <section class="for-you" id="for-you" aria-labelledby="for-you-title">
            <div class="for-you__head">
                <h2 id="for-you-title">{text.title}</h2>
                <p class="for-you__because">{(text.because)(&row.because)}</p>
                <a class="text-link" href="/account/style">{call}</a>
            </div>
            <PieceCards pieces=row.pieces link_query=link_query.unwrap_or_default() />
        </section>
    }
}

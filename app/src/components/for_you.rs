//! "For you": the shopper's recommended row with the reason it holds what it holds, on
//! the home page, the account and the style quiz (which refreshes it after each save).
//! Renders nothing when the feature is off for the shopper.

use domain::read::feed::{Because, ForYou};
use leptos::prelude::*;

use crate::api::page_data::page_resource;
use crate::api::style::load_for_you;
use crate::components::piece_cards::PieceCards;
use crate::i18n::style::for_you_text;

/// The row, read again whenever `version` changes.
#[component]
pub fn ForYouRow(#[prop(optional, into)] version: Signal<usize>) -> impl IntoView {
    let row = page_resource(move || version.get(), |_| load_for_you());
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

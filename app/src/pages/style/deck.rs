//! The deck: about twenty pieces, each a group of three choices (like, pass, no opinion),
//! so a keyboard moves through a piece's choices with the arrow keys and from piece to
//! piece with Tab. Each piece sends `answers[deck][i][product]` and, once chosen,
//! `answers[deck][i][verdict]`.

use domain::read::style::{DeckPiece, StyleAnswers, Verdict};
use leptos::prelude::*;

use crate::components::save_result::{SaveResult, field_error};
use crate::i18n::style::style_text;

#[component]
pub fn Deck(
    pieces: Vec<DeckPiece>,
    answers: StyleAnswers,
    value: Signal<SaveResult>,
) -> impl IntoView {
    let text = style_text();
    let error = field_error(value, "deck");
    let count = pieces.len();
    let cards = pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let saved = answers
                .deck
                .iter()
                .find(|answer| answer.product == piece.id)
                .and_then(|answer| Verdict::parse(&answer.verdict));
            view! { <DeckCard index=i count piece saved /> }
        })
        .collect_view();
    view! {
        <section class="deck" aria-labelledby="deck-title">
            <h2 id="deck-title">{text.deck}</h2>
            <p class="field__hint">{text.deck_hint}</p>
            <ol role="list" class="deck__pieces">{cards}</ol>
            <p class="field__error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn DeckCard(index: usize, count: usize, piece: DeckPiece, saved: Option<Verdict>) -> impl IntoView {
    let text = style_text();
    let legend = match &piece.brand {
        Some(brand) => format!("{} · {brand}", piece.name),
        None => piece.name.clone(),
    };
    let choices = Verdict::ALL
        .iter()
        .map(|verdict| {
            let id = format!("deck-{index}-{}", verdict.code());
            view! {
                <span class="deck__choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=format!("answers[deck][{index}][verdict]")
                        value=verdict.code()
                        checked=saved == Some(*verdict)
                    />
                    <label for=id>{(text.verdict)(*verdict)}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <li class="deck__piece">
            <fieldset>
                <legend>
                    <span class="deck__position">{(text.deck_position)(index + 1, count)}</span>
                    " "
                    <span class="deck__name">{legend}</span>
                </legend>
                {piece.image_url.map(|src| view! { <img src=src alt="" loading="lazy" width="240" height="300" /> })}
                <input type="hidden" name=format!("answers[deck][{index}][product]") value=piece.id />
                <div class="deck__choices">{choices}</div>
            </fieldset>
        </li>
    }
}

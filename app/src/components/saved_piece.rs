//! A saved piece's picture, name, brand and price (with the price when it was saved,
//! if it has dropped since): the head of each piece on the wishlist and on a shared
//! list.

use leptos::prelude::*;

use crate::api::account::wishlist::SavedPieceDto;
use crate::i18n::use_locale;
use crate::i18n::wishlist::wishlist_text;

#[component]
pub fn SavedPieceSummary(piece: SavedPieceDto) -> impl IntoView {
    let text = wishlist_text();
    let locale = use_locale();
    let href = format!("/products/{}", piece.slug);
    view! {
        <a class="saved-piece__media" href=href.clone() tabindex="-1" aria-hidden="true">
            {piece.image.map(|src| {
                view! { <img src=src alt="" width="160" height="200" loading="lazy" decoding="async" /> }
            })}
        </a>
        <div class="saved-piece__about">
            {piece.brand.map(|brand| view! { <p class="saved-piece__brand">{brand}</p> })}
            <h3 class="saved-piece__name"><a href=href>{piece.name}</a></h3>
            <p class="saved-piece__price">
                {piece.price.format(locale)}
                {piece
                    .saved_at_price
                    .map(|was| view! { <span class="saved-piece__was">" · " {(text.was_price)(&was.format(locale))}</span> })}
            </p>
            {(!piece.in_stock).then(|| view! { <p class="saved-piece__sold-out">{text.sold_out}</p> })}
        </div>
    }
}

//! A row of small piece cards (picture, designer, name, price), as the product page's
//! "You may also like", "For you" and complete the look show them.

use domain::read::feed::PieceCard;
use leptos::prelude::*;

use crate::i18n::use_locale;

/// The cards, each a link to its piece with `link_query` appended (a recommendation's
/// click tracking).
#[component]
pub fn PieceCards(
    pieces: Vec<PieceCard>,
    #[prop(optional, into)] link_query: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let query = link_query.unwrap_or_default();
    let cards = pieces
        .into_iter()
        .map(|piece| {
            view! {
                <li class="similar-card">
                    <a href=format!("/products/{}{query}", piece.slug)>
                        {piece.image_url.map(|url| view! { <img src=url alt="" loading="lazy" width="240" height="300" /> })}
                        <span class="similar-card__brand">{piece.brand_name}</span>
                        <span class="similar-card__name">{piece.name}</span>
                        <span class="similar-card__price">{piece.price.format(locale)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul role="list" class="similar-grid">{cards}</ul> }
}

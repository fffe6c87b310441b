//! What the bag says under a line: a price that moved since it was added, and why the
//! line cannot be bought as it is. Shared by the bag page and the drawer.

use leptos::prelude::*;

use crate::api::cart::CartLineDto;
use crate::components::errors::refusal_words;
use crate::i18n::{use_i18n, use_locale};

#[component]
pub fn CartLineNotes(
    line: CartLineDto,
    /// Announce the problem at once (the drawer, where it appears after a change).
    #[prop(optional)]
    alert: bool,
) -> impl IntoView {
    let text = &use_i18n().cart;
    let locale = use_locale();
    let notice = line.price_change.as_ref().map(|change| {
        (text.price_changed)(
            &line.product_name,
            &change.old.format(locale),
            &change.new.format(locale),
        )
    });
    let problem = line.problem.as_ref().map(refusal_words);
    view! {
        {notice.map(|notice| view! { <p class="cart-line__notice">{notice}</p> })}
        {problem.map(|problem| view! {
            <p class="cart-line__problem" role=if alert { Some("alert") } else { None }>{problem}</p>
        })}
    }
}

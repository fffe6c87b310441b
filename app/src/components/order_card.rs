//! One order as a card: thumbnails, number, state, date, total and a link to it (the
//! order list and the account's home page).

use leptos::prelude::*;

use crate::api::account::orders::OrderCardDto;
use crate::i18n::orders::orders_text;
use crate::i18n::use_locale;

#[component]
pub fn OrderCard(order: OrderCardDto) -> impl IntoView {
    let text = orders_text();
    let locale = use_locale();
    let href = format!("/account/orders/{}", order.order_number);
    view! {
        <li class="order-card">
            <div class="order-card__pieces" aria-hidden="true">
                {order
                    .pieces
                    .iter()
                    .filter_map(|piece| piece.image.clone())
                    .map(|src| view! { <img src=src alt="" width="64" height="80" loading="lazy" decoding="async" /> })
                    .collect_view()}
            </div>
            <div class="order-card__summary">
                <h2 class="order-card__number">{order.order_number.clone()}</h2>
                <p class="order-card__state" data-state=format!("{:?}", order.state)>
                    {(text.states)(order.state)}
                </p>
                <p class="order-card__meta">
                    {text.placed_on} " "
                    <time datetime=order.placed_iso>{order.placed_on}</time>
                    " · " {(text.pieces)(order.item_count)}
                </p>
                <p class="order-card__names">
                    {order.pieces.into_iter().map(|piece| piece.name).collect::<Vec<_>>().join(", ")}
                </p>
            </div>
            <p class="order-card__total">
                <span class="visually-hidden">{text.total} " "</span>
                {order.total.format(locale)}
            </p>
            <a class="text-link order-card__link" href=href>
                {text.view_order}
                <span class="visually-hidden">" " {order.order_number}</span>
            </a>
        </li>
    }
}

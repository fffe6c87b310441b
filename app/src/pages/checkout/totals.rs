//! The priced lines and the totals, as the review step and the confirmation show them.

use leptos::prelude::*;

use crate::api::checkout::{SummaryLineDto, TotalsDto};
use crate::i18n::checkout::CheckoutText;
use crate::i18n::use_locale;

#[component]
pub fn SummaryLines(lines: Vec<SummaryLineDto>, text: &'static CheckoutText) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul role="list" class="checkout__lines">
            {lines.into_iter().map(|line| view! {
                <li>
                    <span>{line.product_name}</span>
                    {line.variant_title.map(|title| view! { <span class="cart-line__variant">{title}</span> })}
                    <span>{(text.quantity)(line.quantity)}</span>
                    <span>{line.line_total.format(locale)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Subtotal, discount (when there is one, with its code), delivery, tax and total.
#[component]
pub fn TotalsList(
    totals: TotalsDto,
    code: String,
    text: &'static CheckoutText,
    testid: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let discount = (!totals.discount.is_zero()).then(|| totals.discount.format(locale));
    view! {
        <dl class="totals">
            <dt>{text.subtotal}</dt><dd>{totals.subtotal.format(locale)}</dd>
            {discount.map(|discount| view! { <dt>{(text.discount)(&code)}</dt><dd>"−"{discount}</dd> })}
            <dt>{text.shipping}</dt><dd>{totals.shipping.format(locale)}</dd>
            <dt>{text.tax}</dt><dd>{totals.tax.format(locale)}</dd>
            <dt class="totals__total">{text.total}</dt>
            <dd class="totals__total" data-testid=testid>{totals.total.format(locale)}</dd>
        </dl>
    }
    .into_any()
}

//! Prices in the product's currency, formatted for the shopper's language
//! (`domain::Money::format`), with compare-at prices struck through.

use leptos::prelude::*;

use domain::Money;

use crate::i18n::{use_i18n, use_locale};

/// The price, and the compare-at price struck through when it is higher.
#[component]
pub fn PriceTag(
    price: Money,
    #[prop(optional_no_strip)] compare_at: Option<Money>,
) -> impl IntoView {
    let locale = use_locale();
    let text = &use_i18n().listing;
    let current = price.format(locale);
    let was = compare_at
        .filter(|compare| compare.amount != price.amount)
        .map(|compare| compare.format(locale));
    let on_sale = was.is_some();
    view! {
        <p class="price-tag" class:price-tag--sale=on_sale>
            {was.map(|was| {
                view! {
                    <s class="price-tag__was">
                        <span class="visually-hidden">{text.was}</span>
                        {was}
                    </s>
                    " "
                    <span class="visually-hidden">{text.now}</span>
                }
            })}
            <span class="price-tag__now" data-price=price.plain()>{current}</span>
        </p>
    }
    .into_any()
}

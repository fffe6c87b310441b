//! Size and colour radio groups. Choosing one updates the price and stock shown, and a
//! live region says so.

use leptos::prelude::*;

use crate::api::product::VariantDto;
use crate::i18n::{product::ProductText, use_i18n, use_locale};
use domain::Money;

/// "In stock", "Only N left" or "Sold out".
pub fn stock_text(variant: &VariantDto, text: &ProductText) -> String {
    if variant.available <= 0 {
        text.sold_out.to_string()
    } else if variant.low_stock {
        (text.only_left)(variant.available)
    } else {
        text.in_stock.to_string()
    }
}

fn distinct(values: impl Iterator<Item = Option<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values.flatten() {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

#[component]
pub fn VariantPicker(
    variants: Vec<VariantDto>,
    /// The product's own price, shown until a variant is chosen.
    base_price: Money,
    compare_at_price: Option<Money>,
    /// Set to the chosen variant's id, so the gallery can show its images.
    #[prop(optional)]
    chosen_variant: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let text = &use_i18n().product;
    let locale = use_locale();
    let variants = StoredValue::new(variants);
    let sizes = variants.with_value(|v| distinct(v.iter().map(|v| v.size.clone())));
    let colors = variants.with_value(|v| distinct(v.iter().map(|v| v.color.clone())));
    // A piece made in one size (a scarf, a bag) has nothing to choose: it starts chosen.
    let size = RwSignal::new(match sizes.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    });
    let color = RwSignal::new(colors.first().cloned());
    let announce = RwSignal::new(String::new());
    let needs_size = !sizes.is_empty();

    let chosen = Memo::new(move |_| {
        let size = size.get();
        let color = color.get();
        variants.with_value(|variants| {
            variants
                .iter()
                .find(|v| {
                    (size.is_none() || v.size == size)
                        && (color.is_none() || v.color == color)
                        && (size.is_some() || !needs_size)
                })
                .cloned()
        })
    });

    let price = {
        let base = base_price.clone();
        move || {
            chosen
                .get()
                .map(|v| v.price)
                .unwrap_or_else(|| base.clone())
                .format(locale)
        }
    };
    let compare = move || {
        chosen
            .get()
            .map(|v| v.compare_at_price)
            .unwrap_or_else(|| compare_at_price.clone())
            .map(|was| was.format(locale))
    };
    let stock = move || {
        chosen
            .get()
            .map(|v| stock_text(&v, text))
            .unwrap_or_else(|| {
                let any =
                    variants.with_value(|v| v.is_empty() || v.iter().any(|v| v.available > 0));
                if any { text.in_stock } else { text.sold_out }.to_string()
            })
    };

    if let Some(chosen_variant) = chosen_variant {
        Effect::new(move |_| chosen_variant.set(chosen.get().map(|v| v.id)));
    }

    let update_announcement = move || {
        if let Some(v) = chosen.get_untracked() {
            let label = [v.size.clone(), v.color.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            announce.set(format!(
                "{label}: {}, {}",
                v.price.format(locale),
                stock_text(&v, text)
            ));
        }
    };

    let sold_out_size = move |value: &str| {
        let color = color.get();
        variants.with_value(|variants| {
            !variants.iter().any(|v| {
                v.size.as_deref() == Some(value)
                    && (color.is_none() || v.color == color)
                    && v.available > 0
            })
        })
    };

    let size_group = (!sizes.is_empty()).then(|| {
        let options = sizes
            .into_iter()
            .map(|value| {
                let checked_value = value.clone();
                let set_value = value.clone();
                let disabled_value = value.clone();
                view! {
                    <label class="variant-picker__option">
                        <input
                            type="radio"
                            name="size"
                            value=value.clone()
                            prop:checked=move || size.get().as_deref() == Some(checked_value.as_str())
                            disabled=move || sold_out_size(&disabled_value)
                            on:change=move |_| {
                                size.set(Some(set_value.clone()));
                                update_announcement();
                            }
                        />
                        <span>{value}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="variant-picker__group">
                <legend>{text.size}</legend>
                <div class="variant-picker__options">{options}</div>
            </fieldset>
        }
    });

    let color_group = (!colors.is_empty()).then(|| {
        let options = colors
            .into_iter()
            .map(|value| {
                let checked_value = value.clone();
                let set_value = value.clone();
                // Rendered as an attribute too, so the default shows before hydration.
                let initially = color.get_untracked().as_deref() == Some(value.as_str());
                view! {
                    <label class="variant-picker__option">
                        <input
                            type="radio"
                            name="colour"
                            checked=initially
                            value=value.clone()
                            prop:checked=move || color.get().as_deref() == Some(checked_value.as_str())
                            on:change=move |_| {
                                color.set(Some(set_value.clone()));
                                update_announcement();
                            }
                        />
                        <span>{value}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="variant-picker__group">
                <legend>{text.colour}</legend>
                <div class="variant-picker__options">{options}</div>
            </fieldset>
        }
    });

    view! {
        <div class="variant-picker">
            <p class="product__price">
                <span class="product__price-now" data-testid="price">{price}</span>
                {move || compare().map(|c| view! { <s class="product__price-was">{c}</s> })}
            </p>
            <p class="product__stock" data-testid="stock">{stock}</p>
            {color_group}
            {size_group}
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
        </div>
    }
    .into_any()
}

//! The filter sidebar: a plain GET form of sort, facets, price and availability that
//! navigates on change when JavaScript runs.

use leptos::prelude::*;
use leptos_router::components::Form;

use super::{SORTS, Scope};
use crate::api::catalog::{FacetCountDto, FacetsDto};
use crate::i18n::use_i18n;

/// The yes/no filters' parameters; their labels are `ListingText::flags`.
const FLAGS: [&str; 4] = ["in_stock", "sustainable", "exclusive", "limited"];

fn has(pairs: &[(String, String)], key: &str, value: &str) -> bool {
    pairs.iter().any(|(k, v)| k == key && v == value)
}

fn value_of(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// With JavaScript, any change submits the form (client-side navigation).
fn submit_on_change(ev: leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    let form = event_target::<web_sys::Element>(&ev)
        .closest("form")
        .ok()
        .flatten()
        .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}

/// A group of checkboxes (multi-valued) or radios (single-valued) with counts.
#[component]
fn FacetGroup(
    legend: &'static str,
    name: &'static str,
    values: Vec<FacetCountDto>,
    pairs: Vec<(String, String)>,
    #[prop(optional)] single: bool,
) -> impl IntoView {
    let text = &use_i18n().listing;
    (!values.is_empty()).then(|| {
        let kind = if single { "radio" } else { "checkbox" };
        let any_checked = values.iter().any(|facet| has(&pairs, name, &facet.value));
        view! {
            <fieldset class="facet">
                <legend>{legend}</legend>
                {single
                    .then(|| {
                        view! {
                            <label class="facet__option">
                                <input type="radio" name=name value="" checked=!any_checked />
                                <span>{text.all}</span>
                            </label>
                        }
                    })}
                {values
                    .into_iter()
                    .map(|facet| {
                        let checked = has(&pairs, name, &facet.value);
                        view! {
                            <label class="facet__option">
                                <input type=kind name=name value=facet.value checked=checked />
                                <span>{facet.label}</span>
                                <span class="facet__count">
                                    <span class="visually-hidden">", "</span>
                                    {facet.count}
                                    <span class="visually-hidden">{text.count_suffix}</span>
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
        .into_any()
    })
}

#[component]
pub(super) fn FilterForm(
    facets: FacetsDto,
    scope: Scope,
    path: String,
    pairs: Vec<(String, String)>,
) -> impl IntoView {
    let text = &use_i18n().listing;
    let sort = value_of(&pairs, "sort");
    let min_price = value_of(&pairs, "min_price");
    let max_price = value_of(&pairs, "max_price");
    let lang = value_of(&pairs, "lang");
    let min_placeholder = facets.price_min.clone().unwrap_or_default();
    let max_placeholder = facets.price_max.clone().unwrap_or_default();
    let in_stock_count = facets.in_stock;
    view! {
        <aside class="listing__filters" aria-label=text.filters>
            <div on:change=submit_on_change>
                <Form method="get" action=path.clone()>
                    <div class="listing__sort">
                        <label for="listing-sort">{text.sort_by}</label>
                        <select id="listing-sort" name="sort">
                            {SORTS
                                .into_iter()
                                .zip(text.sorts)
                                .map(|(value, label)| {
                                    let selected = sort == value
                                        || (sort.is_empty() && value == "featured");
                                    view! { <option value=value selected=selected>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    {(!lang.is_empty()).then(|| view! { <input type="hidden" name="lang" value=lang.clone() /> })}
                    {(scope != Scope::Category)
                        .then(|| {
                            view! {
                                <FacetGroup legend=text.category name="category" values=facets.categories.clone() pairs=pairs.clone() single=true />
                            }
                        })}
                    {(scope != Scope::Brand)
                        .then(|| {
                            view! {
                                <FacetGroup legend=text.designer name="brand" values=facets.brands.clone() pairs=pairs.clone() single=true />
                            }
                        })}
                    <FacetGroup legend=text.size name="size" values=facets.sizes.clone() pairs=pairs.clone() />
                    <FacetGroup legend=text.colour name="color" values=facets.colors.clone() pairs=pairs.clone() />
                    <FacetGroup legend=text.material name="material" values=facets.materials.clone() pairs=pairs.clone() />
                    <fieldset class="facet facet--price">
                        <legend>{text.price}</legend>
                        <label for="listing-min-price">{text.minimum_price}</label>
                        <input
                            id="listing-min-price"
                            name="min_price"
                            type="number"
                            inputmode="decimal"
                            min="0"
                            step="any"
                            value=min_price
                            placeholder=min_placeholder
                        />
                        <label for="listing-max-price">{text.maximum_price}</label>
                        <input
                            id="listing-max-price"
                            name="max_price"
                            type="number"
                            inputmode="decimal"
                            min="0"
                            step="any"
                            value=max_price
                            placeholder=max_placeholder
                        />
                    </fieldset>
                    <fieldset class="facet">
                        <legend>{text.availability}</legend>
                        {FLAGS
                            .into_iter()
                            .zip(text.flags)
                            .map(|(name, label)| {
                                let checked = has(&pairs, name, "true") || has(&pairs, name, "1");
                                let count = (name == "in_stock").then_some(in_stock_count);
                                view! {
                                    <label class="facet__option">
                                        <input type="checkbox" name=name value="true" checked=checked />
                                        <span>{label}</span>
                                        {count.map(|count| view! { <span class="facet__count">{count}</span> })}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="listing__actions">
                        <button type="submit" class="button button--primary">{text.apply_filters}</button>
                        <a href=path.clone()>{text.clear_all}</a>
                    </div>
                </Form>
            </div>
        </aside>
    }
    .into_any()
}

//! One loaded listing page: the filters beside the count, the grid and "Load more".

use leptos::prelude::*;

use super::Scope;
use super::filters::FilterForm;
use crate::api::catalog::{ListingOutcome, ListingPageDto, ProductCardDto, list_products};
use crate::components::product_card::{FIRST_ROW, ProductCard};
use crate::components::query_string::query_string;
use crate::i18n::use_i18n;

/// The sidebar, the result count, the grid and "Load more" for one loaded page.
#[component]
pub(super) fn ListingBody(
    page: ListingPageDto,
    scope: Scope,
    /// The listing's path, e.g. `/categories/women`.
    path: String,
    /// The query string's pairs (without the path's filter).
    pairs: Vec<(String, String)>,
    /// What the service was asked for.
    service: Vec<(String, String)>,
) -> impl IntoView {
    let text = &use_i18n().listing;
    let ListingPageDto {
        products,
        next_cursor,
        total,
        facets,
    } = page;
    let paged = pairs.iter().any(|(key, _)| key == "cursor");
    let base_pairs: Vec<(String, String)> = pairs
        .iter()
        .filter(|(key, _)| key != "cursor")
        .cloned()
        .collect();
    let filtered = base_pairs
        .iter()
        .any(|(key, _)| key != "sort" && key != "lang");

    // Pages appended in place by "Load more" (with JavaScript).
    let extra = RwSignal::new(Vec::<ProductCardDto>::new());
    let cursor = RwSignal::new(next_cursor);
    let loading_more = RwSignal::new(false);
    let load_error = RwSignal::new(false);

    let more_href = {
        let path = path.clone();
        let base_pairs = base_pairs.clone();
        move || {
            cursor.get().map(|next| {
                let mut pairs = base_pairs.clone();
                pairs.push(("cursor".to_string(), next));
                format!("{path}{}", query_string(&pairs))
            })
        }
    };
    let load_more = move |ev: leptos::ev::MouseEvent| {
        let Some(next) = cursor.get_untracked() else {
            return;
        };
        // Modified clicks (new tab, ...) keep the plain link behaviour.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        if loading_more.get_untracked() {
            return;
        }
        loading_more.set(true);
        let mut request: Vec<(String, String)> = service
            .iter()
            .filter(|(key, _)| key != "cursor")
            .cloned()
            .collect();
        request.push(("cursor".to_string(), next));
        leptos::task::spawn_local(async move {
            match list_products(request).await {
                Ok(ListingOutcome::Page(more)) => {
                    let ListingPageDto {
                        products,
                        next_cursor,
                        ..
                    } = *more;
                    extra.update(|cards| cards.extend(products));
                    cursor.set(next_cursor);
                    load_error.set(false);
                }
                _ => load_error.set(true),
            }
            loading_more.set(false);
        });
    };

    let shown = products.len();
    let count_text = move || {
        let shown = shown + extra.read().len();
        if paged {
            (text.pieces)(total)
        } else {
            (text.showing)(shown, total)
        }
    };
    let empty = products.is_empty();
    let clear_href = path.clone();

    view! {
        <div class="listing__layout">
            <FilterForm facets scope path=path.clone() pairs=base_pairs.clone() />
            <div class="listing__results">
                <p class="listing__count" role="status" aria-live="polite">{count_text}</p>
                {paged.then(|| {
                    let first = format!("{path}{}", query_string(&base_pairs));
                    view! { <p class="listing__first"><a href=first>{text.back_to_first}</a></p> }
                })}
                {if empty {
                    view! {
                        <div class="listing__empty">
                            <h2>{text.empty_title}</h2>
                            {filtered.then(|| view! { <p><a href=clear_href>{text.clear_all_filters}</a></p> })}
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <h2 class="visually-hidden">{text.results_heading}</h2>
                        <ul role="list" class="product-grid">
                            {products
                                .into_iter()
                                .enumerate()
                                .map(|(index, product)| {
                                    let above_fold = index < FIRST_ROW;
                                    view! { <ProductCard product above_fold /> }
                                })
                                .collect_view()}
                            <For
                                each=move || extra.get()
                                key=|product| product.id.clone()
                                children=|product| view! { <ProductCard product /> }.into_any()
                            />
                        </ul>
                    }
                        .into_any()
                }}
                <Show when=move || load_error.get()>
                    <p role="alert">{text.load_more_failed}</p>
                </Show>
                {move || {
                    more_href()
                        .map(|href| {
                            view! {
                                <p class="listing__more">
                                    <a
                                        class="button button--ghost"
                                        href=href
                                        on:click=load_more.clone()
                                        aria-busy=move || loading_more.get().to_string()
                                    >
                                        {move || if loading_more.get() { text.loading_more } else { text.load_more }}
                                    </a>
                                </p>
                            }
                        })
                }}
            </div>
        </div>
    }
    .into_any()
}

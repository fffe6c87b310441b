//! The search page, `/search?q=`: a GET form (works without JavaScript) whose box is an
//! ARIA 1.2 combobox with instant suggestions (debounced server calls; arrows, Enter and
//! Escape), then the results: the filters read from the query as removable chips, count,
//! "showing results for" a corrected query, cards with the matched words in `<mark>`, an
//! empty state and "More results". The server searches in hybrid mode (full text fused
//! with the query's embedding), so a sentence finds pieces as well as their names do.

mod chips;
mod search_box;

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::search::{
    SearchOutcome, SearchPageDto, record_click, result_link_query, search_products,
};
use crate::components::product_card::{FIRST_ROW, ProductCard};
use crate::components::query_string::query_string;
use crate::i18n::use_i18n;
use chips::QueryChips;
use search_box::SearchBox;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let pairs = Memo::new(move |_| {
        query
            .get()
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect::<Vec<(String, String)>>()
    });
    let text = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let results = page_resource(move || pairs.get(), search_products);
    let t = &use_i18n().search;
    let title_for = move |text: String| {
        if text.trim().is_empty() {
            t.title.to_string()
        } else {
            (t.page_title)(text.trim())
        }
    };
    // leptos_meta renders the title after the page, when the server may already have
    // disposed of this page's signals: fall back to the title worked out at the start
    // (the same for one request) rather than read a disposed memo.
    let first_title = title_for(text.get_untracked());
    let title = move || {
        text.try_get()
            .map(title_for)
            .unwrap_or_else(|| first_title.clone())
    };

    view! {
        <Title text=title />
        <Meta name="description" content=t.description />
        <Meta name="robots" content="noindex, follow" />
        <section class="search" aria-labelledby="search-title">
            <header class="search__hero">
                <h1 id="search-title">{t.title}</h1>
                <SearchBox query=text />
            </header>
            <Suspense fallback=|| {
                view! {
                    <p class="loading search__loading" role="status" aria-live="polite">
                        {t.searching}
                    </p>
                }
            }>
                {move || Suspend::new(async move {
                    let pairs = pairs.get_untracked();
                    match results.await {
                        Ok(SearchOutcome::NoQuery) => {
                            view! {
                                <p class="search__intro">{t.intro}</p>
                            }
                                .into_any()
                        }
                        Ok(SearchOutcome::Results(page)) => {
                            view! { <SearchResultsView page=*page pairs /> }.into_any()
                        }
                        Ok(SearchOutcome::Invalid(problem)) => {
                            view! {
                                <p class="search__invalid" role="alert">
                                    {problem.message(t)}
                                </p>
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! {
                                <p role="alert">{t.failed}</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// With JavaScript, opening a result records the click (without it, the product page
/// does, from the link's `?sl=`). Modified clicks open a new page, which records it.
fn record_result_click(log_id: String) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        let link = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a.product-card__link").ok().flatten());
        let Some(href) = link.and_then(|link| link.get_attribute("href")) else {
            return;
        };
        let (path, query) = href.split_once('?').unwrap_or((&href, ""));
        let slug = path.trim_start_matches("/products/").to_string();
        let position = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("sp="))
            .and_then(|value| value.parse::<i32>().ok());
        let log_id = log_id.clone();
        leptos::task::spawn_local(async move {
            let _ = record_click(log_id, slug, position).await;
        });
    }
}

#[component]
fn SearchResultsView(page: SearchPageDto, pairs: Vec<(String, String)>) -> impl IntoView {
    let SearchPageDto {
        query,
        products,
        total,
        corrections,
        showing_results_for,
        next_cursor,
        log_id,
        chips,
    } = page;
    let base: Vec<(String, String)> = pairs
        .iter()
        .filter(|(key, _)| key != "cursor")
        .cloned()
        .collect();
    let more_href = next_cursor.map(|cursor| {
        let mut pairs = base.clone();
        pairs.push(("cursor".to_string(), cursor));
        format!("/search{}", query_string(&pairs))
    });
    let t = &use_i18n().search;
    let paged = pairs.iter().any(|(key, _)| key == "cursor");
    let shown_query = showing_results_for.clone().unwrap_or_else(|| query.clone());
    let count = (t.results_for)(total, &shown_query);
    let corrected = showing_results_for.map(|corrected| {
        let misspelt = corrections
            .iter()
            .map(|correction| correction.from.clone())
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <p class="search__corrected">
                {t.showing_results_for} " " <strong>{corrected}</strong> "."
                <span class="search__misspelt">{(t.no_exact_matches)(&misspelt)}</span>
            </p>
        }
    });
    let body = if products.is_empty() {
        view! {
            <div class="search__empty">
                <h2>{(t.empty_title)(&query)}</h2>
                <p>{t.empty_hint} " " <a href="/products">{t.browse_all}</a> "."</p>
            </div>
        }
        .into_any()
    } else {
        let on_click = record_result_click(log_id.clone());
        view! {
            <h2 class="visually-hidden">{t.results_heading}</h2>
            <ul role="list" class="product-grid search__grid" on:click=on_click>
                {products
                    .into_iter()
                    .enumerate()
                    .map(|(index, hit)| {
                        let link_query = result_link_query(&log_id, hit.position);
                        view! {
                            <ProductCard
                                product=hit.card
                                name_segments=hit.name
                                brand_segments=hit.brand
                                link_query
                                above_fold=index < FIRST_ROW
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="search__results">
            <QueryChips chips pairs=pairs.clone() />
            <p class="search__count" role="status" aria-live="polite">{count}</p>
            {corrected}
            {paged.then(|| {
                let first = format!("/search{}", query_string(&base));
                view! { <p><a href=first>{t.back_to_first}</a></p> }
            })}
            {body}
            {more_href.map(|href| {
                view! {
                    <p class="search__more">
                        <a class="button button--ghost" href=href>{t.more_results}</a>
                    </p>
                }
            })}
        </div>
    }
    .into_any()
}

//! The search page, `/search?q=`: a GET form (works without JavaScript) whose box is an
//! ARIA 1.2 combobox with instant suggestions (debounced server calls; arrows, Enter and
//! Escape), then the results: count, "showing results for" a corrected query, cards with
//! the matched words in `<mark>`, an empty state and "More results".

use crate::api::page_data::page_resource;
use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::search::{
    SearchOutcome, SearchPageDto, SuggestionDto, record_click, result_link_query, search_products,
    suggest,
};
use crate::components::product_card::{FIRST_ROW, Highlighted, ProductCard};
use crate::i18n::search::SearchText;
use crate::i18n::use_i18n;
use crate::pages::listing::query_string;

/// How long typing must pause before suggestions are fetched.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Characters typed before suggestions are fetched.
const MIN_SUGGEST_CHARS: usize = 2;
const LISTBOX_ID: &str = "search-suggestions";

fn option_id(index: usize) -> String {
    format!("search-suggestion-{index}")
}

fn kind_label(kind: &str, text: &SearchText) -> &'static str {
    match kind {
        "brand" => text.kind_brand,
        "category" => text.kind_category,
        _ => text.kind_product,
    }
}

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

/// The search form: a combobox with a listbox of suggestions.
#[component]
fn SearchBox(query: Memo<String>) -> impl IntoView {
    let t = &use_i18n().search;
    let value = RwSignal::new(query.get_untracked());
    // Back/forward and "More results" change the query: the box follows.
    Effect::new(move |_| value.set(query.get()));
    let suggestions = RwSignal::new(Vec::<SuggestionDto>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let generation = StoredValue::new(0_u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let navigate = use_navigate();

    let close = move || {
        open.set(false);
        active.set(None);
    };
    let fetch = move |text: String| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        // Answers to older keystrokes are dropped.
        let id = generation.get_value() + 1;
        generation.set_value(id);
        if text.trim().chars().count() < MIN_SUGGEST_CHARS {
            suggestions.set(Vec::new());
            close();
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let found = suggest(text).await.unwrap_or_default();
                    if generation.get_value() != id {
                        return;
                    }
                    active.set(None);
                    open.set(!found.is_empty());
                    suggestions.set(found);
                });
            },
            DEBOUNCE,
        )
        .ok();
        timer.set_value(handle);
    };
    let go = {
        let navigate = navigate.clone();
        move |href: String| {
            close();
            navigate(&href, Default::default());
        }
    };
    let on_keydown = {
        let go = go.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let count = suggestions.with(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    let down = ev.key() == "ArrowDown";
                    open.set(true);
                    active.update(|active| {
                        *active = Some(match (*active, down) {
                            (Some(index), true) if index + 1 < count => index + 1,
                            (_, true) => 0,
                            (Some(index), false) if index > 0 => index - 1,
                            (_, false) => count - 1,
                        })
                    });
                }
                "Enter" => {
                    let chosen = active
                        .get_untracked()
                        .filter(|_| open.get_untracked())
                        .and_then(|index| suggestions.with_untracked(|s| s.get(index).cloned()));
                    if let Some(chosen) = chosen {
                        ev.prevent_default();
                        go(chosen.href);
                    }
                }
                "Escape" => {
                    if open.get_untracked() {
                        ev.prevent_default();
                        close();
                    } else if !value.get_untracked().is_empty() {
                        ev.prevent_default();
                        value.set(String::new());
                        suggestions.set(Vec::new());
                    }
                }
                _ => {}
            }
        }
    };
    // With JavaScript, the search navigates in place (the same URL the GET form makes).
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        close();
        let text = value.get_untracked();
        let href = if text.is_empty() {
            // As the GET form does: an empty `q` asks for a word.
            "/search?q=".to_string()
        } else {
            format!("/search{}", query_string(&[("q".to_string(), text)]))
        };
        navigate(&href, Default::default());
    };
    let status = move || {
        let count = suggestions.with(Vec::len);
        if !open.get() || count == 0 {
            String::new()
        } else {
            (t.suggestions_status)(count)
        }
    };
    let initial = query.get_untracked();

    view! {
        <div class="search-box">
            <form method="get" action="/search" role="search" on:submit=on_submit>
                <label for="search-input" class="search-box__label">
                    {t.label}
                </label>
                <div class="search-box__row">
                    <div class="search-box__combo">
                        <input
                            id="search-input"
                            class="search-box__input"
                            type="search"
                            name="q"
                            role="combobox"
                            autocomplete="off"
                            spellcheck="false"
                            maxlength="200"
                            aria-autocomplete="list"
                            aria-controls=LISTBOX_ID
                            aria-expanded=move || open.get().to_string()
                            aria-activedescendant=move || active.get().map(option_id)
                            aria-describedby="search-box-hint"
                            placeholder=t.placeholder
                            value=initial
                            prop:value=move || value.get()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                value.set(text.clone());
                                fetch(text);
                            }
                            on:keydown=on_keydown
                            on:blur=move |_| close()
                        />
                        <ul
                            id=LISTBOX_ID
                            class="search-suggest"
                            role="listbox"
                            aria-label=t.suggestions
                            hidden=move || !open.get()
                        >
                            {move || {
                                suggestions
                                    .get()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(index, suggestion)| {
                                        let go = go.clone();
                                        let href = suggestion.href.clone();
                                        view! {
                                            <li
                                                id=option_id(index)
                                                class="search-suggest__option"
                                                role="option"
                                                aria-selected=move || (active.get() == Some(index)).to_string()
                                                on:mousedown=|ev| ev.prevent_default()
                                                on:click=move |_| go(href.clone())
                                            >
                                                <span class="search-suggest__label">
                                                    <Highlighted segments=suggestion.segments />
                                                </span>
                                                <span class="search-suggest__kind">
                                                    {kind_label(&suggestion.kind, t)}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                    <button type="submit" class="button button--primary">{t.submit}</button>
                </div>
                <p id="search-box-hint" class="visually-hidden">{t.hint}</p>
                <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
            </form>
        </div>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_labels() {
        use crate::i18n::search::{EN, FR};
        assert_eq!(option_id(3), "search-suggestion-3");
        assert_eq!(kind_label("brand", &EN), "Designer");
        assert_eq!(kind_label("product", &EN), "Piece");
        assert_eq!(kind_label("category", &FR), "Catégorie");
        assert_eq!((EN.results_for)(1, "silk"), "1 piece for “silk”");
        assert_eq!((EN.results_for)(0, "silk"), "0 pieces for “silk”");
        assert_eq!((FR.results_for)(2, "soie"), "2 pièces pour « soie »");
    }
}

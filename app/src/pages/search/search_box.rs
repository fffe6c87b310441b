//! The search box: a GET form (works without JavaScript) whose input is an ARIA 1.2
//! combobox with instant suggestions (debounced server calls; arrows, Enter and Escape).

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::search::{SuggestionDto, suggest};
use crate::components::product_card::Highlighted;
use crate::components::query_string::query_string;
use crate::i18n::search::SearchText;
use crate::i18n::use_i18n;

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

/// The search form: a combobox with a listbox of suggestions.
#[component]
pub(super) fn SearchBox(query: Memo<String>) -> impl IntoView {
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
        Callback::new(move |href: String| {
            close();
            navigate(&href, Default::default());
        })
    };
    let on_keydown = {
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
                        go.run(chosen.href);
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
                        <SuggestionList suggestions active open go />
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

/// The combobox's popup: one option per suggestion, the active one selected.
#[component]
fn SuggestionList(
    suggestions: RwSignal<Vec<SuggestionDto>>,
    active: RwSignal<Option<usize>>,
    open: RwSignal<bool>,
    /// Opens a suggestion's page.
    go: Callback<String>,
) -> impl IntoView {
    let t = &use_i18n().search;
    view! {
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
                                                let href = suggestion.href.clone();
                        view! {
                            <li
                                id=option_id(index)
                                class="search-suggest__option"
                                role="option"
                                aria-selected=move || (active.get() == Some(index)).to_string()
                                on:mousedown=|ev| ev.prevent_default()
                                on:click=move |_| go.run(href.clone())
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

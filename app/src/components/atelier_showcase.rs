//! The home page's edit switcher: one tab per atelier, each revealing its story.
//! Follows the WAI-ARIA tabs pattern (roving focus, arrow keys, Home/End).

use leptos::prelude::*;

/// One atelier tab; its words are in `i18n::home::HomeText::ateliers`, in this order.
pub struct Atelier {
    pub id: &'static str,
    pub href: &'static str,
}

pub const ATELIERS: [Atelier; 3] = [
    Atelier {
        id: "women",
        href: "/categories/women",
    },
    Atelier {
        id: "men",
        href: "/categories/men",
    },
    Atelier {
        id: "home",
        href: "/categories/home",
    },
];

fn tab_id(atelier: &Atelier) -> String {
    format!("atelier-tab-{}", atelier.id)
}

fn panel_id(atelier: &Atelier) -> String {
    format!("atelier-panel-{}", atelier.id)
}

/// Index of the tab a key press moves to, if the key is one the pattern uses.
pub fn next_tab_index(current: usize, key: &str, count: usize) -> Option<usize> {
    match key {
        "ArrowRight" | "ArrowDown" => Some((current + 1) % count),
        "ArrowLeft" | "ArrowUp" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[component]
pub fn AtelierShowcase() -> impl IntoView {
    let text = &crate::i18n::use_i18n().home;
    let selected = RwSignal::new(0usize);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if let Some(next) = next_tab_index(selected.get_untracked(), &event.key(), ATELIERS.len()) {
            event.prevent_default();
            selected.set(next);
            focus_element(&tab_id(&ATELIERS[next]));
        }
    };

    view! {
        <section class="showcase" aria-labelledby="showcase-title">
            <div class="showcase__intro">
                <p class="eyebrow">{text.showcase_eyebrow}</p>
                <h2 id="showcase-title">{text.showcase_title}</h2>
            </div>
            <div class="showcase__tabs" role="tablist" aria-label=text.showcase_tabs on:keydown=on_keydown>
                {ATELIERS
                    .iter()
                    .enumerate()
                    .map(|(index, atelier)| {
                        let is_selected = move || selected.get() == index;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                class="showcase__tab"
                                id=tab_id(atelier)
                                aria-controls=panel_id(atelier)
                                aria-selected=move || is_selected().to_string()
                                tabindex=move || if is_selected() { "0" } else { "-1" }
                                on:click=move |_| selected.set(index)
                            >
                                {text.ateliers[index].label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {ATELIERS
                .iter()
                .enumerate()
                .map(|(index, atelier)| {
                    view! {
                        <div
                            class=format!("showcase__panel showcase__panel--{}", atelier.id)
                            role="tabpanel"
                            id=panel_id(atelier)
                            aria-labelledby=tab_id(atelier)
                            tabindex="0"
                            hidden=move || selected.get() != index
                        >
                            <div class="showcase__art" aria-hidden="true"></div>
                            <div class="showcase__copy">
                                <h3>{text.ateliers[index].headline}</h3>
                                <p>{text.ateliers[index].story}</p>
                                <a class="text-link" href=atelier.href>
                                    {(text.discover)(text.ateliers[index].label)}
                                </a>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::next_tab_index;

    #[test]
    fn arrow_keys_wrap_around() {
        assert_eq!(next_tab_index(2, "ArrowRight", 3), Some(0));
        assert_eq!(next_tab_index(0, "ArrowLeft", 3), Some(2));
        assert_eq!(next_tab_index(1, "ArrowDown", 3), Some(2));
    }

    #[test]
    fn home_and_end_jump_to_the_ends() {
        assert_eq!(next_tab_index(1, "Home", 3), Some(0));
        assert_eq!(next_tab_index(0, "End", 3), Some(2));
    }

    #[test]
    fn other_keys_are_ignored() {
        assert_eq!(next_tab_index(1, "a", 3), None);
        assert_eq!(next_tab_index(1, "Enter", 3), None);
    }
}

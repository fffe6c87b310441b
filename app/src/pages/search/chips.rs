//! The filters read from the query's words ("under $500", "in black", "size M"), shown
//! as chips above the results. Each chip is a link to the same search without its phrase,
//! so removing one works without JavaScript and the address always says what is searched.

use leptos::prelude::*;

use crate::api::search::{ChipDto, ChipFilter};
use crate::components::query_string::query_string;
use crate::i18n::search::SearchText;
use crate::i18n::{use_i18n, use_locale};

/// A chip's label in the page's language.
fn label(filter: &ChipFilter, t: &SearchText, locale: domain::Locale) -> String {
    match filter {
        ChipFilter::MaxPrice(max) => (t.chip_under)(&max.format(locale)),
        ChipFilter::MinPrice(min) => (t.chip_over)(&min.format(locale)),
        ChipFilter::PriceRange(min, max) => {
            (t.chip_between)(&min.format(locale), &max.format(locale))
        }
        ChipFilter::Color(family) => (t.chip_color)(family),
        ChipFilter::Size(size) => (t.chip_size)(size),
        ChipFilter::Department(slug) => (t.chip_department)(slug),
    }
}

/// The chips; `pairs` is the page's query string, whose `q` each chip replaces (and
/// whose cursor it drops: the results change).
#[component]
pub(super) fn QueryChips(chips: Vec<ChipDto>, pairs: Vec<(String, String)>) -> impl IntoView {
    if chips.is_empty() {
        return ().into_any();
    }
    let t = &use_i18n().search;
    let locale = use_locale();
    let items = chips
        .into_iter()
        .map(|chip| {
            let text = label(&chip.filter, t, locale);
            let mut without: Vec<(String, String)> = pairs
                .iter()
                .filter(|(key, _)| key != "q" && key != "cursor")
                .cloned()
                .collect();
            without.insert(0, ("q".to_string(), chip.without));
            let href = format!("/search{}", query_string(&without));
            let remove = (t.remove_chip)(&text);
            view! {
                <li>
                    <a class="search__chip" href=href aria-label=remove>
                        <span>{text}</span>
                        <span class="search__chip-remove" aria-hidden="true">"×"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul role="list" class="search__chips" aria-label=t.chips_label>
            {items}
        </ul>
    }
    .into_any()
}

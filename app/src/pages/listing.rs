//! Product listings: all products, and the category, brand and collection pages. Filters,
//! sort and cursor live in the query string, so every view is a shareable URL. The filter
//! sidebar is a plain GET form and "Load more" a plain link, so both work without
//! JavaScript; with it, the form navigates on change and "Load more" appends in place.

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Form;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::api::catalog::{
    FacetCountDto, FacetsDto, ListingOutcome, ListingPageDto, ListingScopeDto, ProductCardDto,
    list_products, listing_scope,
};
use crate::components::product_card::{FIRST_ROW, ProductCard};
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFoundPage;

/// Which listing a page is: its path filter, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Category,
    Brand,
    Collection,
}

impl Scope {
    /// The query parameter the path's slug stands for; also the `kind` of its hero
    /// (`listing_scope`).
    pub fn key(self) -> Option<&'static str> {
        match self {
            Scope::All => None,
            Scope::Category => Some("category"),
            Scope::Brand => Some("brand"),
            Scope::Collection => Some("collection"),
        }
    }
}

/// The sorts' values for the sort select; their labels are `ListingText::sorts`.
pub const SORTS: [&str; 6] = [
    "featured",
    "newest",
    "price_asc",
    "price_desc",
    "best_selling",
    "top_rated",
];

/// The yes/no filters' parameters; their labels are `ListingText::flags`.
const FLAGS: [&str; 4] = ["in_stock", "sustainable", "exclusive", "limited"];

/// "women-shoes" -> "Women Shoes".
pub fn title_from_slug(slug: &str) -> String {
    slug.split('-')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Percent-encodes a query-string key or value, keeping RFC 3986's unreserved characters.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `?key=value&...` for the non-empty pairs, or "" when there are none.
pub fn query_string(pairs: &[(String, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{}={}", encode_component(key), encode_component(value)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[component]
pub fn ProductsPage() -> impl IntoView {
    view! { <ListingView scope=Scope::All /> }
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    view! { <ListingView scope=Scope::Category /> }
}

#[component]
pub fn BrandPage() -> impl IntoView {
    view! { <ListingView scope=Scope::Brand /> }
}

#[component]
pub fn CollectionPage() -> impl IntoView {
    view! { <ListingView scope=Scope::Collection /> }
}

#[component]
fn ListingView(scope: Scope) -> impl IntoView {
    let text = &use_i18n().listing;
    let query = use_query_map();
    let params = use_params_map();
    let location = use_location();

    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // The query string's pairs, without the path's own filter.
    let url_pairs = Memo::new(move |_| {
        query
            .get()
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .filter(|(key, _)| Some(key.as_str()) != scope.key())
            .collect::<Vec<(String, String)>>()
    });
    // What the service is asked for: the query string plus the path's filter.
    let service_pairs = Memo::new(move |_| {
        let mut pairs = url_pairs.get();
        if let Some(key) = scope.key() {
            pairs.push((key.to_string(), slug.get()));
        }
        pairs
    });
    let listing = page_resource(move || service_pairs.get(), list_products);
    let hero = page_resource(
        move || slug.get(),
        move |slug| async move {
            match scope.key() {
                Some(kind) => listing_scope(kind.to_string(), slug).await.map(Some),
                None => Ok(None),
            }
        },
    );

    view! {
        <section class="listing" aria-labelledby="listing-title">
            <Suspense fallback=move || {
                view! {
                    <p class="loading listing__loading" aria-live="polite">
                        {text.loading}
                    </p>
                }
            }>
                {move || Suspend::new(async move {
                    let path = location.pathname.get_untracked();
                    let pairs = url_pairs.get_untracked();
                    let service = service_pairs.get_untracked();
                    let hero = match hero.await {
                        // A category, brand or collection that does not exist (or is
                        // not active) is a 404, not an empty listing.
                        Ok(Some(None)) => return view! { <NotFoundPage /> }.into_any(),
                        Ok(Some(Some(found))) => Some(found),
                        Ok(None) | Err(_) => None,
                    };
                    let hero_view = view! { <ListingHero scope hero slug=slug.get_untracked() /> };
                    let body = match listing.await {
                        Ok(ListingOutcome::Page(page)) => {
                            view! { <ListingBody page=*page scope path pairs service /> }.into_any()
                        }
                        Ok(ListingOutcome::Invalid(message)) => {
                            view! {
                                <div class="listing__invalid">
                                    <p role="alert">{message}</p>
                                    <p>
                                        <a href=path>{text.clear_the_filters}</a>
                                    </p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! {
                                <p role="alert">{text.load_failed}</p>
                            }
                                .into_any()
                        }
                    };
                    view! { {hero_view} {body} }.into_any()
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// The page's title, meta description and hero: for a category, brand or collection its
/// own name, picture, description and story (translated), for all products the house's.
#[component]
fn ListingHero(scope: Scope, hero: Option<ListingScopeDto>, slug: String) -> impl IntoView {
    let text = &use_i18n().listing;
    let name = match (&hero, scope) {
        (_, Scope::All) => text.all_title.to_string(),
        (Some(hero), _) => hero.name.clone(),
        (None, _) => title_from_slug(&slug),
    };
    // The name, not the stored meta title: the app's title template adds the house name.
    let title = name.clone();
    let description = match (&hero, scope) {
        (_, Scope::All) => text.all_description.to_string(),
        (Some(hero), _) => hero
            .meta_description
            .clone()
            .or_else(|| hero.description.clone())
            .unwrap_or_else(|| (text.scoped_description)(&name)),
        (None, _) => (text.scoped_description)(&name),
    };
    let eyebrow = match scope {
        Scope::All => text.eyebrow_all,
        Scope::Category => text.eyebrow_category,
        Scope::Brand => text.eyebrow_brand,
        Scope::Collection => text.eyebrow_collection,
    };
    let (image, lede, story) = match hero {
        Some(hero) => (hero.image_url, hero.description, hero.story),
        None => (None, None, None),
    };
    let has_image = image.is_some();
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <header class="listing__hero" class:listing__hero--image=has_image>
            {image.map(|src| view! { <img class="listing__hero-image" src=src alt="" width="1600" height="600" fetchpriority="high" /> })}
            <div class="listing__hero-copy">
                <p class="eyebrow">{eyebrow}</p>
                <h1 id="listing-title">{name}</h1>
                {lede.map(|lede| view! { <p class="listing__lede">{lede}</p> })}
                {story.map(|story| view! { <p class="listing__story">{story}</p> })}
            </div>
        </header>
    }
    .into_any()
}

/// The sidebar, the result count, the grid and "Load more" for one loaded page.
#[component]
fn ListingBody(
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
fn FilterForm(
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

#[cfg(test)]
mod tests {
    use super::{query_string, title_from_slug};

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    }

    #[test]
    fn query_strings_keep_unreserved_characters_and_drop_empty_values() {
        assert_eq!(query_string(&[]), "");
        assert_eq!(
            query_string(&pairs(&[
                ("sort", "price_asc"),
                ("brand", ""),
                ("size", "M"),
                ("color", "navy blue & gold"),
            ])),
            "?sort=price_asc&size=M&color=navy%20blue%20%26%20gold"
        );
    }

    #[test]
    fn titles_from_slugs() {
        assert_eq!(title_from_slug("women"), "Women");
        assert_eq!(title_from_slug("women-dresses"), "Women Dresses");
    }
}

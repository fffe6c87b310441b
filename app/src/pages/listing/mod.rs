//! Product listings: all products, and the category, brand and collection pages. Filters,
//! sort and cursor live in the query string, so every view is a shareable URL. The filter
//! sidebar is a plain GET form and "Load more" a plain link, so both work without
//! JavaScript; with it, the form navigates on change and "Load more" appends in place.

mod filters;
mod results;

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::api::catalog::{ListingOutcome, ListingScopeDto, list_products, listing_scope};
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFoundPage;
use results::ListingBody;

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

#[cfg(test)]
mod tests {
    use super::title_from_slug;

    #[test]
    fn titles_from_slugs() {
        assert_eq!(title_from_slug("women"), "Women");
        assert_eq!(title_from_slug("women-dresses"), "Women Dresses");
    }
}

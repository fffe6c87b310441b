//! The product page's reviews: the average and a histogram whose rows filter by rating,
//! the orders as links, the list with "show more", and the way to write a review.
//!
//! The order and the rating are the page's query parameters (`review_sort`,
//! `review_rating`): links that load the page anew (`rel="external"`, outside the
//! router), rendered by the server with its first reviews in that order; the server
//! keeps the rest of the page cached. They work before the page is interactive.

use leptos::prelude::*;

use super::review_item::ReviewItem;
use crate::api::reviews::{REVIEWS_PAGE, ReviewDto, ReviewQuery, ReviewSort, product_reviews};
use crate::i18n::reviews::reviews_text;
use crate::i18n::use_i18n;

/// The page for a query, at the reviews' heading.
fn query_href(slug: &str, sort: ReviewSort, rating: Option<i32>) -> String {
    let mut href = format!("/products/{slug}?review_sort={}", sort.code());
    if let Some(rating) = rating {
        href.push_str(&format!("&review_rating={rating}"));
    }
    href + "#reviews-title"
}

#[component]
pub fn ReviewsSection(
    product_id: String,
    slug: String,
    /// The first page in `query`'s order, as the page loaded it.
    first: Vec<ReviewDto>,
    query: ReviewQuery,
    average: Option<String>,
    count: i64,
    histogram: [i64; 5],
) -> impl IntoView {
    let text = reviews_text();
    let product_text = &use_i18n().product;
    let summary = match &average {
        Some(average) if count > 0 => (product_text.reviews_summary)(average, count),
        _ => product_text.no_reviews.to_string(),
    };
    view! {
        <section class="product__reviews" aria-labelledby="reviews-title">
            <h2 id="reviews-title">{product_text.reviews}</h2>
            <div class="reviews-head">
                <div>
                    <p class="product__reviews-summary">{summary}</p>
                    {(count > 0).then(|| view! { <Histogram slug=slug.clone() histogram count query /> })}
                </div>
                <a class="button button--ghost" href=format!("/products/{slug}/review")>
                    {text.write_review}
                </a>
            </div>
            {(count > 0).then(|| view! { <SortLinks slug=slug.clone() query /> })}
            <ReviewList product_id query reviews=first />
        </section>
    }
}

/// One row per rating, five stars first: a link to that rating and a bar; the chosen
/// rating's row links back to every rating.
#[component]
fn Histogram(slug: String, histogram: [i64; 5], count: i64, query: ReviewQuery) -> impl IntoView {
    let text = reviews_text();
    let rows = (1..=5)
        .rev()
        .map(|stars| {
            let n = histogram[(stars - 1) as usize];
            let share = if count > 0 { n * 100 / count } else { 0 };
            let chosen = query.rating == Some(stars);
            let href = query_href(&slug, query.sort, (!chosen).then_some(stars));
            view! {
                <li>
                    <a href=href rel="external" aria-current=chosen.then_some("true")>
                        <span class="histogram__label">{(text.histogram_row)(stars, n)}</span>
                        // SVG attributes, not a style attribute: the pages' CSP allows no
                        // inline styles.
                        <svg class="histogram__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="histogram__track" width="100" height="6" />
                            <rect class="histogram__fill" width=share.to_string() height="6" />
                        </svg>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="histogram" role="list" aria-label=text.histogram>
            {rows}
        </ul>
    }
}

/// The orders, as links that keep the rating; the current one marked.
#[component]
fn SortLinks(slug: String, query: ReviewQuery) -> impl IntoView {
    let text = reviews_text();
    let links = ReviewSort::ALL
        .iter()
        .map(|sort| {
            let current = *sort == query.sort;
            view! {
                <li>
                    <a href=query_href(&slug, *sort, query.rating) rel="external" aria-current=current.then_some("true")>
                        {(text.sort)(*sort)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let every_rating = query.rating.map(|stars| {
        view! {
            <p class="reviews-sort__rating">
                {(text.stars_only)(stars)} " · "
                <a href=query_href(&slug, query.sort, None) rel="external">{text.every_rating}</a>
            </p>
        }
    });
    view! {
        <nav class="reviews-sort" aria-label=text.sort_label>
            <ul role="list">{links}</ul>
            {every_rating}
        </nav>
    }
}

/// The list, with "show more" reading the next page in the same order.
#[component]
fn ReviewList(product_id: String, query: ReviewQuery, reviews: Vec<ReviewDto>) -> impl IntoView {
    let text = reviews_text();
    let more_text = use_i18n().product.more_reviews;
    let more_available = RwSignal::new(reviews.len() as u64 >= REVIEWS_PAGE);
    let empty = reviews.is_empty() && query.rating.is_some();
    let reviews = RwSignal::new(reviews);
    let load_more = Action::new(move |offset: &u64| {
        let id = product_id.clone();
        let offset = *offset;
        let rating = query.rating.map(|r| r.to_string()).unwrap_or_default();
        async move { product_reviews(id, query.sort.code().into(), rating, offset).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(next)) = load_more.value().get() {
            if (next.len() as u64) < REVIEWS_PAGE {
                more_available.set(false);
            }
            reviews.update(|shown| {
                for review in next {
                    if !shown.iter().any(|seen| seen.id == review.id) {
                        shown.push(review);
                    }
                }
            });
        }
    });
    view! {
        {empty.then(|| view! { <p class="reviews__empty">{text.none_with_rating}</p> })}
        <ul role="list" class="reviews">
            <For each=move || reviews.get() key=|review| review.id.clone() let:review>
                <ReviewItem review />
            </For>
        </ul>
        <Show when=move || more_available.get()>
            <button
                type="button"
                class="button"
                disabled=move || load_more.pending().get()
                on:click=move |_| {
                    load_more.dispatch(reviews.with_untracked(|shown| shown.len() as u64));
                }
            >
                {more_text}
            </button>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_other_choice_and_land_on_the_section() {
        assert_eq!(
            query_href("silk-scarf", ReviewSort::Helpful, Some(4)),
            "/products/silk-scarf?review_sort=helpful&review_rating=4#reviews-title"
        );
        assert_eq!(
            query_href("silk-scarf", ReviewSort::Lowest, None),
            "/products/silk-scarf?review_sort=lowest#reviews-title"
        );
    }
}

//! The product page's reviews: the average and a histogram whose rows filter by rating,
//! a sort and rating form (a GET form, so it works before the page is interactive), the
//! list in the chosen order with "show more", and the way to write a review.
//!
//! The list for the default order arrives with the page; another order or rating (the
//! `review_sort` and `review_rating` query parameters) is read on its own, on the
//! server for a first render and in the browser after a change.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::review_item::ReviewItem;
use crate::api::page_data::page_resource;
use crate::api::reviews::{REVIEWS_PAGE, ReviewDto, ReviewQuery, ReviewSort, product_reviews};
use crate::i18n::reviews::reviews_text;
use crate::i18n::use_i18n;

/// `?review_sort=…&review_rating=…` for a query, with the section's anchor.
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
    /// The first page in the default order, as the page loaded it.
    first: Vec<ReviewDto>,
    average: Option<String>,
    count: i64,
    histogram: [i64; 5],
) -> impl IntoView {
    let text = reviews_text();
    let product_text = &use_i18n().product;
    let query = use_query_map();
    let chosen = Memo::new(move |_| {
        query.with(|params| {
            ReviewQuery::from_params(
                params.get_str("review_sort"),
                params.get_str("review_rating"),
            )
        })
    });
    let id = StoredValue::new(product_id);
    let listed = page_resource(
        move || (id.get_value(), chosen.get()),
        |(id, query)| async move {
            if query.is_default() {
                return Ok(None);
            }
            let rating = query.rating.map(|r| r.to_string()).unwrap_or_default();
            product_reviews(id, query.sort.code().into(), rating, 0)
                .await
                .map(Some)
        },
    );
    let first = StoredValue::new(first);
    let summary = match &average {
        Some(average) if count > 0 => (product_text.reviews_summary)(average, count),
        _ => product_text.no_reviews.to_string(),
    };
    let slug = StoredValue::new(slug);

    view! {
        <section class="product__reviews" aria-labelledby="reviews-title">
            <h2 id="reviews-title">{product_text.reviews}</h2>
            <div class="reviews-head">
                <div>
                    <p class="product__reviews-summary">{summary}</p>
                    {(count > 0).then(|| view! { <Histogram slug=slug.get_value() histogram count /> })}
                </div>
                <a class="button button--ghost" href=format!("/products/{}/review", slug.get_value())>
                    {text.write_review}
                </a>
            </div>
            {(count > 0).then(|| view! { <SortForm slug=slug.get_value() chosen /> })}
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading_reviews}</p> }>
                {move || Suspend::new(async move {
                    let query = chosen.get_untracked();
                    let reviews = match listed.await {
                        Ok(Some(reviews)) => reviews,
                        _ => first.get_value(),
                    };
                    view! { <ReviewList product_id=id.get_value() query reviews /> }
                })}
            </Suspense>
        </section>
    }
}

/// One row per rating, five stars first: a link to that rating and a bar.
#[component]
fn Histogram(slug: String, histogram: [i64; 5], count: i64) -> impl IntoView {
    let text = reviews_text();
    let rows = (1..=5)
        .rev()
        .map(|stars| {
            let n = histogram[(stars - 1) as usize];
            let share = if count > 0 { n * 100 / count } else { 0 };
            view! {
                <li>
                    <a href=query_href(&slug, ReviewSort::default(), Some(stars))>
                        <span class="histogram__label">{(text.histogram_row)(stars, n)}</span>
                        <span class="histogram__bar" aria-hidden="true">
                            <span style=format!("width: {share}%")></span>
                        </span>
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

/// The order and the rating, as a GET form the router follows without a reload.
#[component]
fn SortForm(slug: String, chosen: Memo<ReviewQuery>) -> impl IntoView {
    let text = reviews_text();
    let now = chosen.get_untracked();
    let sorts = ReviewSort::ALL
        .iter()
        .map(|sort| {
            view! {
                <option value=sort.code() selected=*sort == now.sort>{(text.sort)(*sort)}</option>
            }
        })
        .collect_view();
    let ratings = (1..=5)
        .rev()
        .map(|stars| {
            view! {
                <option value=stars.to_string() selected=now.rating == Some(stars)>
                    {(text.stars_only)(stars)}
                </option>
            }
        })
        .collect_view();
    view! {
        <Form method="get" action=format!("/products/{slug}") noscroll=true attr:class="reviews-sort">
            <div class="field">
                <label for="review-sort">{text.sort_label}</label>
                <select id="review-sort" name="review_sort">{sorts}</select>
            </div>
            <div class="field">
                <label for="review-rating">{text.rating_label}</label>
                <select id="review-rating" name="review_rating">
                    <option value="" selected=now.rating.is_none()>{text.every_rating}</option>
                    {ratings}
                </select>
            </div>
            <button type="submit" class="button button--ghost">{text.apply}</button>
        </Form>
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
    fn histogram_links_keep_the_sort_and_land_on_the_section() {
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

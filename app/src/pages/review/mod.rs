//! `/products/:slug/review`: the signed-in shopper's review of a piece. A shopper who
//! bought it writes one here (rating, title, words, fit, up to three photos); once
//! written it shows where it stands (awaiting moderation, published) and can be edited
//! (which sends it back to moderation) or deleted. Someone who has not bought the piece
//! is told why they cannot review it yet.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::page_data::page_resource;
use crate::api::reviews::{ReviewPageDto, review_page};
use crate::components::errors::error_text;
use crate::components::sign_in_first::SignInFirst;
use crate::i18n::reviews::{review_form_text, reviews_text};
use domain::Refusal;

mod form;

use form::ReviewForm;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let text = review_form_text();
    let loading = reviews_text().loading_reviews;
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let page = page_resource(slug, review_page);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(page)) => view! { <ReviewView page /> }.into_any(),
                    Ok(None) => {
                        view! {
                            <section class="review-page">
                                <h1>{text.not_found}</h1>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) if error.refusal == Refusal::SignInRequired => {
                        view! { <SignInFirst /> }.into_any()
                    }
                    Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReviewView(page: ReviewPageDto) -> impl IntoView {
    let text = review_form_text();
    let title = (text.page_title)(&page.name);
    let back = format!("/products/{}", page.slug);
    let body = if page.mine.is_some() || page.may_review {
        view! { <ReviewForm product_id=page.product_id.clone() mine=page.mine.clone() /> }
            .into_any()
    } else {
        view! { <p class="review-page__note">{text.not_bought}</p> }.into_any()
    };
    view! {
        <Title text=title.clone() />
        <section class="review-page" aria-labelledby="review-title">
            <div class="review-page__piece">
                {page.image.clone().map(|src| view! { <img src=src alt="" width="120" height="150" /> })}
                <div>
                    {page.brand.clone().map(|brand| view! { <p class="eyebrow">{brand}</p> })}
                    <h1 id="review-title">{title}</h1>
                    <p class="review-page__intro">{text.intro}</p>
                </div>
            </div>
            {body}
            <p>
                <a href=back>{text.back_to_piece}</a>
            </p>
        </section>
    }
}

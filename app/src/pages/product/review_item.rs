//! One review on the product page: stars, words, photos, fit, and what a reader can do
//! with it. "Was this helpful?" shows the new counts at once, sends the vote, and puts
//! the counts back with a message if it is refused (a signed-out reader is asked to sign
//! in). "Report" is a disclosure with a reason. Both are plain forms posting to their
//! server functions before the page is interactive; their requests load lazily.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::reviews::{ReportReason, ReviewDto, VoteCounts, report_review, vote_review};
use crate::components::errors::error_text;
use crate::i18n::reviews::reviews_text;
use crate::i18n::use_i18n;

fn stars(rating: i32) -> String {
    let rating = rating.clamp(0, 5) as usize;
    format!("{}{}", "★".repeat(rating), "☆".repeat(5 - rating))
}

#[component]
pub fn ReviewItem(review: ReviewDto) -> impl IntoView {
    let text = reviews_text();
    let product_text = &use_i18n().product;
    let photos = (!review.photos.is_empty()).then(|| {
        let author = review.author.clone();
        let pictures = review
            .photos
            .iter()
            .enumerate()
            .map(|(index, url)| {
                let alt = format!("{} {}", (text.photos_of)(&author), index + 1);
                view! {
                    <li>
                        <a href=url.clone()>
                            <img src=url.clone() alt=alt loading="lazy" width="96" height="96" />
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="review__photos" role="list">{pictures}</ul> }
    });
    view! {
        <li class="review">
            <p class="review__rating" aria-label=(product_text.stars)(review.rating)>
                {stars(review.rating)}
            </p>
            {review.title.clone().map(|title| view! { <h3 class="review__title">{title}</h3> })}
            {review.content.clone().map(|content| view! { <p class="review__content">{content}</p> })}
            {review.fit.map(|fit| view! { <p class="review__fit">{text.fit_label}": "{(text.fit)(fit)}</p> })}
            {photos}
            <p class="review__meta">
                {review.author.clone()}
                {review.is_verified_purchase.then(|| format!(" · {}", product_text.verified_purchase))}
                " · "
                <time datetime=review.date.clone()>{review.date.clone()}</time>
            </p>
            <div class="review__actions">
                <Votes
                    id=review.id.clone()
                    counts=VoteCounts { helpful: review.helpful_count, not_helpful: review.not_helpful_count, mine: false }
                />
                <Report id=review.id.clone() />
            </div>
        </li>
    }
}

/// The vote's request, a lazy function: its code loads with the first vote.
#[lazy]
async fn cast_vote(id: String, helpful: bool) -> Result<VoteCounts, ApiError> {
    vote_review(id, helpful).await
}

/// The report's request, loaded with the first report.
#[lazy]
async fn send_report(id: String, reason: String) -> Result<(), ApiError> {
    report_review(id, reason).await
}

/// The counts as they would be once `helpful` is the reader's vote.
fn after_vote(counts: VoteCounts, voted: Option<bool>, helpful: bool) -> VoteCounts {
    let mut next = counts;
    match voted {
        Some(before) if before == helpful => return counts,
        Some(true) => next.helpful -= 1,
        Some(false) => next.not_helpful -= 1,
        None => {}
    }
    if helpful {
        next.helpful += 1;
    } else {
        next.not_helpful += 1;
    }
    next.mine = helpful;
    next
}

#[component]
fn Votes(id: String, counts: VoteCounts) -> impl IntoView {
    let text = reviews_text();
    let counts = RwSignal::new(counts);
    let voted = RwSignal::new(None::<bool>);
    let message = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let label_id = format!("votes-{}", id.get_value());
    let labelled_by = label_id.clone();
    let vote = move |event: leptos::ev::MouseEvent, helpful: bool| {
        event.prevent_default();
        let before = (counts.get_untracked(), voted.get_untracked());
        if before.1 == Some(helpful) {
            return;
        }
        counts.set(after_vote(before.0, before.1, helpful));
        voted.set(Some(helpful));
        message.set(None);
        failure.set(None);
        let review = id.get_value();
        spawn_local(async move {
            match cast_vote(review, helpful).await {
                Ok(stored) => {
                    counts.set(stored);
                    message.set(Some(text.vote_saved.to_string()));
                }
                Err(error) => {
                    counts.set(before.0);
                    voted.set(before.1);
                    failure.set(Some(format!("{} {}", text.vote_failed, error_text(&error))));
                }
            }
        });
    };
    view! {
        <form class="review__votes" method="post" action="/api/reviews/vote" aria-labelledby=labelled_by>
            <input type="hidden" name="review_id" value=id.get_value() />
            <span id=label_id>{text.was_helpful}</span>
            <button
                type="submit"
                name="helpful"
                value="true"
                class="chip"
                aria-pressed=move || (voted.get() == Some(true)).to_string()
                on:click=move |event| vote(event, true)
            >
                {move || (text.helpful_yes)(counts.get().helpful)}
            </button>
            <button
                type="submit"
                name="helpful"
                value="false"
                class="chip"
                aria-pressed=move || (voted.get() == Some(false)).to_string()
                on:click=move |event| vote(event, false)
            >
                {move || (text.helpful_no)(counts.get().not_helpful)}
            </button>
            {move || message.get().map(|message| view! { <span class="review__note" role="status">{message}</span> })}
            {move || failure.get().map(|failure| view! { <span class="review__note review__note--error" role="alert">{failure}</span> })}
        </form>
    }
}

#[component]
fn Report(id: String) -> impl IntoView {
    let text = reviews_text();
    let reason = NodeRef::<leptos::html::Select>::new();
    let sent = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let select_id = format!("report-{}", id.get_value());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let chosen = reason
            .get_untracked()
            .map(|select| select.value())
            .unwrap_or_default();
        failure.set(None);
        let review = id.get_value();
        spawn_local(async move {
            match send_report(review, chosen).await {
                Ok(()) => sent.set(true),
                Err(error) => failure.set(Some(error_text(&error))),
            }
        });
    };
    let reasons = move || {
        ReportReason::ALL
            .iter()
            .map(|reason| view! { <option value=reason.code()>{(text.report_reasons)(*reason)}</option> })
            .collect_view()
    };
    view! {
        <details class="review__report">
            <summary>{text.report}</summary>
            <Show
                when=move || !sent.get()
                fallback=move || view! { <p class="review__note" role="status">{text.report_sent}</p> }
            >
                <form method="post" action="/api/reviews/report" on:submit=submit>
                    <input type="hidden" name="review_id" value=id.get_value() />
                    <div class="field">
                        <label for=select_id.clone()>{text.report_reason}</label>
                        <select id=select_id.clone() name="reason" required node_ref=reason>
                            <option value="">{text.choose_reason}</option>
                            {reasons()}
                        </select>
                    </div>
                    <button type="submit" class="button button--ghost">{text.send_report}</button>
                    {move || failure.get().map(|failure| view! { <p class="review__note review__note--error" role="alert">{failure}</p> })}
                </form>
            </Show>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(helpful: i32, not_helpful: i32) -> VoteCounts {
        VoteCounts {
            helpful,
            not_helpful,
            mine: false,
        }
    }

    #[test]
    fn a_vote_moves_one_count_and_a_changed_vote_moves_both() {
        let first = after_vote(counts(3, 1), None, true);
        assert_eq!((first.helpful, first.not_helpful), (4, 1));
        let changed = after_vote(first, Some(true), false);
        assert_eq!((changed.helpful, changed.not_helpful), (3, 2));
        let same = after_vote(changed, Some(false), false);
        assert_eq!((same.helpful, same.not_helpful), (3, 2));
    }
}

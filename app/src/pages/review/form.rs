//! The review form: stars as radio buttons, title, words, fit, photos. Sent as
//! multipart/form-data (the photos); each refusal shows next to its field and nothing
//! typed is lost. Once saved, the review is shown with where it stands, and the form
//! edits it; "Delete" asks first.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::reviews::{
    FitFeedback, MyReviewDto, ReviewOutcome, WRITE_PATH, delete_review, write_review,
};
use crate::components::errors::error_text;
use crate::components::form::FormAlert;
use crate::i18n::reviews::{review_form_text, reviews_text};

/// The form's last result.
type Outcome = Option<Result<ReviewOutcome, ApiError>>;

fn field_error(outcome: RwSignal<Outcome>, field: &'static str) -> Signal<Option<String>> {
    crate::components::save_result::field_error(outcome.into(), field)
}

#[component]
pub fn ReviewForm(product_id: String, mine: Option<MyReviewDto>) -> impl IntoView {
    let text = review_form_text();
    let saved = RwSignal::new(mine);
    let deleted = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<ReviewOutcome, ApiError>>);
    let pending = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let form_error = crate::components::save_result::form_error(outcome.into());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let Some(form) = form_ref.get_untracked() else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        pending.set(true);
        spawn_local(async move {
            let result = write_review(data.into()).await;
            if let Ok(ReviewOutcome::Saved(review)) = &result {
                saved.set(Some(review.clone()));
            }
            outcome.set(Some(result));
            pending.set(false);
        });
    };
    let product_id = StoredValue::new(product_id);

    view! {
        <Show
            when=move || !deleted.get()
            fallback=move || view! { <p class="review-page__note" role="status">{text.deleted}</p> }
        >
            {move || saved.get().map(|review| view! { <SavedReview review outcome deleted /> })}
            <form
                class="review-form"
                method="post"
                action=WRITE_PATH
                enctype="multipart/form-data"
                node_ref=form_ref
                on:submit=submit
                aria-labelledby="review-form-title"
            >
                <h2 id="review-form-title">
                    {move || if saved.with(Option::is_some) { text.edit_review } else { reviews_text().write_review }}
                </h2>
                <input type="hidden" name="product_id" value=product_id.get_value() />
                // Drawn again from the saved review after each save (the file input
                // empties, kept photos update); a refusal keeps everything as typed.
                {move || view! { <Fields current=saved.get() outcome /> }}
                <FormAlert message=form_error />
                <button type="submit" class="button" disabled=move || pending.get()>
                    {move || {
                        if pending.get() {
                            text.sending
                        } else if saved.with(Option::is_some) {
                            text.submit_edit
                        } else {
                            text.submit_new
                        }
                    }}
                </button>
            </form>
        </Show>
    }
}

/// The form's fields, filled from the saved review when there is one.
#[component]
fn Fields(current: Option<MyReviewDto>, outcome: RwSignal<Outcome>) -> impl IntoView {
    let text = review_form_text();
    let review_id = current.as_ref().map(|r| r.id.clone()).unwrap_or_default();
    let (rating, title, content, fit, photos) = match current {
        Some(r) => (Some(r.rating), r.title, r.content, r.fit, r.photos),
        None => (None, String::new(), String::new(), None, Vec::new()),
    };
    view! {
        <input type="hidden" name="review_id" value=review_id />
        <Stars chosen=rating error=field_error(outcome, "rating") />
        <TextArea
            name="title"
            label=text.title_label
            hint=text.title_hint
            rows=1
            value=title
            error=field_error(outcome, "title")
        />
        <TextArea
            name="content"
            label=text.content_label
            hint=text.content_hint
            rows=6
            value=content
            error=field_error(outcome, "content")
        />
        <Fit chosen=fit error=field_error(outcome, "fit") />
        <Photos kept=photos error=field_error(outcome, "photos") />
    }
}

/// The saved review: where it stands, its photos, and "Delete".
#[component]
fn SavedReview(
    review: MyReviewDto,
    outcome: RwSignal<Outcome>,
    deleted: RwSignal<bool>,
) -> impl IntoView {
    let text = review_form_text();
    let id = StoredValue::new(review.id.clone());
    let just_saved = move || matches!(outcome.get(), Some(Ok(ReviewOutcome::Saved(_))));
    let failure = RwSignal::new(None::<String>);
    let remove = move |event: SubmitEvent| {
        event.prevent_default();
        let review = id.get_value();
        spawn_local(async move {
            match delete_review(review).await {
                Ok(()) => deleted.set(true),
                Err(error) => failure.set(Some(error_text(&error))),
            }
        });
    };
    view! {
        <section class="review-saved" aria-labelledby="review-saved-title">
            <h2 id="review-saved-title">{text.your_review}</h2>
            <p class="review-saved__state">
                <span class="badge">{(text.state)(review.state)}</span>
            </p>
            <Show when=just_saved>
                <p class="review-page__note" role="status">{text.thanks}</p>
            </Show>
            <details class="review-saved__delete">
                <summary>{text.delete_review}</summary>
                <form method="post" action="/api/reviews/delete" on:submit=remove>
                    <input type="hidden" name="review_id" value=id.get_value() />
                    <p>{text.delete_confirm}</p>
                    <button type="submit" class="button button--ghost">{text.delete_yes}</button>
                </form>
                {move || failure.get().map(|failure| view! { <p role="alert">{failure}</p> })}
            </details>
        </section>
    }
}

/// An error message tied to a control group or field.
#[component]
fn FieldMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field__error" id=id role="alert">
            {move || error.get()}
        </p>
    }
}

/// One to five stars, as radio buttons in a group.
#[component]
fn Stars(chosen: Option<i32>, error: Signal<Option<String>>) -> impl IntoView {
    let text = review_form_text();
    let options = (1..=5)
        .map(|stars| {
            let id = format!("rating-{stars}");
            let label_for = id.clone();
            view! {
                <label class="stars__option" for=label_for>
                    <input type="radio" id=id name="rating" value=stars.to_string() checked=chosen == Some(stars) />
                    <span>{(text.rating_option)(stars)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="field stars"
            class:field--invalid=move || error.get().is_some()
            aria-describedby="rating-error"
        >
            <legend>{text.your_rating}</legend>
            <div class="stars__options">{options}</div>
            <FieldMessage id="rating-error".into() error />
        </fieldset>
    }
}

/// A labelled text area with a hint and its error.
#[component]
fn TextArea(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    rows: u32,
    value: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <p class="field__hint" id=hint_id>{hint}</p>
            <textarea
                id=id
                name=name
                rows=rows
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
            >
                {value}
            </textarea>
            <FieldMessage id=error_id error />
        </div>
    }
}

/// How the piece fits, or nothing said.
#[component]
fn Fit(chosen: Option<FitFeedback>, error: Signal<Option<String>>) -> impl IntoView {
    let text = review_form_text();
    let options = FitFeedback::ALL
        .iter()
        .map(|fit| view! { <option value=fit.code() selected=chosen == Some(*fit)>{(reviews_text().fit)(*fit)}</option> })
        .collect_view();
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for="field-fit">{text.fit_question}</label>
            <select id="field-fit" name="fit" aria-describedby="field-fit-error">
                <option value="" selected=chosen.is_none()>{text.fit_skip}</option>
                {options}
            </select>
            <FieldMessage id="field-fit-error".into() error />
        </div>
    }
}

/// The photos kept (each with a "keep" box) and the file input for new ones.
#[component]
fn Photos(kept: Vec<String>, error: Signal<Option<String>>) -> impl IntoView {
    let text = review_form_text();
    let current = (!kept.is_empty()).then(|| {
        let boxes = kept
            .into_iter()
            .enumerate()
            .map(|(index, url)| {
                let id = format!("keep-photo-{index}");
                view! {
                    <li>
                        <img src=url.clone() alt="" width="72" height="72" />
                        <input type="checkbox" id=id.clone() name="keep_photo" value=url checked />
                        <label for=id>{(text.keep_photo)(index + 1)}</label>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="field__label">{text.current_photos}</p>
            <ul class="review-form__kept" role="list">{boxes}</ul>
        }
    });
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            {current}
            <label for="field-photos">{text.photos_label}</label>
            <p class="field__hint" id="field-photos-hint">{text.photos_hint}</p>
            <input
                type="file"
                id="field-photos"
                name="photos"
                accept="image/jpeg,image/png,image/webp"
                multiple
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby="field-photos-hint field-photos-error"
            />
            <FieldMessage id="field-photos-error".into() error />
        </div>
    }
}

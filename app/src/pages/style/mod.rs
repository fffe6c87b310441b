//! `/account/style`: the style quiz, for accounts, guests and visitors alike (a visitor's
//! answers are kept on a guest session and follow them to the account they sign in to).
//! One plain form, so it works before the page is interactive: the questions (`choices`),
//! then the deck of pieces to like or pass (`deck`). After a save, the "For you" row
//! beneath it is read again.

mod choices;
mod deck;

use domain::read::style::{StyleAnswers, StyleQuiz};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::page_data::page_resource;
use crate::api::style::{SaveStyle, load_style_quiz};
use crate::components::errors::error_text;
use crate::components::for_you::{ForYouRow, for_you_row};
use crate::components::form::FormAlert;
use crate::components::save_result::{SaveResult, SaveStatus, form_error};
use crate::i18n::style::style_text;

use choices::{Budget, ChoiceGroups, Fit, Sizes, Values};
use deck::Deck;

#[component]
pub fn StylePage() -> impl IntoView {
    let text = style_text();
    let quiz = page_resource(|| (), |_| load_style_quiz());
    let save = ServerAction::<SaveStyle>::new();
    let saved = RwSignal::new(0usize);
    let for_you = for_you_row(saved.into());
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = save.value().get() {
            let ok = outcome.is_saved();
            status.set(ok.then(|| text.saved.to_string()));
            if ok {
                saved.update(|n| *n += 1);
            }
        }
    });
    view! {
        <Title text=text.title />
        <Meta name="robots" content="noindex" />
        <section class="style-quiz" aria-labelledby="style-title">
            <p class="eyebrow">{text.eyebrow}</p>
            <h1 id="style-title">{text.title}</h1>
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match quiz.await {
                        Ok(quiz) => view! { <QuizForm quiz save status /> }.into_any(),
                        Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <ForYouRow row=for_you />
    }
}

#[component]
fn QuizForm(
    quiz: StyleQuiz,
    save: ServerAction<SaveStyle>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let text = style_text();
    let value: Signal<SaveResult> = save.value().into();
    let StyleQuiz {
        answers,
        taken,
        consent,
        designers,
        materials,
        persona_images,
        deck,
    } = quiz;
    let consent_note = (!consent).then(|| {
        view! {
            <p class="style-quiz__consent" role="note">
                {text.consent_off} " "
                <a class="text-link" href="/account/settings">{text.consent_settings}</a>
            </p>
        }
    });
    let answers = StoredValue::new(answers);
    let get = move || answers.get_value();
    view! {
        <p class="style-quiz__intro">{if taken { text.retake_intro } else { text.intro }}</p>
        {consent_note}
        <ActionForm action=save attr:class="style-quiz__form">
            <ChoiceGroups answers=get() designers=designers.clone() materials persona_images value />
            <Budget answers=get() value />
            <Values answers=get() />
            <Sizes answers=get() designers value />
            <Fit answers=get() value />
            <Deck pieces=deck answers=get() value />
            <FormAlert message=form_error(value) />
            <SaveStatus message=status />
            <div class="style-quiz__actions">
                <button type="submit" class="button button--primary" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { text.saving } else { text.save }}
                </button>
                <a class="text-link" href="#for-you">{text.see_for_you}</a>
            </div>
        </ActionForm>
    }
}

/// The saved answer's codes in a list field, for pre-ticking the quiz's boxes.
fn ticked(answers: &StyleAnswers, field: &str) -> Vec<String> {
    match field {
        "departments" => answers.departments.clone(),
        "personas" => answers.personas.clone(),
        "loved_colours" => answers.loved_colours.clone(),
        "avoided_colours" => answers.avoided_colours.clone(),
        "designers" => answers.designers.clone(),
        "avoided_materials" => answers.avoided_materials.clone(),
        _ => Vec::new(),
    }
}

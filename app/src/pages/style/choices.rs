//! The quiz's questions: groups of boxes to tick (what they shop for, personas with their
//! pictures, colours, designers, materials), the budget, what matters to them, their
//! usual sizes with a designer anchor, and the fit. Each field sends `answers[...]` as
//! the server function reads it and shows its own error.

use domain::read::style::{
    Choice, ColourFamily, Department, Fit as FitChoice, Persona, SizeSystem, StyleAnswers,
};
use leptos::prelude::*;

use super::ticked;
use crate::components::form::{CheckboxField, TextField};
use crate::components::save_result::{SaveResult, field_error};
use crate::i18n::style::style_text;

/// A labelled option of a group: its code, its words and perhaps a picture.
type Option3 = (String, String, Option<String>);

#[component]
pub fn ChoiceGroups(
    answers: StyleAnswers,
    designers: Vec<Choice>,
    materials: Vec<String>,
    persona_images: Vec<Option<String>>,
    value: Signal<SaveResult>,
) -> impl IntoView {
    let text = style_text();
    let coded = |codes: Vec<(&'static str, &'static str)>| -> Vec<Option3> {
        codes
            .into_iter()
            .map(|(code, label)| (code.to_string(), label.to_string(), None))
            .collect()
    };
    let departments = coded(
        Department::ALL
            .iter()
            .map(|d| (d.code(), (text.department)(*d)))
            .collect(),
    );
    let personas: Vec<Option3> = Persona::ALL
        .iter()
        .zip(persona_images.into_iter().chain(std::iter::repeat(None)))
        .map(|(p, image)| (p.code().to_string(), (text.persona)(*p).to_string(), image))
        .collect();
    let colours = coded(
        ColourFamily::ALL
            .iter()
            .map(|c| (c.code(), (text.colour)(*c)))
            .collect(),
    );
    let designers: Vec<Option3> = designers
        .into_iter()
        .map(|choice| (choice.code, choice.label, None))
        .collect();
    let materials: Vec<Option3> = materials
        .into_iter()
        .map(|material| (material.clone(), material, None))
        .collect();
    view! {
        <ChoiceGroup legend=text.shops_for field="departments" options=departments answers=answers.clone() value />
        <ChoiceGroup legend=text.personas hint=text.personas_hint field="personas" options=personas answers=answers.clone() value pictures=true />
        <ChoiceGroup legend=text.loved_colours field="loved_colours" options=colours.clone() answers=answers.clone() value />
        <ChoiceGroup legend=text.avoided_colours field="avoided_colours" options=colours answers=answers.clone() value />
        <ChoiceGroup legend=text.designers field="designers" options=designers answers=answers.clone() value />
        <ChoiceGroup legend=text.avoided_materials field="avoided_materials" options=materials answers value />
    }
}

/// A fieldset of boxes sending `answers[field][code]=true` for each ticked one.
#[component]
fn ChoiceGroup(
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    field: &'static str,
    options: Vec<Option3>,
    answers: StyleAnswers,
    value: Signal<SaveResult>,
    #[prop(optional)] pictures: bool,
) -> impl IntoView {
    let error = field_error(value, field);
    let error_id = format!("{field}-error");
    let described_by = error_id.clone();
    let selected = ticked(&answers, field);
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (code, label, image))| {
            let id = format!("{field}-{i}");
            let checked = selected.contains(&code);
            view! {
                <li>
                    <input type="checkbox" id=id.clone() name=format!("answers[{field}][{code}]") value="true" checked=checked />
                    <label for=id>
                        {image.map(|src| view! { <img src=src alt="" loading="lazy" width="160" height="200" /> })}
                        <span>{label}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice-group" class:choice-group--pictures=pictures aria-describedby=described_by>
            <legend>{legend}</legend>
            {hint.map(|hint| view! { <p class="field__hint">{hint}</p> })}
            <ul role="list" class="choice-group__options">{boxes}</ul>
            <p class="field__error" id=error_id role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

#[component]
pub fn Budget(answers: StyleAnswers, value: Signal<SaveResult>) -> impl IntoView {
    let text = style_text();
    view! {
        <fieldset class="style-quiz__budget">
            <legend>{text.budget}</legend>
            <p class="field__hint">{text.budget_hint}</p>
            <div class="style-quiz__row">
                <TextField label=text.budget_min name="answers[budget_min]" value=answers.budget_min error=field_error(value, "budget_min") />
                <TextField label=text.budget_max name="answers[budget_max]" value=answers.budget_max error=field_error(value, "budget_max") />
                <TextField label=text.sweet_spot name="answers[sweet_spot]" value=answers.sweet_spot error=field_error(value, "sweet_spot") />
            </div>
        </fieldset>
    }
}

#[component]
pub fn Values(answers: StyleAnswers) -> impl IntoView {
    let text = style_text();
    view! {
        <fieldset class="style-quiz__values">
            <legend>{text.values}</legend>
            <CheckboxField label=text.sustainable name="answers[sustainable]" checked=answers.sustainable />
            <CheckboxField label=text.exclusive name="answers[exclusive]" checked=answers.exclusive />
        </fieldset>
    }
}

/// Usual sizes per system, and "I wear … in …".
#[component]
pub fn Sizes(
    answers: StyleAnswers,
    designers: Vec<Choice>,
    value: Signal<SaveResult>,
) -> impl IntoView {
    let text = style_text();
    let usual = |system: SizeSystem| {
        answers
            .sizes
            .iter()
            .find(|usual| usual.system == system.code())
            .map(|usual| usual.size.clone())
            .unwrap_or_default()
    };
    let selects = SizeSystem::ALL
        .iter()
        .enumerate()
        .map(|(i, system)| {
            let id = format!("size-{}", system.code());
            let chosen = usual(*system);
            let field = match system {
                SizeSystem::Apparel => "size_apparel",
                SizeSystem::Tailoring => "size_tailoring",
                SizeSystem::Rings => "size_rings",
            };
            let error = field_error(value, field);
            view! {
                <div class="field">
                    <input type="hidden" name=format!("answers[sizes][{i}][system]") value=system.code() />
                    <label for=id.clone()>{(text.size_system)(*system)}</label>
                    <select id=id name=format!("answers[sizes][{i}][size]")>
                        <option value="" selected=chosen.is_empty()>{text.no_size}</option>
                        {system
                            .sizes()
                            .iter()
                            .map(|size| view! { <option value=*size selected=chosen == *size>{*size}</option> })
                            .collect_view()}
                    </select>
                    <p class="field__error" role="alert">{move || error.get()}</p>
                </div>
            }
        })
        .collect_view();
    let brand_error = field_error(value, "anchor_brand");
    let anchor_brand = answers.anchor_brand.clone();
    view! {
        <fieldset class="style-quiz__sizes">
            <legend>{text.sizes}</legend>
            <p class="field__hint">{text.sizes_hint}</p>
            <div class="style-quiz__row">{selects}</div>
            <p class="style-quiz__anchor">{text.anchor}</p>
            <p class="field__hint">{text.anchor_hint}</p>
            <div class="style-quiz__row">
                <div class="field">
                    <label for="anchor-brand">{text.anchor_brand}</label>
                    <select id="anchor-brand" name="answers[anchor_brand]">
                        <option value="" selected=anchor_brand.is_empty()>{text.choose_designer}</option>
                        {designers
                            .into_iter()
                            .map(|choice| {
                                let selected = choice.code == anchor_brand;
                                view! { <option value=choice.code selected=selected>{choice.label}</option> }
                            })
                            .collect_view()}
                    </select>
                    <p class="field__error" role="alert">{move || brand_error.get()}</p>
                </div>
                <TextField label=text.anchor_size name="answers[anchor_size]" value=answers.anchor_size.clone() maxlength=10 error=field_error(value, "anchor_size") />
            </div>
        </fieldset>
    }
}

#[component]
pub fn Fit(answers: StyleAnswers, value: Signal<SaveResult>) -> impl IntoView {
    let text = style_text();
    let chosen = FitChoice::parse(&answers.fit).unwrap_or_default();
    let error = field_error(value, "fit");
    view! {
        <fieldset class="style-quiz__fit">
            <legend>{text.fit}</legend>
            {FitChoice::ALL
                .iter()
                .map(|fit| {
                    let id = format!("fit-{}", fit.code());
                    view! {
                        <div class="field field--checkbox">
                            <input type="radio" id=id.clone() name="answers[fit]" value=fit.code() checked=*fit == chosen />
                            <label for=id>{(text.fit_choice)(*fit)}</label>
                        </div>
                    }
                })
                .collect_view()}
            <p class="field__error" role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

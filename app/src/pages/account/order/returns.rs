//! Sending pieces of a delivered order back: while the window is open, a plain form with
//! a fieldset per line (quantity, reason, condition) and the expected refund, which
//! updates as quantities change once hydrated. Final-sale pieces say why they cannot go
//! back; a closed window says when it closed. Refusals show under their fields.

use leptos::prelude::*;

use super::actions::Feedback;
use crate::api::account::orders::{OrderDetailDto, OrderLineDto, RequestReturn, ReturnWindow};
use crate::components::form::FormAlert;
use crate::components::save_result::{SaveResult, form_error};
use crate::i18n::orders::orders_text;
use crate::i18n::use_locale;
use domain::Money;
use domain::read::orders::{ReturnCondition, ReturnReason};

#[component]
pub fn Returns(order: OrderDetailDto, changed: RwSignal<u32>, feedback: Feedback) -> impl IntoView {
    let text = orders_text();
    let (summary, open) = match &order.returns {
        ReturnWindow::NotDelivered => return ().into_any(),
        ReturnWindow::Open { until, days } => ((text.returns_open)(until, *days), true),
        ReturnWindow::Closed { on, days } => ((text.returns_closed)(on, *days), false),
    };
    let returnable: Vec<(usize, OrderLineDto)> = order
        .lines
        .iter()
        .filter(|line| line.returnable > 0)
        .cloned()
        .enumerate()
        .collect();
    let final_sale: Vec<String> = order
        .lines
        .iter()
        .filter(|line| line.final_sale)
        .map(|line| line.product_name.clone())
        .collect();
    view! {
        <section class="order__returns" aria-labelledby="order-returns">
            <h2 id="order-returns">{text.returns_heading}</h2>
            <p>{summary}</p>
            {(!final_sale.is_empty())
                .then(|| {
                    view! {
                        <ul role="list" class="returns__final-sale">
                            {final_sale
                                .into_iter()
                                .map(|name| view! { <li>{name} " · " {text.final_sale}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            {(open && !returnable.is_empty())
                .then(|| view! { <ReturnForm number=order.order_number.clone() lines=returnable changed feedback /> })}
        </section>
    }
    .into_any()
}

#[component]
fn ReturnForm(
    number: String,
    lines: Vec<(usize, OrderLineDto)>,
    changed: RwSignal<u32>,
    feedback: Feedback,
) -> impl IntoView {
    let text = orders_text();
    let locale = use_locale();
    let action = ServerAction::<RequestReturn>::new();
    let value: Signal<_> = action.value().into();
    // The quantity chosen on each line, for the expected refund.
    let chosen = RwSignal::new(vec![0usize; lines.len()]);
    let currency = lines
        .first()
        .map(|(_, line)| line.unit_price.currency.clone())
        .unwrap_or_default();
    let refunds: Vec<Vec<Money>> = lines
        .iter()
        .map(|(_, line)| line.return_refunds.clone())
        .collect();
    let expected = move || {
        let total = chosen.with(|chosen| {
            chosen
                .iter()
                .zip(&refunds)
                .filter_map(|(n, refunds)| n.checked_sub(1).and_then(|i| refunds.get(i)))
                .map(|money| money.amount)
                .sum()
        });
        Money::new(total, &currency).format(locale)
    };
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = action.value().get()
            && outcome.is_saved()
        {
            feedback.failure.set(None);
            feedback.status.set(Some(text.return_requested.to_string()));
            changed.update(|n| *n += 1);
        }
    });
    view! {
        <ActionForm action=action attr:class="returns__form">
            <p class="field__hint">{text.returns_intro}</p>
            <FormAlert message=form_error(value) />
            <input type="hidden" name="order_number" value=number />
            {lines
                .into_iter()
                .map(|(index, line)| view! { <ReturnLine index line chosen value /> })
                .collect_view()}
            <p class="returns__expected">
                {text.expected_refund} ": "
                <output aria-live="polite">{expected}</output>
            </p>
            <p class="field__hint">{text.expected_refund_hint}</p>
            <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { text.requesting_return } else { text.request_return }}
            </button>
        </ActionForm>
    }
}

/// One line's fieldset: its quantity, reason and condition, each with its own error.
#[component]
fn ReturnLine(
    index: usize,
    line: OrderLineDto,
    chosen: RwSignal<Vec<usize>>,
    value: Signal<SaveResult>,
) -> impl IntoView {
    let text = orders_text();
    let name = |part: &str| format!("lines[{index}][{part}]");
    let quantities: Vec<(String, String)> = (0..=line.returnable)
        .map(|n| (n.to_string(), n.to_string()))
        .collect();
    let reasons = ReturnReason::ALL.map(|reason| (reason.code(), (text.reasons)(reason)));
    let conditions =
        ReturnCondition::ALL.map(|condition| (condition.code(), (text.conditions)(condition)));
    let (reasons, conditions) = (owned(&reasons), owned(&conditions));
    let legend = match &line.variant_title {
        Some(variant) => format!("{} · {variant}", line.product_name),
        None => line.product_name.clone(),
    };
    view! {
        <fieldset class="returns__line">
            <legend>{legend}</legend>
            {(line.return_requested > 0)
                .then(|| view! { <p class="field__hint">{(text.return_requested_units)(line.return_requested)}</p> })}
            <input type="hidden" name=name("item") value=line.item_id />
            <div class="returns__fields">
                <Choice
                    id=format!("return-{index}-quantity")
                    label=text.return_quantity
                    name=name("quantity")
                    options=quantities
                    placeholder=None
                    error=error_signal(value, name("quantity"))
                    on_pick=move |picked: String| {
                        let n = picked.parse().unwrap_or(0);
                        chosen.update(|chosen| chosen[index] = n);
                    }
                />
                <Choice
                    id=format!("return-{index}-reason")
                    label=text.return_reason
                    name=name("reason")
                    options=reasons
                    placeholder=Some(text.choose)
                    error=error_signal(value, name("reason"))
                    on_pick=|_| {}
                />
                <Choice
                    id=format!("return-{index}-condition")
                    label=text.return_condition
                    name=name("condition")
                    options=conditions
                    placeholder=Some(text.choose)
                    error=error_signal(value, name("condition"))
                    on_pick=|_| {}
                />
            </div>
        </fieldset>
    }
}

fn owned(options: &[(&str, &str)]) -> Vec<(String, String)> {
    options
        .iter()
        .map(|(value, text)| (value.to_string(), text.to_string()))
        .collect()
}

fn error_signal(value: Signal<SaveResult>, field: String) -> Signal<Option<String>> {
    Signal::derive(move || {
        value
            .get()
            .and_then(Result::ok)
            .and_then(|outcome| outcome.error_for(&field))
    })
}

/// A labelled drop-down named at run time, its error tied to it.
#[component]
fn Choice(
    id: String,
    label: &'static str,
    name: String,
    options: Vec<(String, String)>,
    placeholder: Option<&'static str>,
    error: Signal<Option<String>>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || error.get().is_some().then(|| described.clone())
                on:change=move |event| on_pick(event_target_value(&event))
            >
                {placeholder.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value>{text}</option> })
                    .collect_view()}
            </select>
            <p class="field__error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

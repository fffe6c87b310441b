//! Form building blocks: labelled fields whose errors are announced and tied to the
//! input (`aria-invalid`, `aria-describedby`), and a form-level alert.

use leptos::prelude::*;

/// A labelled text input with its own error message.
#[component]
pub fn TextField(
    /// Visible label, also the input's accessible name.
    label: &'static str,
    /// The form field name sent to the server.
    name: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] node_ref: Option<NodeRef<leptos::html::Input>>,
    #[prop(optional)] maxlength: Option<usize>,
    /// A saved value the field starts with, for forms that edit something.
    #[prop(optional, into)]
    value: Option<String>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let node_ref = node_ref.unwrap_or_default();
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id.clone()
                name=name
                type=input_type
                value=value
                autocomplete=autocomplete
                maxlength=maxlength
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                node_ref=node_ref
            />
            <p class="field__error" id=error_id role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A message about the whole form (for example, the service being unavailable).
#[component]
pub fn FormAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="form-alert" role="alert" class:form-alert--shown=move || message.get().is_some()>
            {move || message.get()}
        </p>
    }
}

/// The `aria-describedby` value for a field with an optional hint and an error.
fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = hint_id
            .as_deref()
            .into_iter()
            .chain(error.get().is_some().then_some(error_id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled drop-down with its own error message, tied to it like [`TextField`]'s.
#[component]
pub fn SelectField(
    /// Visible label, also the select's accessible name.
    label: &'static str,
    /// The form field name sent to the server.
    name: &'static str,
    /// `(value, text)` pairs in display order.
    options: &'static [(&'static str, &'static str)],
    /// The value chosen when the form first renders.
    #[prop(into, optional)]
    selected: String,
    /// A first, empty choice ("Choose a country"), chosen while nothing else is.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
    let known = options.iter().any(|(value, _)| *value == selected);
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <select
                id=id.clone()
                name=name
                autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
            >
                {placeholder.map(|text| view! { <option value="" selected=!known>{text}</option> })}
                {options
                    .iter()
                    .map(|(value, text)| {
                        view! { <option value=*value selected=*value == selected>{*text}</option> }
                    })
                    .collect_view()}
            </select>
            <p class="field__error" id=error_id role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled checkbox sending `value="true"` when ticked.
#[component]
pub fn CheckboxField(
    label: &'static str,
    name: &'static str,
    #[prop(optional)] checked: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field field--checkbox">
            <input
                id=id.clone()
                name=name
                type="checkbox"
                value="true"
                checked=checked
                aria-describedby=hint.map(|_| hint_id.clone())
            />
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
        </div>
    }
}

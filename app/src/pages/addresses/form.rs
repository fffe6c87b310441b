//! The address form: adds an address, or edits the one named by `?edit=<id>`.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::PAGE_PATH;
use crate::api::account::{AddressView, SaveAddress};
use crate::components::form::{CheckboxField, FormAlert, SelectField, TextField};
use crate::components::save_result::{SaveResult, field_error, form_error, fresh_value};
use crate::i18n::countries::country_options;
use crate::i18n::{use_i18n, use_locale};

/// Adds an address, or edits `address`. After a successful save the form empties
/// (adding) or goes back to adding (editing).
#[component]
pub(super) fn AddressForm<F>(
    action: ServerAction<SaveAddress>,
    address: Option<AddressView>,
    on_saved: F,
) -> impl IntoView
where
    F: Fn() + Copy + Send + Sync + 'static,
{
    let text = &use_i18n().account;
    let value = fresh_value(action);
    let editing = address.is_some();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let heading = NodeRef::<leptos::html::H2>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if value
            .get()
            .is_some_and(|result| result.is_ok_and(|outcome| outcome.is_saved()))
        {
            if editing {
                navigate(PAGE_PATH, Default::default());
            } else if let Some(form) = form_ref.get_untracked() {
                form.reset();
            }
            on_saved();
        }
    });
    // Opening an address to edit takes focus to the form.
    Effect::new(move |_| {
        if editing && let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });

    let address = address.unwrap_or_else(|| AddressView {
        id: String::new(),
        kind: "shipping".to_string(),
        is_default: false,
        first_name: String::new(),
        last_name: String::new(),
        company: String::new(),
        phone: String::new(),
        address_line1: String::new(),
        address_line2: String::new(),
        city: String::new(),
        state_province: String::new(),
        postal_code: String::new(),
        country_code: String::new(),
    });
    let title = if editing {
        text.edit_address
    } else {
        text.add_address
    };

    view! {
        <section class="address-book__form" aria-labelledby="address-form-title">
            <h2 id="address-form-title" tabindex="-1" node_ref=heading>{title}</h2>
            <ActionForm action=action node_ref=form_ref attr:class="settings__form" attr:novalidate=true>
                <input type="hidden" name="id" value=address.id.clone() />
                <AddressFields address value />
                <FormAlert message=form_error(value) />
                <div class="settings__actions">
                    {editing.then(|| view! { <a class="button button--ghost" href=PAGE_PATH>{text.cancel}</a> })}
                    <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { text.saving } else { text.save_address }}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

/// The address's own fields, each with its error from the last save.
#[component]
fn AddressFields(address: AddressView, value: Signal<SaveResult>) -> impl IntoView {
    let text = &use_i18n().account;
    let locale = use_locale();
    view! {
        <SelectField
            label=text.address_type
            name="kind"
            options=&text.kind_options
            selected=address.kind
            error=field_error(value, "kind")
        />
        <div class="settings__row">
            <TextField
                label=text.first_name
                name="first_name"
                value=address.first_name
                autocomplete="given-name"
                maxlength=100
                error=field_error(value, "first_name")
            />
            <TextField
                label=text.last_name
                name="last_name"
                value=address.last_name
                autocomplete="family-name"
                maxlength=100
                error=field_error(value, "last_name")
            />
        </div>
        <TextField
            label=text.company
            name="company"
            value=address.company
            autocomplete="organization"
            maxlength=100
            error=field_error(value, "company")
        />
        <TextField
            label=text.address_line1
            name="address_line1"
            value=address.address_line1
            autocomplete="address-line1"
            maxlength=255
            error=field_error(value, "address_line1")
        />
        <TextField
            label=text.address_line2
            name="address_line2"
            value=address.address_line2
            autocomplete="address-line2"
            maxlength=255
            error=field_error(value, "address_line2")
        />
        <div class="settings__row">
            <TextField
                label=text.postal_code
                name="postal_code"
                value=address.postal_code
                autocomplete="postal-code"
                maxlength=20
                error=field_error(value, "postal_code")
            />
            <TextField
                label=text.city
                name="city"
                value=address.city
                autocomplete="address-level2"
                maxlength=100
                error=field_error(value, "city")
            />
        </div>
        <TextField
            label=text.state_province
            name="state_province"
            value=address.state_province
            autocomplete="address-level1"
            maxlength=100
            error=field_error(value, "state_province")
        />
        <SelectField
            label=text.country
            name="country_code"
            options=country_options(locale)
            selected=address.country_code
            placeholder=text.choose_country
            autocomplete="country"
            error=field_error(value, "country_code")
        />
        <TextField
            label=text.phone
            name="phone"
            value=address.phone
            input_type="tel"
            autocomplete="tel"
            hint=text.courier_phone_hint
            error=field_error(value, "phone")
        />
        <CheckboxField
            label=text.use_as_default
            name="make_default"
            checked=address.is_default
            hint=text.use_as_default_hint
        />
    }
}

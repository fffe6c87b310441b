//! Step 2: the delivery address, a saved one (signed-in shoppers) or a new one, checked
//! field by field on the server before the delivery options are quoted for its country.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Checkout, input_value, use_checkout};
use super::step_frame::{StepActions, StepHeading};
use crate::api::checkout::{DeliveryDetails, SavedAddressDto, check_details};
use crate::components::errors::error_text;
use crate::components::form::TextField;
use crate::i18n::countries::country_options;
use crate::i18n::{checkout::CheckoutText, use_i18n, use_locale};

/// The new-address inputs.
#[derive(Clone, Copy)]
struct AddressInputs {
    first_name: NodeRef<leptos::html::Input>,
    last_name: NodeRef<leptos::html::Input>,
    company: NodeRef<leptos::html::Input>,
    line1: NodeRef<leptos::html::Input>,
    line2: NodeRef<leptos::html::Input>,
    postal_code: NodeRef<leptos::html::Input>,
    city: NodeRef<leptos::html::Input>,
    region: NodeRef<leptos::html::Input>,
    phone: NodeRef<leptos::html::Input>,
    country: RwSignal<String>,
}

impl AddressInputs {
    fn new() -> Self {
        AddressInputs {
            first_name: NodeRef::new(),
            last_name: NodeRef::new(),
            company: NodeRef::new(),
            line1: NodeRef::new(),
            line2: NodeRef::new(),
            postal_code: NodeRef::new(),
            city: NodeRef::new(),
            region: NodeRef::new(),
            phone: NodeRef::new(),
            country: RwSignal::new(String::new()),
        }
    }

    /// The details as typed, with the email from step 1 and the saved address chosen.
    fn read(self, email: String, address_id: String) -> DeliveryDetails {
        DeliveryDetails {
            email,
            address_id,
            first_name: input_value(self.first_name),
            last_name: input_value(self.last_name),
            company: input_value(self.company),
            phone: input_value(self.phone),
            address_line1: input_value(self.line1),
            address_line2: input_value(self.line2),
            city: input_value(self.city),
            state_province: input_value(self.region),
            postal_code: input_value(self.postal_code),
            country_code: self.country.get_untracked(),
        }
    }
}

#[component]
pub fn AddressStep(saved: Vec<SavedAddressDto>) -> impl IntoView {
    let text = &use_i18n().checkout;
    let checkout = use_checkout();
    let step = checkout.step;
    let default_saved = saved
        .iter()
        .find(|a| a.is_default)
        .or(saved.first())
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let choice = RwSignal::new(default_saved);
    let saved = StoredValue::new(saved);
    let inputs = AddressInputs::new();
    let next = move || {
        let email = checkout
            .details
            .with_untracked(|details| details.email.clone());
        let form = inputs.read(email, choice.get_untracked());
        submit(checkout, form, saved);
    };
    view! {
        <li class="checkout__step" aria-labelledby="step-2">
            <StepHeading n=2 name=text.delivery_address />
            <div hidden=move || step.get() != 2>
                <SavedChoices saved choice />
                <NewAddress inputs choice />
                <StepActions back=1 disabled=checkout.busy on_next=next />
            </div>
        </li>
    }
    .into_any()
}

/// Checks `form` on the server; when it holds, quotes its country and moves on.
fn submit(checkout: Checkout, form: DeliveryDetails, saved: StoredValue<Vec<SavedAddressDto>>) {
    checkout.busy.set(true);
    spawn_local(async move {
        match check_details(form.clone()).await {
            Ok(found) if found.is_empty() => {
                checkout.errors.set(Vec::new());
                let country = if form.address_id.is_empty() {
                    form.country_code.clone()
                } else {
                    saved.with_value(|list| {
                        list.iter()
                            .find(|a| a.id == form.address_id)
                            .map(|a| a.country_code.clone())
                            .unwrap_or_default()
                    })
                };
                checkout.country.set(country);
                checkout.details.set(form);
                checkout.step.set(3);
                checkout.busy.set(false);
                checkout.requote();
            }
            Ok(found) => {
                let back_to_contact = found.iter().any(|e| e.field.as_deref() == Some("email"));
                checkout.errors.set(found);
                if back_to_contact {
                    checkout.step.set(1);
                }
                checkout.busy.set(false);
            }
            Err(error) => {
                checkout.form_error.set(Some(error_text(&error)));
                checkout.busy.set(false);
            }
        }
    });
}

/// The shopper's saved delivery addresses, and "a new address".
#[component]
fn SavedChoices(
    saved: StoredValue<Vec<SavedAddressDto>>,
    choice: RwSignal<String>,
) -> impl IntoView {
    let text = &use_i18n().checkout;
    let checkout = use_checkout();
    let addresses = saved.get_value();
    (!addresses.is_empty()).then(|| {
        view! {
            <fieldset class="checkout__choices">
                <legend>{text.saved_addresses}</legend>
                {addresses.into_iter().map(|address| {
                    let id = address.id.clone();
                    let checked_id = address.id.clone();
                    view! {
                        <label class="checkout__choice">
                            <input type="radio" name="address_id" value=address.id.clone()
                                prop:checked=move || choice.get() == checked_id
                                on:change=move |_| choice.set(id.clone()) />
                            <span>{address.summary.clone()}</span>
                        </label>
                    }
                }).collect_view()}
                <label class="checkout__choice">
                    <input type="radio" name="address_id" value=""
                        prop:checked=move || choice.get().is_empty()
                        on:change=move |_| choice.set(String::new()) />
                    <span>{text.new_address}</span>
                </label>
                <p class="field__error" role="alert">{move || checkout.error_for("address_id").get()}</p>
            </fieldset>
        }
    })
}

/// The new address form, hidden while a saved address is chosen.
#[component]
fn NewAddress(inputs: AddressInputs, choice: RwSignal<String>) -> impl IntoView {
    let text = &use_i18n().checkout;
    let checkout = use_checkout();
    let error = move |field| checkout.error_for(field);
    view! {
        <div class="checkout__address" hidden=move || !choice.get().is_empty()>
            <div class="settings__row">
                <TextField label=text.first_name name="first_name" autocomplete="given-name" maxlength=100
                    node_ref=inputs.first_name error=error("first_name") />
                <TextField label=text.last_name name="last_name" autocomplete="family-name" maxlength=100
                    node_ref=inputs.last_name error=error("last_name") />
            </div>
            <TextField label=text.company name="company" autocomplete="organization" maxlength=100
                node_ref=inputs.company error=error("company") />
            <TextField label=text.address_line1 name="address_line1" autocomplete="address-line1" maxlength=255
                node_ref=inputs.line1 error=error("address_line1") />
            <TextField label=text.address_line2 name="address_line2" autocomplete="address-line2" maxlength=255
                node_ref=inputs.line2 error=error("address_line2") />
            <div class="settings__row">
                <TextField label=text.postal_code name="postal_code" autocomplete="postal-code" maxlength=20
                    node_ref=inputs.postal_code error=error("postal_code") />
                <TextField label=text.city name="city" autocomplete="address-level2" maxlength=100
                    node_ref=inputs.city error=error("city") />
            </div>
            <TextField label=text.state_province name="state_province" autocomplete="address-level1" maxlength=100
                node_ref=inputs.region error=error("state_province") />
            <CountrySelect text value=inputs.country error=error("country_code") />
            <TextField label=text.phone name="phone" input_type="tel" autocomplete="tel"
                node_ref=inputs.phone error=error("phone") />
        </div>
    }
    .into_any()
}

#[component]
fn CountrySelect(
    text: &'static CheckoutText,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let countries = country_options(use_locale());
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for="field-country_code">{text.country}</label>
            <select
                id="field-country_code"
                name="country_code"
                autocomplete="country"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || error.get().is_some().then_some("field-country_code-error")
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" selected=true>{text.choose_country}</option>
                {countries.iter().map(|(code, name)| view! { <option value=*code>{*name}</option> }).collect_view()}
            </select>
            <p class="field__error" id="field-country_code-error" role="alert">{move || error.get()}</p>
        </div>
    }
    .into_any()
}

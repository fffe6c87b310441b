//! The address book: saved shipping and billing addresses with edit, delete and "make
//! default", and one form that adds an address or edits the one named by `?edit=<id>`.
//! Every action is a plain form post, so the page also works before (or without) WASM.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::api::account::{
    AddressView, DeleteAddress, SaveAddress, SaveOutcome, SetDefaultAddress, get_address,
    list_addresses,
};
use crate::api::auth::current_user;
use crate::components::form::{CheckboxField, FormAlert, SelectField, TextField};
use crate::pages::settings::{SaveStatus, error_message, field_error, form_error, fresh_value};

/// Countries the store ships to, by name; the server accepts exactly these codes.
pub const COUNTRY_OPTIONS: [(&str, &str); 30] = [
    ("AU", "Australia"),
    ("AT", "Austria"),
    ("BE", "Belgium"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("CN", "China"),
    ("DK", "Denmark"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("GR", "Greece"),
    ("HK", "Hong Kong"),
    ("IE", "Ireland"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("LU", "Luxembourg"),
    ("MX", "Mexico"),
    ("MC", "Monaco"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("SG", "Singapore"),
    ("KR", "South Korea"),
    ("ES", "Spain"),
    ("SE", "Sweden"),
    ("CH", "Switzerland"),
    ("AE", "United Arab Emirates"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
];

const KIND_OPTIONS: [(&str, &str); 2] = [("shipping", "Shipping"), ("billing", "Billing")];

const PAGE_PATH: &str = "/account/addresses";

fn country_name(code: &str) -> String {
    COUNTRY_OPTIONS
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, name)| name.to_string())
        .unwrap_or_else(|| code.to_string())
}

fn kind_name(kind: &str) -> &'static str {
    if kind == "billing" {
        "billing"
    } else {
        "shipping"
    }
}

/// "Ada Lovelace, 12 St James's Square, London": tells same-named buttons apart for
/// screen readers.
fn summary(address: &AddressView) -> String {
    format!(
        "{} {}, {}, {}",
        address.first_name, address.last_name, address.address_line1, address.city
    )
}

#[component]
pub fn AddressesPage() -> impl IntoView {
    let save = ServerAction::<SaveAddress>::new();
    let delete = ServerAction::<DeleteAddress>::new();
    let make_default = ServerAction::<SetDefaultAddress>::new();
    let query = use_query_map();
    let edit_id = Memo::new(move |_| query.read().get("edit").filter(|id| !id.is_empty()));

    // The user is checked first, so a signed-out visitor is redirected rather than
    // refused by the address functions. The list reloads after every change.
    let book = Resource::new(
        move || {
            (
                save.version().get(),
                delete.version().get(),
                make_default.version().get(),
            )
        },
        |_| async move {
            match current_user().await? {
                Some(_) => list_addresses().await.map(Some),
                None => Ok(None),
            }
        },
    );
    let editing = Resource::new(
        move || edit_id.get(),
        |id| async move {
            match (id, current_user().await?) {
                (Some(id), Some(_)) => get_address(id).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    let location = use_location();
    let sign_in = move || format!("/login?next={}", location.pathname.get_untracked());

    // One live region for the page's successes, one alert for failed list actions.
    let status = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<String>);
    let list_heading = NodeRef::<leptos::html::H2>::new();
    let focus_list = move || {
        request_animation_frame(move || {
            if let Some(heading) = list_heading.get_untracked() {
                let _ = heading.focus();
            }
        })
    };
    Effect::new(move |_| {
        if save.pending().get() || delete.pending().get() || make_default.pending().get() {
            status.set(None);
            action_error.set(None);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(SaveOutcome::Saved)) = save.value().get() {
            status.set(Some("Saved".to_string()));
        }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            status.set(Some("Address deleted.".to_string()));
            focus_list();
        }
        Some(Err(error)) => action_error.set(Some(error_message(&error))),
        None => {}
    });
    Effect::new(move |_| match make_default.value().get() {
        Some(Ok(())) => status.set(Some("Default address updated.".to_string())),
        Some(Err(error)) => action_error.set(Some(error_message(&error))),
        None => {}
    });

    view! {
        <Title text="Addresses" />
        <section class="account account--wide" aria-labelledby="addresses-title">
            <p class="eyebrow"><a href="/account">"Your account"</a></p>
            <h1 id="addresses-title">"Addresses"</h1>
            <SaveStatus message=status />
            <FormAlert message=action_error />
            <h2 id="saved-addresses-title" class="address-book__heading" tabindex="-1" node_ref=list_heading>
                "Saved addresses"
            </h2>
            <Transition fallback=|| view! { <p class="loading" aria-live="polite">"Loading your addresses…"</p> }>
                {move || Suspend::new(async move {
                    match book.await {
                        Ok(Some(list)) if list.is_empty() => {
                            view! {
                                <p class="address-book__empty">
                                    "You have no saved addresses yet. Add one below and it will be ready at checkout."
                                </p>
                            }
                                .into_any()
                        }
                        Ok(Some(list)) => {
                            view! {
                                <ul role="list" class="address-book__list" aria-labelledby="saved-addresses-title">
                                    {list
                                        .into_iter()
                                        .map(|address| view! { <AddressCard address delete make_default /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <Redirect path=sign_in() /> }.into_any(),
                        Err(error) => view! { <p role="alert">{error_message(&error)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <Suspense fallback=|| view! { <p class="loading" aria-live="polite">"Loading the address…"</p> }>
                {move || Suspend::new(async move {
                    match editing.await {
                        Ok(address) => view! { <AddressForm action=save address on_saved=focus_list /> }.into_any(),
                        Err(error) => {
                            view! {
                                <p role="alert">{error_message(&error)}</p>
                                <AddressForm action=save address=None on_saved=focus_list />
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AddressCard(
    address: AddressView,
    delete: ServerAction<DeleteAddress>,
    make_default: ServerAction<SetDefaultAddress>,
) -> impl IntoView {
    let summary = format!(" {}", summary(&address));
    let kind = kind_name(&address.kind);
    let edit_href = format!("{PAGE_PATH}?edit={}#address-form-title", address.id);
    let optional = |line: String| (!line.is_empty()).then(|| view! { <span>{line}</span> });
    let locality = format!("{} {}", address.postal_code, address.city);
    let id = address.id.clone();

    view! {
        <li class="address-card">
            <p class="address-card__tags">
                {if address.is_default {
                    view! {
                        <span class="address-card__tag address-card__tag--default">
                            {format!("Default {kind} address")}
                        </span>
                    }
                        .into_any()
                } else {
                    view! {
                        <span class="address-card__tag">
                            {if kind == "billing" { "Billing" } else { "Shipping" }}
                        </span>
                    }
                        .into_any()
                }}
            </p>
            <address class="address-card__lines">
                <span>{format!("{} {}", address.first_name, address.last_name)}</span>
                {optional(address.company)}
                <span>{address.address_line1}</span>
                {optional(address.address_line2)}
                <span>{locality}</span>
                {optional(address.state_province)}
                <span>{country_name(&address.country_code)}</span>
                {optional(address.phone)}
            </address>
            <div class="address-card__actions">
                <a class="text-link" href=edit_href>
                    "Edit"
                    <span class="visually-hidden">{summary.clone()}</span>
                </a>
                {(!address.is_default)
                    .then(|| {
                        let summary = summary.clone();
                        let id = id.clone();
                        view! {
                            <ActionForm action=make_default attr:class="address-card__form">
                                <input type="hidden" name="id" value=id />
                                <button type="submit" class="text-button" disabled=move || make_default.pending().get()>
                                    {format!("Make default {kind} address")}
                                    <span class="visually-hidden">{summary}</span>
                                </button>
                            </ActionForm>
                        }
                    })}
                <ActionForm action=delete attr:class="address-card__form">
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="text-button text-button--danger" disabled=move || delete.pending().get()>
                        "Delete"
                        <span class="visually-hidden">{summary}</span>
                    </button>
                </ActionForm>
            </div>
        </li>
    }
}

/// Adds an address, or edits `address`. After a successful save the form empties
/// (adding) or goes back to adding (editing).
#[component]
fn AddressForm<F>(
    action: ServerAction<SaveAddress>,
    address: Option<AddressView>,
    on_saved: F,
) -> impl IntoView
where
    F: Fn() + Copy + Send + Sync + 'static,
{
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
        "Edit address"
    } else {
        "Add an address"
    };

    view! {
        <section class="address-book__form" aria-labelledby="address-form-title">
            <h2 id="address-form-title" tabindex="-1" node_ref=heading>{title}</h2>
            <ActionForm action=action node_ref=form_ref attr:class="settings__form" attr:novalidate=true>
                <input type="hidden" name="id" value=address.id />
                <SelectField
                    label="Address type"
                    name="kind"
                    options=&KIND_OPTIONS
                    selected=address.kind
                    error=field_error(value, "kind")
                />
                <div class="settings__row">
                    <TextField
                        label="First name"
                        name="first_name"
                        value=address.first_name
                        autocomplete="given-name"
                        maxlength=100
                        error=field_error(value, "first_name")
                    />
                    <TextField
                        label="Last name"
                        name="last_name"
                        value=address.last_name
                        autocomplete="family-name"
                        maxlength=100
                        error=field_error(value, "last_name")
                    />
                </div>
                <TextField
                    label="Company (optional)"
                    name="company"
                    value=address.company
                    autocomplete="organization"
                    maxlength=100
                    error=field_error(value, "company")
                />
                <TextField
                    label="Street address"
                    name="address_line1"
                    value=address.address_line1
                    autocomplete="address-line1"
                    maxlength=255
                    error=field_error(value, "address_line1")
                />
                <TextField
                    label="Apartment, suite or floor (optional)"
                    name="address_line2"
                    value=address.address_line2
                    autocomplete="address-line2"
                    maxlength=255
                    error=field_error(value, "address_line2")
                />
                <div class="settings__row">
                    <TextField
                        label="Postcode"
                        name="postal_code"
                        value=address.postal_code
                        autocomplete="postal-code"
                        maxlength=20
                        error=field_error(value, "postal_code")
                    />
                    <TextField
                        label="Town or city"
                        name="city"
                        value=address.city
                        autocomplete="address-level2"
                        maxlength=100
                        error=field_error(value, "city")
                    />
                </div>
                <TextField
                    label="State, province or region (optional)"
                    name="state_province"
                    value=address.state_province
                    autocomplete="address-level1"
                    maxlength=100
                    error=field_error(value, "state_province")
                />
                <SelectField
                    label="Country"
                    name="country_code"
                    options=&COUNTRY_OPTIONS
                    selected=address.country_code
                    placeholder="Choose a country"
                    autocomplete="country"
                    error=field_error(value, "country_code")
                />
                <TextField
                    label="Phone (optional)"
                    name="phone"
                    value=address.phone
                    input_type="tel"
                    autocomplete="tel"
                    hint="For the courier, with the country code."
                    error=field_error(value, "phone")
                />
                <CheckboxField
                    label="Use as my default address of this type"
                    name="make_default"
                    checked=address.is_default
                    hint="Your first address of each type is the default anyway."
                />
                <FormAlert message=form_error(value) />
                <div class="settings__actions">
                    {editing.then(|| view! { <a class="button button--ghost" href=PAGE_PATH>"Cancel"</a> })}
                    <button type="submit" class="button button--primary" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { "Saving…" } else { "Save address" }}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use services::addresses::{COUNTRY_CODES, KINDS};

    #[test]
    fn the_choices_match_what_the_server_accepts() {
        let mut offered: Vec<_> = COUNTRY_OPTIONS.iter().map(|(code, _)| *code).collect();
        offered.sort_unstable();
        let mut accepted = COUNTRY_CODES.to_vec();
        accepted.sort_unstable();
        assert_eq!(offered, accepted);
        let kinds: Vec<_> = KIND_OPTIONS.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(kinds, KINDS);
    }

    #[test]
    fn countries_are_named_and_in_alphabetical_order() {
        assert_eq!(country_name("FR"), "France");
        assert_eq!(country_name("ZZ"), "ZZ");
        let names: Vec<_> = COUNTRY_OPTIONS.iter().map(|(_, name)| *name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }
}

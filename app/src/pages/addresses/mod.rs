//! The address book: saved shipping and billing addresses with edit, delete and "make
//! default", and one form that adds an address or edits the one named by `?edit=<id>`.
//! Every action is a plain form post, so the page also works before (or without) WASM.

mod form;

use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::sign_in_first::SignInFirst;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::account::{
    AddressView, DeleteAddress, SaveAddress, SaveOutcome, SetDefaultAddress, get_address,
    list_addresses,
};
use crate::api::auth::current_user;
use crate::components::errors::error_text;
use crate::components::form::FormAlert;
use crate::components::save_result::SaveStatus;
use crate::i18n::countries::country_name;
use crate::i18n::{use_i18n, use_locale};
use form::AddressForm;

const PAGE_PATH: &str = "/account/addresses";

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
    let text = &use_i18n().account;
    let save = ServerAction::<SaveAddress>::new();
    let delete = ServerAction::<DeleteAddress>::new();
    let make_default = ServerAction::<SetDefaultAddress>::new();
    let query = use_query_map();
    let edit_id = Memo::new(move |_| query.read().get("edit").filter(|id| !id.is_empty()));

    // The user is checked first, so a signed-out visitor is redirected rather than
    // refused by the address functions. The list reloads after every change.
    let book = page_resource(
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
    let editing = page_resource(
        move || edit_id.get(),
        |id| async move {
            match (id, current_user().await?) {
                (Some(id), Some(_)) => get_address(id).await.map(Some),
                _ => Ok(None),
            }
        },
    );

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
            status.set(Some(text.saved.to_string()));
        }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            status.set(Some(text.address_deleted.to_string()));
            focus_list();
        }
        Some(Err(error)) => action_error.set(Some(error_text(&error))),
        None => {}
    });
    Effect::new(move |_| match make_default.value().get() {
        Some(Ok(())) => status.set(Some(text.default_updated.to_string())),
        Some(Err(error)) => action_error.set(Some(error_text(&error))),
        None => {}
    });

    view! {
        <Title text=text.addresses />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main account-main--form" aria-labelledby="addresses-title">
                <p class="eyebrow"><a href="/account">{text.title}</a></p>
                <h1 id="addresses-title">{text.addresses}</h1>
                <SaveStatus message=status />
                <FormAlert message=action_error />
                <h2 id="saved-addresses-title" class="address-book__heading" tabindex="-1" node_ref=list_heading>
                    {text.saved_addresses}
                </h2>
                <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading_addresses}</p> }>
                    {move || Suspend::new(async move {
                        match book.await {
                            Ok(Some(list)) if list.is_empty() => {
                                view! { <p class="address-book__empty">{text.no_addresses}</p> }.into_any()
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
                            Ok(None) => view! { <SignInFirst /> }.into_any(),
                            Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                        }
                    })}
                </Transition>
                <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading_address}</p> }>
                    {move || Suspend::new(async move {
                        match editing.await {
                            Ok(address) => view! { <AddressForm action=save address on_saved=focus_list /> }.into_any(),
                            Err(error) => {
                                view! {
                                    <p role="alert">{error_text(&error)}</p>
                                    <AddressForm action=save address=None on_saved=focus_list />
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
            </section>
        </div>
    }
}

#[component]
fn AddressCard(
    address: AddressView,
    delete: ServerAction<DeleteAddress>,
    make_default: ServerAction<SetDefaultAddress>,
) -> impl IntoView {
    let text = &use_i18n().account;
    let locale = use_locale();
    let summary = format!(" {}", summary(&address));
    let billing = address.kind == "billing";
    let (default_label, make_default_label) = if billing {
        (text.default_billing, text.make_default_billing)
    } else {
        (text.default_shipping, text.make_default_shipping)
    };
    let edit_href = format!("{PAGE_PATH}?edit={}#address-form-title", address.id);
    let optional = |line: String| (!line.is_empty()).then(|| view! { <span>{line}</span> });
    let locality = format!("{} {}", address.postal_code, address.city);
    let id = address.id.clone();

    view! {
        <li class="address-card">
            <p class="address-card__tags">
                {if address.is_default {
                    view! {
                        <span class="address-card__tag address-card__tag--default">{default_label}</span>
                    }
                        .into_any()
                } else {
                    view! {
                        <span class="address-card__tag">{text.kind_name(&address.kind)}</span>
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
                <span>{country_name(&address.country_code, locale).to_string()}</span>
                {optional(address.phone)}
            </address>
            <div class="address-card__actions">
                <a class="text-link" href=edit_href>
                    {text.edit}
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
                                    {make_default_label}
                                    <span class="visually-hidden">{summary}</span>
                                </button>
                            </ActionForm>
                        }
                    })}
                <ActionForm action=delete attr:class="address-card__form">
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="text-button text-button--danger" disabled=move || delete.pending().get()>
                        {text.delete}
                        <span class="visually-hidden">{summary}</span>
                    </button>
                </ActionForm>
            </div>
        </li>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use services::addresses::KINDS;

    #[test]
    fn the_kinds_match_what_the_server_accepts() {
        for messages in [&crate::i18n::EN, &crate::i18n::FR, &crate::i18n::IT] {
            let kinds: Vec<_> = messages
                .account
                .kind_options
                .iter()
                .map(|(kind, _)| *kind)
                .collect();
            assert_eq!(kinds, KINDS);
        }
    }
}

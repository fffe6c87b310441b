//! The product page's "Add to bag" button: adds the chosen variant, announces the result
//! and hands the fresh bag to the header's drawer (`cart_drawer::CartState`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::cart::add_to_cart;
use crate::components::cart_drawer::CartState;
use crate::components::errors::error_text;
use crate::i18n::use_i18n;

/// "Add to bag" for the variant chosen on the product page.
#[component]
pub fn AddToBag(chosen_variant: RwSignal<Option<String>>, product_name: String) -> impl IntoView {
    let text = &use_i18n().cart;
    let state = CartState::get();
    let pending = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let name = StoredValue::new(product_name);
    let add = move |_| {
        message.set(None);
        problem.set(None);
        let Some(variant_id) = chosen_variant.get_untracked() else {
            problem.set(Some(text.choose_options.to_string()));
            return;
        };
        pending.set(true);
        spawn_local(async move {
            match add_to_cart(variant_id, 1).await {
                Ok(fresh) => {
                    if let Some(state) = state {
                        state.cart.set(Some(fresh));
                    }
                    message.set(Some((text.added)(&name.get_value())));
                }
                Err(error) => problem.set(Some(error_text(&error))),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="add-to-bag">
            <button type="button" class="button button--primary add-to-bag__button" disabled=move || pending.get() on:click=add>
                {move || if pending.get() { text.adding } else { text.add_to_bag }}
            </button>
            <p class="add-to-bag__status" role="status">{move || message.get()}</p>
            <p class="add-to-bag__error" role="alert">{move || problem.get()}</p>
        </div>
    }
}

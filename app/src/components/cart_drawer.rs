//! The bag everywhere: the header's bag link (a plain link to `/cart` without
//! JavaScript) that opens a drawer, the drawer itself (an accessible modal dialog with
//! a focus trap, Escape to close, quantity steppers, remove, subtotal and price-change
//! notices), and the announcements they make. The product page's button is `add_to_bag`.
//!
//! Changes in the drawer are optimistic: the line changes at once, and if the server
//! refuses, the bag goes back to what it was and the reason is announced.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::cart::{
    CartDto, CartLineDto, accept_cart_prices, cart, remove_from_cart, set_cart_quantity,
};
use crate::components::cart_line_notes::CartLineNotes;
use crate::components::errors::error_text;
use crate::i18n::{use_i18n, use_locale};

/// The shopper's bag as the whole page shares it.
#[derive(Clone, Copy)]
pub struct CartState {
    pub cart: RwSignal<Option<CartDto>>,
    pub open: RwSignal<bool>,
    /// A change is on its way to the server.
    pub pending: RwSignal<bool>,
    /// The last success, announced politely.
    pub status: RwSignal<Option<String>>,
    /// The last failure, announced at once.
    pub error: RwSignal<Option<String>>,
    /// What happened to the guest bag at sign-in.
    pub notices: RwSignal<Vec<String>>,
}

impl CartState {
    /// Puts the bag in context for the whole app (called once, in `App`).
    pub fn provide() {
        provide_context(CartState {
            cart: RwSignal::new(None),
            open: RwSignal::new(false),
            pending: RwSignal::new(false),
            status: RwSignal::new(None),
            error: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
        });
    }

    pub fn get() -> Option<CartState> {
        use_context::<CartState>()
    }

    /// Takes in the bag the server sent, keeping a merge report until dismissed.
    pub fn accept(self, fresh: CartDto) {
        if !fresh.notices.is_empty() {
            self.notices.set(fresh.notices.clone());
        }
        self.cart.set(Some(fresh));
    }

    /// Reloads the bag from the server (in the browser only).
    pub fn refresh(self) {
        spawn_local(async move {
            if let Ok(fresh) = cart().await {
                self.accept(fresh);
            }
        });
    }

    pub fn count(self) -> i32 {
        self.cart
            .with(|cart| cart.as_ref().map_or(0, |cart| cart.item_count))
    }

    /// Sets a line's quantity (0 removes it) at once, then on the server; rolls back
    /// with a message when the server refuses.
    pub fn change_quantity(self, item_id: String, quantity: i32, name: String) {
        let text = &use_i18n().cart;
        let before = self.cart.get_untracked();
        self.cart.update(|cart| {
            if let Some(cart) = cart {
                if quantity <= 0 {
                    cart.lines.retain(|line| line.item_id != item_id);
                } else if let Some(line) = cart.lines.iter_mut().find(|l| l.item_id == item_id) {
                    line.quantity = quantity;
                }
                cart.item_count = cart.lines.iter().map(|line| line.quantity).sum();
            }
        });
        self.pending.set(true);
        self.status.set(None);
        self.error.set(None);
        spawn_local(async move {
            let result = if quantity <= 0 {
                remove_from_cart(item_id).await
            } else {
                set_cart_quantity(item_id, quantity).await
            };
            match result {
                Ok(fresh) => {
                    self.cart.set(Some(fresh));
                    self.status.set(Some(if quantity <= 0 {
                        (text.removed)(&name)
                    } else {
                        text.updated.to_string()
                    }));
                }
                Err(error) => {
                    self.cart.set(before);
                    self.error
                        .set(Some((text.rolled_back)(&error_text(&error))));
                }
            }
            self.pending.set(false);
        });
    }
}

/// The header's bag: a link to `/cart` that opens the drawer once the page is live.
#[component]
pub fn CartButton() -> impl IntoView {
    let common = &use_i18n().common;
    let Some(state) = CartState::get() else {
        return view! {
            <a class="icon-button cart-link" href="/cart" aria-label=(common.bag)(0)>
                <BagIcon />
            </a>
        }
        .into_any();
    };
    let location = leptos_router::hooks::use_location();
    // The bag is read after every navigation, so the count follows sign-in and checkout.
    Effect::new(move |_| {
        location.pathname.track();
        state.refresh();
    });
    let button = NodeRef::<leptos::html::A>::new();
    let count = move || state.count();
    view! {
        <a
            class="icon-button cart-link"
            href="/cart"
            aria-label=move || (common.bag)(count().max(0) as u32)
            aria-haspopup="dialog"
            node_ref=button
            on:click=move |ev| {
                ev.prevent_default();
                state.open.set(true);
            }
        >
            <BagIcon />
            <span class="cart-link__count" aria-hidden="true" hidden=move || count() == 0>
                {count}
            </span>
        </a>
        <CartDrawer state return_focus=button />
        <CartAnnouncements state />
    }
    .into_any()
}

#[component]
fn BagIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 8h14l-1 13H6L5 8z" fill="none" stroke="currentColor" stroke-width="1.4" />
            <path d="M9 8V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.4" />
        </svg>
    }
}

/// Visible toasts for the bag's successes and failures, and the merge report.
#[component]
fn CartAnnouncements(state: CartState) -> impl IntoView {
    let text = &use_i18n().cart;
    view! {
        <div class="cart-toasts">
            <p class="cart-toast" role="status" hidden=move || state.status.with(Option::is_none)>
                {move || state.status.get()}
            </p>
            <p class="cart-toast cart-toast--error" role="alert" hidden=move || state.error.with(Option::is_none)>
                {move || state.error.get()}
            </p>
            <section
                class="cart-toast cart-notices"
                role="status"
                aria-labelledby="cart-notices-title"
                hidden=move || state.notices.with(Vec::is_empty)
            >
                <h2 id="cart-notices-title">{text.merge_heading}</h2>
                <MergeNotices notices=state.notices.into() />
                <button type="button" class="button button--ghost" on:click=move |_| state.notices.set(Vec::new())>
                    {text.dismiss}
                </button>
            </section>
        </div>
    }
}

/// The merge report as a list.
#[component]
pub fn MergeNotices(notices: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <ul class="cart-notices__list">
            {move || notices.get().into_iter().map(|notice| view! { <li>{notice}</li> }).collect_view()}
        </ul>
    }
}

/// The drawer: a modal dialog over the page.
#[component]
fn CartDrawer(state: CartState, return_focus: NodeRef<leptos::html::A>) -> impl IntoView {
    let text = &use_i18n().cart;
    let first = NodeRef::<leptos::html::Button>::new();
    let last = NodeRef::<leptos::html::A>::new();
    let close = move || {
        state.open.set(false);
        if let Some(button) = return_focus.get_untracked() {
            let _ = button.focus();
        }
    };
    // Opening moves focus into the dialog.
    Effect::new(move |_| {
        if state.open.get() {
            request_animation_frame(move || {
                if let Some(button) = first.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            close();
        } else if key == "Tab" {
            let active = document().active_element();
            let is = |element: Option<web_sys::HtmlElement>| match (&active, element) {
                (Some(active), Some(element)) => {
                    let element: &web_sys::Element = element.as_ref();
                    active == element
                }
                _ => false,
            };
            let first_el = first.get_untracked().map(|b| {
                let element: web_sys::HtmlElement = b.into();
                element
            });
            let last_el = last.get_untracked().map(|a| {
                let element: web_sys::HtmlElement = a.into();
                element
            });
            if ev.shift_key() && is(first_el.clone()) {
                ev.prevent_default();
                if let Some(last) = last_el {
                    let _ = last.focus();
                }
            } else if !ev.shift_key() && is(last_el) {
                ev.prevent_default();
                if let Some(first) = first_el {
                    let _ = first.focus();
                }
            }
        }
    };

    view! {
        <Show when=move || state.open.get()>
            <div class="cart-drawer__backdrop" on:click=move |_| close()></div>
            <div
                class="cart-drawer"
                role="dialog"
                aria-modal="true"
                aria-labelledby="cart-drawer-title"
                on:keydown=on_keydown
            >
                <header class="cart-drawer__header">
                    <h2 id="cart-drawer-title">{text.title}</h2>
                    <button type="button" class="button button--ghost" node_ref=first on:click=move |_| close()>
                        {text.close}
                    </button>
                </header>
                {move || match state.cart.get() {
                    None => view! { <p class="loading">{text.loading}</p> }.into_any(),
                    Some(bag) if bag.lines.is_empty() => view! { <p class="cart-drawer__empty">{text.empty}</p> }.into_any(),
                    Some(bag) => view! { <DrawerBag bag state /> }.into_any(),
                }}
                <footer class="cart-drawer__footer">
                    <a class="button button--primary" href="/checkout" on:click=move |_| state.open.set(false)>
                        {text.checkout}
                    </a>
                    <a class="button button--ghost" href="/cart" node_ref=last on:click=move |_| state.open.set(false)>
                        {text.view_bag}
                    </a>
                </footer>
            </div>
        </Show>
    }
}

#[component]
fn DrawerBag(bag: CartDto, state: CartState) -> impl IntoView {
    let text = &use_i18n().cart;
    let subtotal = bag.subtotal.format(use_locale());
    let has_changes = bag.has_price_changes;
    let accept = move |_| {
        state.pending.set(true);
        spawn_local(async move {
            match accept_cart_prices().await {
                Ok(fresh) => state.cart.set(Some(fresh)),
                Err(error) => state.error.set(Some(error_text(&error))),
            }
            state.pending.set(false);
        });
    };
    view! {
        <ul role="list" class="cart-lines">
            {bag.lines.into_iter().map(|line| view! { <DrawerLine line state /> }).collect_view()}
        </ul>
        {has_changes.then(|| view! {
            <button type="button" class="button button--ghost" on:click=accept>{text.accept_prices}</button>
        })}
        <p class="cart-subtotal">
            <span>{text.subtotal}</span>
            <span data-testid="drawer-subtotal">
                {move || if state.pending.get() { text.updating.to_string() } else { subtotal.clone() }}
            </span>
        </p>
        <p class="cart-note">{text.shipping_note}</p>
    }
}

#[component]
fn DrawerLine(line: CartLineDto, state: CartState) -> impl IntoView {
    let text = &use_i18n().cart;
    let locale = use_locale();
    let name = match &line.variant_title {
        Some(title) => format!("{} ({title})", line.product_name),
        None => line.product_name.clone(),
    };
    let quantity = line.quantity;
    let (id_less, id_more, id_remove) = (
        line.item_id.clone(),
        line.item_id.clone(),
        line.item_id.clone(),
    );
    let (name_less, name_more, name_remove) = (name.clone(), name.clone(), name.clone());
    view! {
        <li class="cart-line">
            <div class="cart-line__info">
                <a href=format!("/products/{}", line.product_slug)>{line.product_name.clone()}</a>
                {line.variant_title.clone().map(|title| view! { <span class="cart-line__variant">{title}</span> })}
                <span class="cart-line__each">{(text.each)(&line.unit_price.format(locale))}</span>
                <CartLineNotes line=line.clone() alert=true />
            </div>
            <div class="cart-line__controls">
                <div class="stepper" role="group" aria-label=(text.quantity_of)(&name)>
                    <button
                        type="button"
                        aria-label=(text.decrease)(&name)
                        on:click=move |_| state.change_quantity(id_less.clone(), quantity - 1, name_less.clone())
                    >
                        "−"
                    </button>
                    <span class="stepper__value" aria-live="polite">{quantity}</span>
                    <button
                        type="button"
                        aria-label=(text.increase)(&name)
                        on:click=move |_| state.change_quantity(id_more.clone(), quantity + 1, name_more.clone())
                    >
                        "+"
                    </button>
                </div>
                <button
                    type="button"
                    class="cart-line__remove"
                    aria-label=(text.remove_item)(&name)
                    on:click=move |_| state.change_quantity(id_remove.clone(), 0, name_remove.clone())
                >
                    {text.remove}
                </button>
                <span class="cart-line__total">{line.line_total.format(locale)}</span>
            </div>
        </li>
    }
}

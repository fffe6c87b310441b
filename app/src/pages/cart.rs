//! The bag page at `/cart`. Every change is a plain form post to a server function, so
//! the page works before (or without) JavaScript; with it, the forms post in place and
//! the header's bag follows.

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::cart::{
    AcceptCartPrices, ApplyCoupon, CartLineDto, CouponOutcome, RemoveCoupon, RemoveFromCart,
    SetCartQuantity, cart,
};
use crate::components::cart_drawer::{CartState, MergeNotices};
use crate::components::cart_line_notes::CartLineNotes;
use crate::components::errors::error_text;
use crate::i18n::{use_i18n, use_locale};

#[component]
pub fn CartPage() -> impl IntoView {
    let text = &use_i18n().cart;
    let set_quantity = ServerAction::<SetCartQuantity>::new();
    let remove = ServerAction::<RemoveFromCart>::new();
    let accept = ServerAction::<AcceptCartPrices>::new();
    let coupon = ServerAction::<ApplyCoupon>::new();
    let drop_coupon = ServerAction::<RemoveCoupon>::new();
    let bag = page_resource(
        move || {
            (
                set_quantity.version().get(),
                remove.version().get(),
                accept.version().get(),
                coupon.version().get(),
                drop_coupon.version().get(),
            )
        },
        |_| cart(),
    );
    // The header's count follows every change made here.
    let state = CartState::get();
    Effect::new(move |_| {
        if let Some(Ok(fresh)) = bag.get()
            && let Some(state) = state
        {
            state.accept(fresh);
        }
    });
    let failure = Signal::derive(move || {
        [
            set_quantity.value().get().and_then(|r| r.err()),
            remove.value().get().and_then(|r| r.err()),
            accept.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|error| error_text(&error))
    });
    let locale = use_locale();
    let coupon_message = Signal::derive(move || match coupon.value().get() {
        Some(Ok(CouponOutcome::Rejected { refusal, .. })) => {
            Some((false, crate::components::errors::refusal_words(&refusal)))
        }
        Some(Ok(CouponOutcome::Applied { code, discount, .. })) => {
            Some((true, (text.coupon_applied)(&code, &discount.format(locale))))
        }
        Some(Err(error)) => Some((false, error_text(&error))),
        None => None,
    });

    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <section class="cart-page" aria-labelledby="cart-title">
            <h1 id="cart-title">{text.title}</h1>
            <p class="form-alert" role="alert" class:form-alert--shown=move || failure.get().is_some()>
                {move || failure.get()}
            </p>
            <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match bag.await {
                        Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                        Ok(bag) if bag.lines.is_empty() => {
                            view! {
                                <p class="cart-page__empty">{text.empty}</p>
                                <a class="button button--primary" href="/products">{text.continue_shopping}</a>
                            }
                                .into_any()
                        }
                        Ok(bag) => {
                            let notices = bag.notices.clone();
                            let code_value = bag.coupon_code.clone().unwrap_or_default();
                            view! {
                                {(!notices.is_empty()).then(|| view! {
                                    <section class="cart-notices" role="status" aria-labelledby="cart-page-notices">
                                        <h2 id="cart-page-notices">{text.merge_heading}</h2>
                                        <MergeNotices notices=Signal::stored(notices.clone()) />
                                    </section>
                                })}
                                <ul role="list" class="cart-lines cart-lines--page">
                                    {bag.lines.clone().into_iter().map(|line| view! { <PageLine line set_quantity remove /> }).collect_view()}
                                </ul>
                                {bag.has_price_changes.then(|| view! {
                                    <ActionForm action=accept attr:class="cart-page__accept">
                                        <button type="submit" class="button button--ghost">{text.accept_prices}</button>
                                    </ActionForm>
                                })}
                                <div class="cart-page__summary">
                                    <ActionForm action=coupon attr:class="cart-coupon" attr:novalidate=true>
                                        <div class="field">
                                            <label for="cart-coupon-code">{text.coupon}</label>
                                            <input id="cart-coupon-code" name="code" type="text" autocomplete="off"
                                                value=code_value.clone() />
                                        </div>
                                        <button type="submit" class="button button--ghost">{text.apply}</button>
                                    </ActionForm>
                                    {move || coupon_message.get().map(|(ok, message)| if ok {
                                        view! { <p class="cart-coupon__ok" role="status">{message}</p> }.into_any()
                                    } else {
                                        view! { <p class="cart-coupon__error" role="alert">{message}</p> }.into_any()
                                    })}
                                    {bag.coupon_code.clone().map(|code| view! {
                                        <ActionForm action=drop_coupon attr:class="cart-coupon__remove">
                                            <span class="cart-coupon__code">{code}</span>
                                            <button type="submit" class="button button--ghost">{text.remove_coupon}</button>
                                        </ActionForm>
                                    })}
                                    <p class="cart-subtotal">
                                        <span>{text.subtotal}</span>
                                        <span data-testid="cart-subtotal">{bag.subtotal.format(locale)}</span>
                                    </p>
                                    <p class="cart-note">{text.shipping_note}</p>
                                    <a class="button button--primary" href="/checkout">{text.checkout}</a>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PageLine(
    line: CartLineDto,
    set_quantity: ServerAction<SetCartQuantity>,
    remove: ServerAction<RemoveFromCart>,
) -> impl IntoView {
    let text = &use_i18n().cart;
    let locale = use_locale();
    let name = match &line.variant_title {
        Some(title) => format!("{} ({title})", line.product_name),
        None => line.product_name.clone(),
    };
    let input_id = format!("quantity-{}", line.item_id);
    let quantity_label = (text.quantity_of)(&name);
    let remove_label = (text.remove_item)(&name);
    let (quantity_item, remove_item) = (line.item_id.clone(), line.item_id.clone());
    view! {
        <li class="cart-line">
            <div class="cart-line__info">
                <a href=format!("/products/{}", line.product_slug)>{line.product_name.clone()}</a>
                {line.variant_title.clone().map(|title| view! { <span class="cart-line__variant">{title}</span> })}
                <span class="cart-line__each">{(text.each)(&line.unit_price.format(locale))}</span>
                <CartLineNotes line=line.clone() />
            </div>
            <div class="cart-line__controls">
                <ActionForm action=set_quantity attr:class="cart-line__quantity">
                    <input type="hidden" name="item_id" value=quantity_item.clone() />
                    <label for=input_id.clone() class="visually-hidden">{quantity_label.clone()}</label>
                    <input id=input_id.clone() type="number" name="quantity" min="0" max="99" value=line.quantity />
                    <button type="submit" class="button button--ghost">{text.update}</button>
                </ActionForm>
                <ActionForm action=remove attr:class="cart-line__remove-form">
                    <input type="hidden" name="item_id" value=remove_item.clone() />
                    <button type="submit" class="cart-line__remove" aria-label=remove_label.clone()>
                        {text.remove}
                    </button>
                </ActionForm>
                <span class="cart-line__total">{line.line_total.format(locale)}</span>
            </div>
        </li>
    }
}

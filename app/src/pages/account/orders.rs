//! `/account/orders`: the shopper's orders, newest first, ten at a time, filtered by
//! `?status=` and paged by `?after=` (the server's keyset cursor). The filter is a plain
//! GET form and the pages plain links, so the list works before (or without) WASM.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::account::orders::{OrderFilter, OrderPageDto, list_orders};
use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::errors::error_text;
use crate::components::order_card::OrderCard;
use crate::components::sign_in_first::SignInFirst;
use crate::i18n::orders::orders_text;
use domain::Refusal;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let text = orders_text();
    let query = use_query_map();
    let status = Memo::new(move |_| query.read().get("status").unwrap_or_default());
    let after = Memo::new(move |_| query.read().get("after").unwrap_or_default());
    let page = page_resource(
        move || (status.get(), after.get()),
        |(status, after)| list_orders(status, after),
    );

    view! {
        <Title text=text.title />
        <Meta name="robots" content="noindex" />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main" aria-labelledby="orders-title">
                <h1 id="orders-title">{text.title}</h1>
                <FilterForm status />
                <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok(page) => view! { <OrderList page status=status.get_untracked() /> }.into_any(),
                            Err(error) if error.refusal == Refusal::SignInRequired => {
                                view! { <SignInFirst /> }.into_any()
                            }
                            Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

/// The status filter: a GET form (the router handles it as a navigation once hydrated).
#[component]
fn FilterForm(status: Memo<String>) -> impl IntoView {
    let text = orders_text();
    view! {
        <form class="orders__filter" method="get" action="/account/orders">
            <label for="orders-status">{text.filter_label}</label>
            <select id="orders-status" name="status">
                <option value="" selected=move || status.get().is_empty()>{text.filter_all}</option>
                {OrderFilter::ALL
                    .into_iter()
                    .map(|filter| {
                        view! {
                            <option value=filter.code() selected=move || status.get() == filter.code()>
                                {(text.filters)(filter)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button button--ghost orders__apply">{text.filter_apply}</button>
        </form>
    }
}

#[component]
fn OrderList(page: OrderPageDto, status: String) -> impl IntoView {
    let text = orders_text();
    if page.orders.is_empty() {
        return if page.any_orders {
            view! { <p class="orders__empty">{text.empty_filter}</p> }.into_any()
        } else {
            view! {
                <div class="orders__empty">
                    <p>{text.empty}</p>
                    <a class="button button--primary" href="/products">{text.empty_call}</a>
                </div>
            }
            .into_any()
        };
    }
    let status_param = if status.is_empty() {
        String::new()
    } else {
        format!("status={status}&")
    };
    let older = page
        .next
        .map(|next| format!("/account/orders?{status_param}after={next}"));
    view! {
        <ol role="list" class="orders__list">
            {page.orders.into_iter().map(|order| view! { <OrderCard order /> }).collect_view()}
        </ol>
        <nav class="orders__pages" aria-label=text.title>
            {older.map(|href| view! { <a class="button button--ghost" href=href rel="next">{text.older}</a> })}
        </nav>
    }
    .into_any()
}

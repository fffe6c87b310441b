//! The account area. Signed-out visitors are sent to sign in and brought back.
//!
//! `/account` itself is the overview: the latest orders, the membership tier, the points
//! balance and how many pieces are saved and messages unread, each a way into its
//! section.

pub mod notifications;
pub mod order;
pub mod orders;
pub mod preferences;
pub mod wishlist;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::account::overview::{AccountOverviewDto, account_overview};
use crate::api::page_data::page_resource;
use crate::components::account_nav::AccountNav;
use crate::components::errors::error_text;
use crate::components::for_you::{ForYouData, ForYouRow, for_you_row};
use crate::components::order_card::OrderCard;
use crate::components::sign_in_first::SignInFirst;
use crate::i18n::overview::overview_text;
use crate::pages::auth::SignOutButton;
use domain::Refusal;

#[component]
pub fn AccountPage() -> impl IntoView {
    let text = overview_text();
    let overview = page_resource(|| (), |_| account_overview());
    let for_you = for_you_row(Signal::default());

    view! {
        <Title text=text.title />
        <Meta name="robots" content="noindex" />
        <div class="account-layout">
            <AccountNav />
            <section class="account-main" aria-labelledby="account-title">
                <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                    {move || Suspend::new(async move {
                        match overview.await {
                            Ok(overview) => view! { <Overview overview for_you /> }.into_any(),
                            Err(error) if error.refusal == Refusal::SignInRequired => {
                                view! { <SignInFirst /> }.into_any()
                            }
                            Err(error) => {
                                view! {
                                    <h1 id="account-title">{text.title}</h1>
                                    <p role="alert">{error_text(&error)}</p>
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
fn Overview(overview: AccountOverviewDto, for_you: ForYouData) -> impl IntoView {
    let text = overview_text();
    view! {
        <p class="eyebrow">{text.title}</p>
        <h1 id="account-title">{(text.welcome)(&overview.name)}</h1>
        <p class="account__email">{overview.email.clone()}</p>
        <ul role="list" class="account-tiles">
            <Tile
                heading=text.membership
                value=(text.tier)(overview.tier).to_string()
                detail=overview.tier_renews.as_deref().map(text.renews).unwrap_or_default()
                href="/membership"
                call=text.membership_call
            />
            <Tile
                heading=text.points
                value=(text.points_value)(overview.points)
                detail=text.points_hint.to_string()
                href="/account/orders"
                call=text.all_orders
            />
            <Tile
                heading=text.wishlist
                value=(text.saved)(overview.saved_pieces)
                detail=String::new()
                href="/account/wishlist"
                call=text.wishlist_call
            />
            <Tile
                heading=text.notifications
                value=(text.unread)(overview.unread)
                detail=String::new()
                href="/account/notifications"
                call=text.notifications_call
            />
        </ul>
        <RecentOrders overview />
        <ForYouRow row=for_you />
        <SignOutButton />
    }
}

/// One figure of the overview with the way into its section.
#[component]
fn Tile(
    heading: &'static str,
    value: String,
    detail: String,
    href: &'static str,
    call: &'static str,
) -> impl IntoView {
    view! {
        <li class="account-tile">
            <h2 class="account-tile__heading">{heading}</h2>
            <p class="account-tile__value">{value}</p>
            {(!detail.is_empty()).then(|| view! { <p class="account-tile__detail">{detail}</p> })}
            <a class="text-link account-tile__link" href=href>{call}</a>
        </li>
    }
}

#[component]
fn RecentOrders(overview: AccountOverviewDto) -> impl IntoView {
    let text = overview_text();
    view! {
        <section class="account-recent" aria-labelledby="recent-orders-title">
            <div class="account-recent__head">
                <h2 id="recent-orders-title">{text.recent_orders}</h2>
                {overview
                    .any_orders
                    .then(|| view! { <a class="text-link" href="/account/orders">{text.all_orders}</a> })}
            </div>
            {if overview.recent_orders.is_empty() {
                view! {
                    <div class="orders__empty">
                        <p>{text.no_orders}</p>
                        <a class="button button--primary" href="/products">{text.discover}</a>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <ol role="list" class="orders__list">
                        {overview
                            .recent_orders
                            .into_iter()
                            .map(|order| view! { <OrderCard order /> })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}

//! English.

use domain::read::account::Tier;

use super::{OverviewText, grouped};

pub static EN: OverviewText = OverviewText {
    title: "Your account",
    welcome: |name| format!("Welcome, {name}"),
    loading: "Loading your account…",
    load_failed: "We could not load your account. Please try again.",
    recent_orders: "Recent orders",
    all_orders: "All orders",
    no_orders: "You have not placed an order yet.",
    discover: "Discover the collection",
    membership: "Membership",
    tier: |tier| match tier {
        Tier::Pearl => "Pearl",
        Tier::Sapphire => "Sapphire",
        Tier::Diamond => "Diamond",
        Tier::Obsidian => "Obsidian",
    },
    renews: |date| format!("Renews on {date}"),
    membership_call: "Compare the tiers",
    points: "Loyalty points",
    points_value: |n| {
        if n == 1 {
            "1 point".into()
        } else {
            format!("{} points", grouped(n, ","))
        }
    },
    points_hint: "Earned on every paid order.",
    wishlist: "Wishlist",
    saved: |n| match n {
        0 => "Nothing saved yet".into(),
        1 => "1 piece saved".into(),
        n => format!("{n} pieces saved"),
    },
    wishlist_call: "Open your wishlist",
    notifications: "Notifications",
    unread: |n| match n {
        0 => "You are all caught up".into(),
        1 => "1 unread".into(),
        n => format!("{n} unread"),
    },
    notifications_call: "Read your notifications",
};

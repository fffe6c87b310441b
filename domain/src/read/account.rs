//! The account's home page: what the shopper sees first after signing in.

use serde::{Deserialize, Serialize};

use crate::read::orders::OrderCardDto;

/// A membership tier (one per `MembershipTier`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tier {
    Pearl,
    Sapphire,
    Diamond,
    Obsidian,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountOverviewDto {
    pub name: String,
    pub email: String,
    /// The latest orders, newest first (at most three).
    pub recent_orders: Vec<OrderCardDto>,
    pub any_orders: bool,
    pub points: i32,
    pub tier: Tier,
    /// When a paid tier runs out, worded in the shopper's language.
    pub tier_renews: Option<String>,
    pub saved_pieces: u64,
    pub unread: u64,
}

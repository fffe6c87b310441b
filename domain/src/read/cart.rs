//! The bag as the drawer and the bag page show it, as the server sends it: lines with
//! their current prices as `Money`, price changes, problems as `Refusal` codes.

use serde::{Deserialize, Serialize};

use crate::{Money, Refusal};

/// A price that moved since the line was added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceChangeDto {
    pub old: Money,
    pub new: Money,
}

/// One line of the bag as the drawer and the bag page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLineDto {
    pub item_id: String,
    pub variant_id: String,
    pub product_name: String,
    pub product_slug: String,
    pub variant_title: Option<String>,
    pub quantity: i32,
    /// The current price of one unit.
    pub unit_price: Money,
    pub line_total: Money,
    /// Set when the price changed since the line was added.
    pub price_change: Option<PriceChangeDto>,
    /// Why the line cannot be bought as it is.
    pub problem: Option<Refusal>,
    pub available: i32,
}

/// The bag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartDto {
    pub lines: Vec<CartLineDto>,
    /// At current prices.
    pub subtotal: Money,
    pub item_count: i32,
    pub coupon_code: Option<String>,
    pub has_price_changes: bool,
    pub ready_for_checkout: bool,
    /// What happened to the guest bag at sign-in (shown once), in the shopper's words.
    pub notices: Vec<String>,
}

/// What applying a promo code came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CouponOutcome {
    Applied {
        code: String,
        /// The discount on the bag as it is now.
        discount: Money,
        cart: CartDto,
    },
    /// The exact reason the code does not apply, and its wording in the shopper's language.
    Rejected { refusal: Refusal, message: String },
}

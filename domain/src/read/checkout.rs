//! What the checkout and the confirmation page show, as the server sends it: delivery
//! options, priced lines, totals as `Money`, the saved addresses offered, the order placed.

use serde::{Deserialize, Serialize};

use crate::{FieldError, Money, Refusal};

/// A delivery option for the chosen country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOptionDto {
    pub code: String,
    pub name: String,
    /// The fee for this bag (zero when over the free threshold).
    pub fee: Money,
    pub min_days: u32,
    pub max_days: u32,
}

/// One priced line of the checkout summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLineDto {
    pub product_name: String,
    pub variant_title: Option<String>,
    pub quantity: i32,
    pub line_total: Money,
}

/// Subtotal, discount, delivery, tax and total: the checkout's and the confirmation's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalsDto {
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
}

/// The checkout's totals, recomputed on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteDto {
    pub lines: Vec<SummaryLineDto>,
    pub totals: TotalsDto,
    pub coupon_code: Option<String>,
    /// Why the bag's code no longer applies (it is then left out of the totals).
    pub coupon_error: Option<Refusal>,
    pub shipping_options: Vec<ShippingOptionDto>,
    pub shipping_method: Option<String>,
}

/// A saved address offered at checkout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAddressDto {
    pub id: String,
    pub summary: String,
    pub country_code: String,
    pub is_default: bool,
}

/// What the checkout page starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutContext {
    pub signed_in: bool,
    /// The account's email for shoppers, empty for guests.
    pub email: String,
    pub addresses: Vec<SavedAddressDto>,
    /// Whether the test card form is offered (test keys or the local Stripe fake).
    pub test_payments: bool,
}

/// Contact and delivery details as the checkout form sends them. Empty strings are
/// "not given"; `address_id` picks a saved address instead of the typed one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryDetails {
    pub email: String,
    pub address_id: String,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    pub phone: String,
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country_code: String,
}

/// What placing the order came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceOutcome {
    Placed {
        order_number: String,
        total: Money,
    },
    /// Field-level (`email`, address fields, `shipping_method`, `coupon`) or form-level
    /// refusals.
    Refused(Vec<FieldError>),
}

/// The confirmation page's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummaryDto {
    pub order_number: String,
    pub email: String,
    pub paid: bool,
    pub lines: Vec<SummaryLineDto>,
    pub totals: TotalsDto,
    pub address: Vec<String>,
}

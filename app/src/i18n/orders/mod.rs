//! The account's orders: the list, one order with its timeline and receipt, cancelling
//! and buying again.
//!
//! Unlike the areas in [`super::Messages`], this text is read through [`orders_text`]
//! by the order pages alone, so it travels in their lazily loaded chunks rather than in
//! the first page's bundle.

use domain::read::orders::{
    OrderFilter, OrderState, PaymentState, ReturnCondition, ReturnReason, TimelineEvent,
};

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::EN;
pub use fr::FR;
pub use it::IT;

pub struct OrdersText {
    pub title: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub empty: &'static str,
    pub empty_call: &'static str,
    pub empty_filter: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub filter_apply: &'static str,
    pub placed_on: &'static str,
    pub pieces: fn(i32) -> String,
    pub total: &'static str,
    /// Followed by the order number (visually hidden).
    pub view_order: &'static str,
    pub older: &'static str,
    pub newest: &'static str,

    // One order.
    pub all_orders: &'static str,
    pub order_heading: fn(&str) -> String,
    pub status: &'static str,
    pub payment: &'static str,
    pub confirmation_sent_to: &'static str,
    pub pieces_heading: &'static str,
    pub quantity: fn(i32) -> String,
    pub each: &'static str,
    pub returned: fn(i32) -> String,
    pub refunded_units: fn(i32) -> String,
    pub subtotal: &'static str,
    pub discount: &'static str,
    pub delivery: &'static str,
    pub tax: &'static str,
    pub refunded: &'static str,
    pub delivery_heading: &'static str,
    pub method: &'static str,
    pub carrier: &'static str,
    pub tracking: &'static str,
    pub expected: &'static str,
    pub delivered_on: &'static str,
    pub timeline_heading: &'static str,
    pub print: &'static str,
    pub receipt: &'static str,
    pub buy_again: &'static str,
    pub buying_again: &'static str,
    pub added_to_bag: fn(usize) -> String,
    pub not_added: &'static str,
    pub cancel: &'static str,
    pub cancel_question: &'static str,
    pub cancel_paid_hint: &'static str,
    pub cancel_confirm: &'static str,
    pub keep_order: &'static str,
    pub cancelling: &'static str,
    pub cancelled: &'static str,
    pub cancelled_refund: fn(&str) -> String,
    pub not_found: &'static str,
    pub states: fn(OrderState) -> &'static str,
    pub filters: fn(OrderFilter) -> &'static str,
    pub payments: fn(PaymentState) -> &'static str,
    /// A timeline step, with its amount already formatted.
    pub event: fn(&TimelineEvent, &str) -> String,

    // Returns.
    pub returns_heading: &'static str,
    /// The window is open until the (worded) day.
    pub returns_open: fn(&str, i64) -> String,
    pub returns_closed: fn(&str, i64) -> String,
    pub returns_intro: &'static str,
    pub return_quantity: &'static str,
    pub return_reason: &'static str,
    pub return_condition: &'static str,
    pub choose: &'static str,
    pub reasons: fn(ReturnReason) -> &'static str,
    pub conditions: fn(ReturnCondition) -> &'static str,
    pub final_sale: &'static str,
    /// "Review <piece>", a link from a paid order's line to its review page.
    pub review_piece: fn(&str) -> String,
    pub return_requested_units: fn(i32) -> String,
    pub expected_refund: &'static str,
    pub expected_refund_hint: &'static str,
    pub request_return: &'static str,
    pub requesting_return: &'static str,
    pub return_requested: &'static str,
}

/// The order pages' text in the page's language.
pub fn orders_text() -> &'static OrdersText {
    in_page_language([&EN, &FR, &IT])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_the_orders_itself() {
        for other in [&FR, &IT] {
            assert_ne!(EN.title, other.title);
            assert_ne!(EN.cancel, other.cancel);
            assert_ne!(
                (EN.states)(OrderState::Shipped),
                (other.states)(OrderState::Shipped)
            );
            assert_ne!((EN.pieces)(2), (other.pieces)(2));
        }
        assert_eq!((FR.pieces)(1), "1 pièce");
        assert_eq!((IT.order_heading)("LV-1"), "Ordine LV-1");
    }
}

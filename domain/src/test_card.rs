//! Stripe's test cards, offered by the payment step in test mode.

use serde::{Deserialize, Serialize};

/// Stripe's test payment methods offered by the test card form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestCard {
    /// `pm_card_visa`: succeeds.
    Visa,
    /// `pm_card_chargeDeclined`: declined (`card_declined` / `generic_decline`).
    Declined,
    /// `pm_card_chargeDeclinedInsufficientFunds`: declined (`insufficient_funds`).
    InsufficientFunds,
}

impl TestCard {
    pub const ALL: [TestCard; 3] = [
        TestCard::Visa,
        TestCard::Declined,
        TestCard::InsufficientFunds,
    ];

    /// Stripe's id of the test payment method.
    pub fn payment_method(self) -> &'static str {
        match self {
            TestCard::Visa => "pm_card_visa",
            TestCard::Declined => "pm_card_chargeDeclined",
            TestCard::InsufficientFunds => "pm_card_chargeDeclinedInsufficientFunds",
        }
    }

    /// The card number Stripe documents for it (shown on the test card form).
    pub fn number(self) -> &'static str {
        match self {
            TestCard::Visa => "4242 4242 4242 4242",
            TestCard::Declined => "4000 0000 0000 0002",
            TestCard::InsufficientFunds => "4000 0000 0000 9995",
        }
    }
}

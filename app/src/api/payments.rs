//! Paying for an order, as server functions for the checkout's payment step.
//!
//! With Stripe, the browser confirms the PaymentIntent itself (Stripe.js and the
//! `client_secret` from [`start_payment`]). Stripe.js cannot load offline, so in test mode
//! (test keys, or the local Stripe fake) the page offers Stripe's test cards instead and
//! [`confirm_payment`] confirms through the server's own async-stripe client: the same
//! client, the same Stripe API calls and the same signed webhook move the order, so the
//! dev and end-to-end flow runs the production code path end to end.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;

pub use domain::test_card::TestCard;

/// What the payment step needs to take the payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentStart {
    pub order_number: String,
    /// For Stripe.js' `confirmPayment`.
    pub client_secret: Option<String>,
    /// In minor units (cents).
    pub amount_minor: i64,
    /// Lowercase ISO code.
    pub currency: String,
    /// Test keys (or the local fake): offer the test card form.
    pub test_mode: bool,
}

/// How confirming went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentResult {
    /// Paid: the confirmation page follows (the order moves when Stripe's event arrives).
    Succeeded,
    /// Still with the bank: the confirmation page shows it as processing.
    Processing,
    /// The card was declined: why, for the shopper (`Refusal::CardDeclined`).
    Declined { refusal: domain::Refusal },
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::ApiError;
    use crate::api::context::Ctx;
    use domain::Refusal;
    use entities::orders;

    /// The caller's order by number; someone else's order looks like a missing one.
    pub async fn own_order(order_number: &str) -> Result<(Ctx, orders::Model), ApiError> {
        let ctx = Ctx::load().await?;
        let not_found = || ApiError::new(Refusal::OrderNotFound);
        let user = ctx.session_user().ok_or_else(not_found)?;
        let order = services::orders::find_owned(&ctx.services.db, user.id, order_number)
            .await?
            .ok_or_else(not_found)?;
        Ok((ctx, order))
    }
}

/// Creates (or returns) the order's PaymentIntent. Only the order's owner (shopper or
/// guest session) may pay for it.
#[server(endpoint = "payments/start")]
pub async fn start_payment(order_number: String) -> Result<PaymentStart, ApiError> {
    use services::payments;
    let (ctx, order) = server::own_order(&order_number).await?;
    let services = &ctx.services;
    let intent =
        payments::create_payment_intent(&services.db, &services.payments, order.id).await?;
    Ok(PaymentStart {
        order_number: order.order_number,
        client_secret: intent.client_secret,
        amount_minor: intent.amount_minor,
        currency: intent.currency,
        test_mode: services.payments.test_mode(),
    })
}

/// Confirms the order's payment with one of Stripe's test cards (test mode only).
#[server(endpoint = "payments/confirm")]
pub async fn confirm_payment(
    order_number: String,
    card: TestCard,
) -> Result<PaymentResult, ApiError> {
    use services::payments::{self, PaymentError};
    let (ctx, order) = server::own_order(&order_number).await?;
    let services = &ctx.services;
    if !services.payments.test_mode() {
        return Err(ApiError::new(domain::Refusal::TestCardsOnly));
    }
    if payments::order_intent(&services.db, order.id)
        .await?
        .is_none()
    {
        payments::create_payment_intent(&services.db, &services.payments, order.id).await?;
    }
    match payments::confirm_payment(
        &services.db,
        &services.payments,
        order.id,
        card.payment_method(),
    )
    .await
    {
        Ok(intent) if intent.status == "succeeded" => Ok(PaymentResult::Succeeded),
        Ok(_) => Ok(PaymentResult::Processing),
        Err(error @ PaymentError::CardDeclined { .. }) => Ok(PaymentResult::Declined {
            refusal: error.refusal(),
        }),
        Err(error) => Err(error.into()),
    }
}

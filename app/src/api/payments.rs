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
    /// The card was declined; `message` is Stripe's, for the shopper.
    Declined { message: String },
}

#[cfg(feature = "ssr")]
mod server {
    use http::StatusCode;
    use leptos::prelude::*;
    use leptos_axum::ResponseOptions;

    use crate::api::request::{current_user, internal, state};
    use crate::state::AppState;
    use entities::orders;
    use services::payments::PaymentError;

    pub fn refuse(status: StatusCode, message: &str) -> ServerFnError {
        if let Some(response) = use_context::<ResponseOptions>() {
            response.set_status(status);
        }
        ServerFnError::new(message)
    }

    /// The caller's order by number; someone else's order looks like a missing one.
    pub async fn own_order(order_number: &str) -> Result<(AppState, orders::Model), ServerFnError> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let state = state()?;
        let not_found = || refuse(StatusCode::NOT_FOUND, "We could not find that order.");
        let user = current_user().await?.ok_or_else(not_found)?;
        let order = orders::Entity::find()
            .filter(orders::Column::OrderNumber.eq(order_number.trim()))
            .one(&state.db)
            .await
            .map_err(internal)?
            .filter(|order| order.user_id == user.id)
            .ok_or_else(not_found)?;
        Ok((state, order))
    }

    /// Refusals the shopper can act on keep their message; the rest is logged.
    pub fn payment_error(error: PaymentError) -> ServerFnError {
        match error {
            PaymentError::Database(_) | PaymentError::Provider(_) => internal(error),
            PaymentError::OrderNotFound { .. } => {
                refuse(StatusCode::NOT_FOUND, "We could not find that order.")
            }
            other => refuse(StatusCode::CONFLICT, &capitalised(&other.to_string())),
        }
    }

    fn capitalised(message: &str) -> String {
        let mut chars = message.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// Creates (or returns) the order's PaymentIntent. Only the order's owner (shopper or
/// guest session) may pay for it.
#[server(endpoint = "payments/start")]
pub async fn start_payment(order_number: String) -> Result<PaymentStart, ServerFnError> {
    use services::payments;
    let (state, order) = server::own_order(&order_number).await?;
    let intent = payments::create_payment_intent(&state.db, &state.payments, order.id)
        .await
        .map_err(server::payment_error)?;
    Ok(PaymentStart {
        order_number: order.order_number,
        client_secret: intent.client_secret,
        amount_minor: intent.amount_minor,
        currency: intent.currency,
        test_mode: state.payments.test_mode(),
    })
}

/// Confirms the order's payment with one of Stripe's test cards (test mode only).
#[server(endpoint = "payments/confirm")]
pub async fn confirm_payment(
    order_number: String,
    card: TestCard,
) -> Result<PaymentResult, ServerFnError> {
    use services::payments::{self, PaymentError};
    let (state, order) = server::own_order(&order_number).await?;
    if !state.payments.test_mode() {
        return Err(server::refuse(
            http::StatusCode::FORBIDDEN,
            "Test cards are only accepted in test mode.",
        ));
    }
    if payments::order_intent(&state.db, order.id)
        .await
        .map_err(crate::api::request::internal)?
        .is_none()
    {
        payments::create_payment_intent(&state.db, &state.payments, order.id)
            .await
            .map_err(server::payment_error)?;
    }
    match payments::confirm_payment(&state.db, &state.payments, order.id, card.payment_method())
        .await
    {
        Ok(intent) if intent.status == "succeeded" => Ok(PaymentResult::Succeeded),
        Ok(_) => Ok(PaymentResult::Processing),
        Err(PaymentError::CardDeclined { message, .. }) => Ok(PaymentResult::Declined { message }),
        Err(error) => Err(server::payment_error(error)),
    }
}

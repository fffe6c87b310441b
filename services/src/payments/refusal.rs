//! What a payment refusal means to the shopper, as a typed `Refusal`.

use domain::{DeclineReason, Refusal};

use super::PaymentError;

impl PaymentError {
    /// The refusal to show; `Internal` for faults on our side (logged by the caller).
    pub fn refusal(&self) -> Refusal {
        match self {
            PaymentError::OrderNotFound { .. } => Refusal::OrderNotFound,
            PaymentError::NotPayable { status, .. } => Refusal::OrderClosed {
                status: format!("{status:?}").to_lowercase(),
            },
            PaymentError::NoPaymentIntent { .. } => Refusal::NoPaymentYet,
            PaymentError::CardDeclined { decline_code, .. } => Refusal::CardDeclined {
                reason: DeclineReason::from_code(decline_code.as_deref()),
            },
            PaymentError::Rejected { .. } => Refusal::PaymentRefused,
            PaymentError::UnsupportedCurrency { currency } => Refusal::CurrencyNotChargeable {
                currency: currency.clone(),
            },
            PaymentError::NotRefundable { .. } => Refusal::NotRefundable,
            PaymentError::RefundTooLarge { refundable, .. } => Refusal::RefundTooLarge {
                refundable: format!("{refundable:.2}"),
            },
            PaymentError::InvalidAmount { .. }
            | PaymentError::Provider(_)
            | PaymentError::Database(_) => Refusal::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declines_keep_their_reason_and_faults_stay_internal() {
        let declined = PaymentError::CardDeclined {
            message: "Your card has insufficient funds.".into(),
            decline_code: Some("insufficient_funds".into()),
        };
        assert_eq!(
            declined.refusal(),
            Refusal::CardDeclined {
                reason: DeclineReason::InsufficientFunds
            }
        );
        let unknown = PaymentError::CardDeclined {
            message: "Declined.".into(),
            decline_code: Some("do_not_honor".into()),
        };
        assert_eq!(
            unknown.refusal(),
            Refusal::CardDeclined {
                reason: DeclineReason::Generic
            }
        );
        assert_eq!(
            PaymentError::Provider("timeout".into()).refusal(),
            Refusal::Internal
        );
    }
}

//! The checkout's shared state: one `Checkout` of signals, provided by `CheckoutFlow` and
//! read by each step with [`use_checkout`], so the steps are separate components that
//! agree on where the shopper is, what they typed and what the server last quoted.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::checkout::{DeliveryDetails, FieldError, QuoteDto, checkout_quote};
use crate::api::payments::TestCard;
use crate::components::errors::error_text;

/// Contact, delivery address, delivery method, review, payment.
pub const STEPS: usize = 5;

#[derive(Clone, Copy)]
pub struct Checkout {
    /// The open step, 1 to [`STEPS`].
    pub step: RwSignal<usize>,
    /// Field-level refusals from the last check or attempt.
    pub errors: RwSignal<Vec<FieldError>>,
    /// A message about the whole checkout.
    pub form_error: RwSignal<Option<String>>,
    /// A request is on its way: buttons wait.
    pub busy: RwSignal<bool>,
    /// The server's last totals and delivery options.
    pub quote: RwSignal<Option<QuoteDto>>,
    pub shipping_method: RwSignal<String>,
    /// The destination country the quote is for.
    pub country: RwSignal<String>,
    /// The contact and delivery details, once checked.
    pub details: RwSignal<DeliveryDetails>,
    /// The order placed for this attempt (a new one after going back).
    pub order_number: RwSignal<Option<String>>,
    pub card: RwSignal<TestCard>,
}

impl Checkout {
    pub fn new() -> Self {
        Checkout {
            step: RwSignal::new(1),
            errors: RwSignal::new(Vec::new()),
            form_error: RwSignal::new(None),
            busy: RwSignal::new(false),
            quote: RwSignal::new(None),
            shipping_method: RwSignal::new(String::new()),
            country: RwSignal::new(String::new()),
            details: RwSignal::new(DeliveryDetails::default()),
            order_number: RwSignal::new(None),
            card: RwSignal::new(TestCard::Visa),
        }
    }

    /// The message the last refusal left on `field`.
    pub fn error_for(self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|error| error.field.as_deref() == Some(field))
                    .map(|error| error.message.clone())
            })
        })
    }

    /// Asks the server for the totals again (new country, method or code).
    pub fn requote(self) {
        self.busy.set(true);
        spawn_local(async move {
            match checkout_quote(
                self.country.get_untracked(),
                self.shipping_method.get_untracked(),
            )
            .await
            {
                Ok(fresh) => {
                    if let Some(code) = &fresh.shipping_method {
                        self.shipping_method.set(code.clone());
                    }
                    self.quote.set(Some(fresh));
                    self.form_error.set(None);
                }
                Err(error) => self.form_error.set(Some(error_text(&error))),
            }
            self.busy.set(false);
        });
    }
}

/// The checkout of the surrounding `CheckoutFlow`.
pub fn use_checkout() -> Checkout {
    expect_context::<Checkout>()
}

/// What an input holds now.
pub fn input_value(node: NodeRef<leptos::html::Input>) -> String {
    node.get_untracked()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The step a refused field belongs to.
pub fn step_of_field(field: Option<&str>) -> usize {
    match field {
        Some("email") => 1,
        Some("shipping_method") => 3,
        Some("coupon") => 4,
        Some(_) => 2,
        None => STEPS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_send_the_shopper_back_to_their_step() {
        assert_eq!(step_of_field(Some("email")), 1);
        assert_eq!(step_of_field(Some("city")), 2);
        assert_eq!(step_of_field(Some("shipping_method")), 3);
        assert_eq!(step_of_field(Some("coupon")), 4);
        assert_eq!(step_of_field(None), STEPS);
    }
}

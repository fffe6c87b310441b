//! Checkout, as server functions: who is buying, the delivery details checked field by
//! field, the totals quoted for a destination and delivery method, placing the order, and
//! the confirmation. Every amount is recomputed on the server and travels as `Money`.

use leptos::prelude::*;

use crate::api::ApiError;
pub use crate::api::auth::FieldError;
pub use domain::read::checkout::*;
#[cfg(feature = "ssr")]
use domain::{Money, Refusal};

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use services::addresses::AddressForm;

    pub fn address_form(details: &DeliveryDetails) -> AddressForm {
        AddressForm {
            kind: "shipping".into(),
            first_name: details.first_name.clone(),
            last_name: details.last_name.clone(),
            company: details.company.clone(),
            phone: details.phone.clone(),
            address_line1: details.address_line1.clone(),
            address_line2: details.address_line2.clone(),
            city: details.city.clone(),
            state_province: details.state_province.clone(),
            postal_code: details.postal_code.clone(),
            country_code: details.country_code.clone(),
            make_default: false,
        }
    }

    pub fn summary_line(
        name: &str,
        title: Option<String>,
        quantity: i32,
        total: sea_orm::prelude::Decimal,
        currency: &str,
    ) -> SummaryLineDto {
        SummaryLineDto {
            product_name: name.to_string(),
            variant_title: title,
            quantity,
            line_total: Money::new(total, currency),
        }
    }

    /// `Some(code)` for a non-empty trimmed form value.
    pub fn given(value: &str) -> Option<String> {
        Some(value.trim().to_string()).filter(|value| !value.is_empty())
    }
}

/// What the checkout page starts from: who is buying and their saved addresses.
#[server(endpoint = "checkout/start")]
pub async fn start_checkout() -> Result<CheckoutContext, ApiError> {
    use services::addresses;
    let ctx = crate::api::context::Ctx::load().await?;
    let test_payments = ctx.services.payments.test_mode();
    let Some(user) = ctx.account() else {
        return Ok(CheckoutContext {
            test_payments,
            ..Default::default()
        });
    };
    let saved = addresses::list(&ctx.services.db, user.id).await?;
    Ok(CheckoutContext {
        signed_in: true,
        email: user.email.clone(),
        addresses: saved
            .into_iter()
            .filter(|address| address.r#type == "shipping")
            .map(|address| SavedAddressDto {
                id: address.id.to_string(),
                summary: [
                    format!("{} {}", address.first_name, address.last_name),
                    address.address_line1.clone(),
                    format!("{} {}", address.postal_code, address.city),
                    address.country_code.trim().to_string(),
                ]
                .join(", "),
                country_code: address.country_code.trim().to_string(),
                is_default: address.is_default,
            })
            .collect(),
        test_payments,
    })
}

/// Checks the contact and delivery details field by field; an empty list means they
/// are fine. Nothing is stored.
#[server(endpoint = "checkout/check_details")]
pub async fn check_details(details: DeliveryDetails) -> Result<Vec<FieldError>, ApiError> {
    use crate::api::error::field_error;
    use domain::email::Email;
    use services::addresses::{self, Address};
    let ctx = crate::api::context::Ctx::load().await?;
    let mut errors = Vec::new();
    if let Err(error) = Email::parse(&details.email) {
        errors.push(field_error(Some("email"), error.into()));
    }
    if details.address_id.trim().is_empty() {
        if let Err(issues) = Address::parse(&server::address_form(&details)) {
            errors.extend(
                issues
                    .into_iter()
                    .map(|(field, refusal)| field_error(Some(field.as_str()), refusal)),
            );
        }
    } else {
        let id = sea_orm::prelude::Uuid::parse_str(details.address_id.trim()).ok();
        let found = match (ctx.account(), id) {
            (Some(user), Some(id)) => addresses::get(&ctx.services.db, user.id, id).await.is_ok(),
            _ => false,
        };
        if !found {
            errors.push(field_error(Some("address_id"), Refusal::AddressNotInBook));
        }
    }
    Ok(errors)
}

/// The checkout's totals for the bag, delivered to `country` by `shipping_method`
/// (the first option for the country when empty). A bag's code that no longer applies
/// is reported in `coupon_error` and left out.
#[server(endpoint = "checkout/quote")]
pub async fn checkout_quote(
    country: String,
    shipping_method: String,
) -> Result<QuoteDto, ApiError> {
    use services::cart;
    use services::pricing::{self, PricingError, QuoteLines, QuoteRequest, shipping};
    let mut ctx = crate::api::context::Ctx::load().await?;
    let empty = || ApiError::from(PricingError::EmptyCart);
    let shopper = ctx.shopper(false).await?.ok_or_else(empty)?;
    let db = &ctx.services.db;
    let found = cart::find_cart(db, shopper.owner)
        .await?
        .ok_or_else(empty)?;
    let country = server::given(&country).map(|code| code.to_ascii_uppercase());
    let mut request = QuoteRequest {
        lines: QuoteLines::Cart(found.id),
        destination_country: country.clone(),
        shipping_method: server::given(&shipping_method),
        coupon_code: found.coupon_code.clone(),
        user_id: Some(shopper.user.id),
    };
    let mut coupon_error = None;
    let totals = match pricing::quote(db, &request).await {
        Err(PricingError::Coupon(rejection)) => {
            coupon_error = Some(Refusal::Coupon(rejection.refusal()));
            request.coupon_code = None;
            pricing::quote(db, &request).await
        }
        other => other,
    }?;
    let currency = totals.currency.clone();
    let money = |amount| Money::new(amount, &currency);
    let after_discount = totals.subtotal - totals.discount;
    let shipping_options = match &country {
        Some(country) => shipping::load_methods(db)
            .await?
            .into_iter()
            .filter(|method| method.serves(country))
            .map(|method| ShippingOptionDto {
                fee: money(method.fee_for(after_discount)),
                code: method.code,
                name: method.name,
                min_days: method.min_days,
                max_days: method.max_days,
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(QuoteDto {
        lines: totals
            .lines
            .iter()
            .map(|line| {
                server::summary_line(
                    &line.product_name,
                    line.variant_title.clone(),
                    line.quantity,
                    line.line_total,
                    &currency,
                )
            })
            .collect(),
        totals: TotalsDto {
            subtotal: money(totals.subtotal),
            discount: money(totals.discount),
            shipping: money(totals.shipping),
            tax: money(totals.tax),
            total: money(totals.total),
        },
        coupon_code: totals.coupon.as_ref().map(|coupon| coupon.code.clone()),
        coupon_error,
        shipping_options,
        shipping_method: totals.shipping_method.map(|method| method.code),
    })
}

/// Places the order for the caller's bag: re-priced on the server, stock reserved. The
/// payment step follows (`api::payments`).
#[server(endpoint = "checkout/place_order")]
pub async fn place_order(
    details: DeliveryDetails,
    shipping_method: String,
) -> Result<PlaceOutcome, ApiError> {
    use crate::api::error::field_error;
    use services::cart;
    use services::checkout::{
        self, CheckoutError, CheckoutField, PlaceOrder, ShippingAddressInput,
    };
    let mut ctx = crate::api::context::Ctx::load().await?;
    let refused = |field: Option<&str>, refusal: Refusal| {
        Ok(PlaceOutcome::Refused(vec![field_error(field, refusal)]))
    };
    let Some(shopper) = ctx.shopper(false).await? else {
        return refused(None, CheckoutError::EmptyCart.refusal());
    };
    let shipping_address = if details.address_id.trim().is_empty() {
        ShippingAddressInput::New(Box::new(server::address_form(&details)))
    } else {
        match sea_orm::prelude::Uuid::parse_str(details.address_id.trim()) {
            Ok(id) if !shopper.is_guest() => ShippingAddressInput::Saved(id),
            _ => {
                return refused(Some("address_id"), CheckoutError::AddressNotFound.refusal());
            }
        }
    };
    let db = &ctx.services.db;
    let coupon_code = cart::find_cart(db, shopper.owner)
        .await?
        .and_then(|found| found.coupon_code);
    let request = PlaceOrder {
        cart: shopper.owner,
        contact_email: details.email.clone(),
        shipping_address,
        shipping_method: server::given(&shipping_method),
        coupon_code,
        context: ctx.request.clone(),
    };
    match checkout::place_order(db, request).await {
        Ok(placed) => Ok(PlaceOutcome::Placed {
            order_number: placed.order_number,
            total: Money::new(placed.totals.total, &placed.totals.currency),
        }),
        Err(error @ (CheckoutError::Internal(_) | CheckoutError::TooManyPending { .. })) => {
            Err(error.into())
        }
        Err(CheckoutError::InvalidAddress(issues)) => Ok(PlaceOutcome::Refused(
            issues
                .into_iter()
                .map(|(field, refusal)| field_error(Some(field.as_str()), refusal))
                .collect(),
        )),
        Err(error) => {
            let field = error.field().map(|field| match field {
                CheckoutField::Email => "email",
                CheckoutField::Address(field) => field.as_str(),
                CheckoutField::ShippingMethod => "shipping_method",
                CheckoutField::Coupon => "coupon",
            });
            refused(field, error.refusal())
        }
    }
}

/// The caller's order for the confirmation page (guests see the orders of their
/// session; anyone else's order looks like a missing one).
#[server(endpoint = "checkout/order")]
pub async fn order_summary(order_number: String) -> Result<OrderSummaryDto, ApiError> {
    use entities::sea_orm_active_enums::PaymentStatus;
    use services::orders;
    let ctx = crate::api::context::Ctx::load().await?;
    let not_found = || ApiError::new(Refusal::OrderNotFound);
    let user = ctx.session_user().ok_or_else(not_found)?;
    let found = orders::owned_with_items(&ctx.services.db, user.id, &order_number)
        .await?
        .ok_or_else(not_found)?;
    let order = &found.order;
    let currency = order.currency.trim().to_string();
    let address = found
        .shipping_address
        .map(|address| address.lines())
        .unwrap_or_default();
    Ok(OrderSummaryDto {
        order_number: order.order_number.clone(),
        email: order.customer_email.clone(),
        paid: order.payment_status == PaymentStatus::Completed,
        lines: found
            .items
            .iter()
            .map(|item| {
                server::summary_line(
                    &item.product_name,
                    item.variant_title.clone(),
                    item.quantity,
                    item.total_price,
                    &currency,
                )
            })
            .collect(),
        totals: crate::api::account::orders::server::totals_of(order),
        address,
    })
}

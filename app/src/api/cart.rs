//! The shopping bag and checkout, as server functions. Each is thin: it finds whose bag
//! this is, calls `services::cart`, `services::pricing` or `services::checkout`, and
//! formats amounts for the shopper's language. Every amount is recomputed on the server;
//! no function takes a price or a total.
//!
//! Whose bag: a signed-in shopper's (`CartOwner::User`), else the guest's session
//! (`CartOwner::Session`). A guest gets a session (with a `GUEST` user, see
//! `auth::sessions::start_guest`) the first time they add to the bag: the session cookie
//! `lv_session` (HttpOnly, SameSite=Lax) is the guest's bag identity, so the payment and
//! confirmation functions, which look the buyer up from the same cookie, work for guests
//! too. On sign-in, [`adopt_guest_bag`] moves the guest bag into the account's and leaves
//! a short-lived notice cookie that the next [`cart`] call turns into messages.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::api::auth::FieldError;

/// One line of the bag as the drawer and the bag page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLineDto {
    pub item_id: String,
    pub variant_id: String,
    pub product_name: String,
    pub product_slug: String,
    pub variant_title: Option<String>,
    pub quantity: i32,
    /// Formatted current unit price.
    pub unit_price: String,
    /// Formatted line total.
    pub line_total: String,
    /// The sentence about a price change since the line was added.
    pub price_notice: Option<String>,
    /// Why the line cannot be bought as it is.
    pub problem: Option<String>,
    pub available: i32,
}

/// The bag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartDto {
    pub lines: Vec<CartLineDto>,
    /// Formatted subtotal at current prices.
    pub subtotal: String,
    /// The subtotal as a plain decimal (`"1250.00"`).
    pub subtotal_amount: String,
    pub currency: String,
    pub item_count: i32,
    pub coupon_code: Option<String>,
    pub has_price_changes: bool,
    pub ready_for_checkout: bool,
    /// What happened to the guest bag at sign-in (shown once).
    pub notices: Vec<String>,
}

/// What applying a promo code came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CouponOutcome {
    Applied {
        code: String,
        /// Formatted discount on the bag as it is now.
        discount: String,
        cart: CartDto,
    },
    /// The exact reason the code does not apply, and its wording in the shopper's language.
    Rejected {
        refusal: domain::Refusal,
        message: String,
    },
}

/// A delivery option for the chosen country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOptionDto {
    pub code: String,
    pub name: String,
    /// Formatted fee for this bag (0 when over the free threshold).
    pub fee: String,
    pub is_free: bool,
    pub min_days: u32,
    pub max_days: u32,
}

/// One priced line of the checkout summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLineDto {
    pub product_name: String,
    pub variant_title: Option<String>,
    pub quantity: i32,
    pub line_total: String,
}

/// The checkout's totals, recomputed on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteDto {
    pub lines: Vec<SummaryLineDto>,
    pub subtotal: String,
    pub discount: String,
    pub has_discount: bool,
    pub shipping: String,
    pub tax: String,
    pub total: String,
    /// The total as a plain decimal (`"1250.00"`).
    pub total_amount: String,
    pub currency: String,
    pub coupon_code: Option<String>,
    /// Why the bag's code no longer applies (it is then left out of the totals).
    pub coupon_error: Option<String>,
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
        /// Formatted total.
        total: String,
        total_amount: String,
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
    pub subtotal: String,
    pub discount: String,
    pub has_discount: bool,
    pub shipping: String,
    pub tax: String,
    pub total: String,
    pub total_amount: String,
    pub currency: String,
    pub address: Vec<String>,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use http::StatusCode;
    use http::header::COOKIE;
    use leptos::prelude::*;
    use sea_orm::prelude::{Decimal, Uuid};

    use super::*;
    use crate::api::request::{internal, request_context, request_locale, session_token, state};
    use crate::i18n::cart::CartText;
    use domain::money::format_price;
    use entities::sea_orm_active_enums::UserRole;
    use entities::users;
    use services::auth::sessions;
    use services::cart::{CartError, CartOwner, CartView, MergeChange, MergeOutcome};
    use services::pricing::PricingError;

    /// The cookie carrying the merge report from sign-in to the next bag read.
    pub const NOTICE_COOKIE: &str = "lv_bag_notice";

    pub use crate::api::error::{field_error, refuse, refuse_with, word};

    pub fn secure() -> bool {
        state().map(|state| state.secure_cookies).unwrap_or(false)
    }

    /// Whose bag this request is about, and the user behind it (a `GUEST` for guests).
    pub struct Shopper {
        pub owner: CartOwner,
        pub user: users::Model,
    }

    impl Shopper {
        pub fn is_guest(&self) -> bool {
            self.user.role == UserRole::Guest
        }
    }

    /// The caller's bag owner; with `create`, a visitor without a session gets a guest
    /// session (and its cookie).
    pub async fn shopper(create: bool) -> Result<Option<Shopper>, ServerFnError> {
        let state = state()?;
        if let Some(token) = session_token()
            && let Some((session, user)) = sessions::resolve(&state.db, &token)
                .await
                .map_err(internal)?
        {
            let owner = match user.role {
                UserRole::Guest => CartOwner::Session(session.id),
                _ => CartOwner::User(user.id),
            };
            return Ok(Some(Shopper { owner, user }));
        }
        if !create {
            return Ok(None);
        }
        let (_, token) = sessions::start_guest(&state.db, &request_context())
            .await
            .map_err(internal)?;
        let (session, user) = sessions::resolve(&state.db, &token)
            .await
            .map_err(internal)?
            .ok_or_else(|| internal("a new guest session did not resolve"))?;
        crate::api::request::set_cookie(&sessions::session_cookie(&token, secure()));
        Ok(Some(Shopper {
            owner: CartOwner::Session(session.id),
            user,
        }))
    }

    /// A plain decimal with cents (`"840.00"`), for the `*_amount` fields.
    pub fn plain(amount: Decimal) -> String {
        format!("{:.2}", amount)
    }

    pub fn money(amount: Decimal, currency: &str) -> String {
        format_price(&amount.to_string(), currency, request_locale())
    }

    pub fn cart_error(error: CartError) -> ServerFnError {
        match error {
            CartError::Internal(_) => internal(error),
            other => refuse(&other.refusal()),
        }
    }

    pub fn pricing_error(error: PricingError) -> ServerFnError {
        match error {
            PricingError::Internal(_) | PricingError::Misconfigured(_) => internal(error),
            other => refuse_with(StatusCode::UNPROCESSABLE_ENTITY, &other.refusal()),
        }
    }

    pub fn cart_dto(view: CartView, notices: Vec<String>) -> CartDto {
        let text = &crate::i18n::messages(request_locale()).cart;
        let currency = view.currency.clone();
        CartDto {
            has_price_changes: view.has_price_changes(),
            ready_for_checkout: view.is_ready_for_checkout(),
            subtotal: money(view.subtotal, &currency),
            subtotal_amount: plain(view.subtotal),
            item_count: view.item_count,
            coupon_code: view.coupon_code.clone(),
            lines: view
                .lines
                .into_iter()
                .map(|line| CartLineDto {
                    item_id: line.item_id.to_string(),
                    variant_id: line.variant_id.to_string(),
                    price_notice: line.price_change.map(|change| {
                        (text.price_changed)(
                            &line.product_name,
                            &money(change.old, &currency),
                            &money(change.new, &currency),
                        )
                    }),
                    unit_price: money(line.unit_price, &currency),
                    line_total: money(line.line_total, &currency),
                    problem: line.problem,
                    available: line.available,
                    quantity: line.quantity,
                    product_slug: line.product_slug,
                    variant_title: line.variant_title,
                    product_name: line.product_name,
                })
                .collect(),
            currency,
            notices,
        }
    }

    /// An id from the client; a malformed one is refused as `missing` (404).
    pub fn parse_id(id: &str, missing: domain::Refusal) -> Result<Uuid, ServerFnError> {
        Uuid::parse_str(id.trim()).map_err(|_| refuse_with(StatusCode::NOT_FOUND, &missing))
    }

    fn merge_message(text: &CartText, change: &MergeChange) -> String {
        let name = match &change.variant_title {
            Some(title) => format!("{} ({title})", change.product_name),
            None => change.product_name.clone(),
        };
        match change.outcome {
            MergeOutcome::Added { quantity } => (text.merge_added)(&name, quantity),
            MergeOutcome::Combined { quantity } => (text.merge_combined)(&name, quantity),
            MergeOutcome::Capped { requested, kept } => (text.merge_capped)(&name, requested, kept),
            MergeOutcome::SoldOut => (text.merge_sold_out)(&name),
            MergeOutcome::Unavailable => (text.merge_unavailable)(&name),
        }
    }

    /// The `Set-Cookie` value carrying the merge report (five minutes, first 12 lines).
    pub fn notice_cookie(changes: &[MergeChange]) -> String {
        let text = &crate::i18n::messages(request_locale()).cart;
        let messages: Vec<String> = changes
            .iter()
            .take(12)
            .map(|change| merge_message(text, change))
            .collect();
        let json = serde_json::to_vec(&messages).unwrap_or_default();
        format!(
            "{NOTICE_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age=300{}",
            URL_SAFE_NO_PAD.encode(json),
            if secure() { "; Secure" } else { "" }
        )
    }

    /// The merge report the browser sent, if any; clears it, so it is shown once.
    pub fn take_notices() -> Vec<String> {
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Vec::new();
        };
        let found = parts
            .headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|header| header.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == NOTICE_COOKIE)
            .map(|(_, value)| value.to_string());
        let Some(value) = found else {
            return Vec::new();
        };
        crate::api::request::set_cookie(&format!(
            "{NOTICE_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
            if secure() { "; Secure" } else { "" }
        ));
        URL_SAFE_NO_PAD
            .decode(value.as_bytes())
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
            .unwrap_or_default()
            .into_iter()
            .take(12)
            .map(|message| message.chars().take(300).collect())
            .collect()
    }

    pub fn summary_line(
        name: &str,
        title: Option<String>,
        quantity: i32,
        total: Decimal,
        currency: &str,
    ) -> SummaryLineDto {
        SummaryLineDto {
            product_name: name.to_string(),
            variant_title: title,
            quantity,
            line_total: money(total, currency),
        }
    }
}

/// Moves the guest bag of the request's (guest) session into `user`'s bag, ends the guest
/// session and leaves the merge report for the next [`cart`] call. Called by sign-in and
/// registration before they set the new session cookie; never fails the sign-in (a
/// problem is logged and the guest bag stays where it was).
#[cfg(feature = "ssr")]
pub async fn adopt_guest_bag(user: &entities::users::Model) {
    use entities::sea_orm_active_enums::UserRole;
    use services::{auth::sessions, cart};
    let (Some(token), Ok(state)) = (
        crate::api::request::session_token(),
        crate::api::request::state(),
    ) else {
        return;
    };
    let session = match sessions::resolve(&state.db, &token).await {
        Ok(Some((session, guest))) if guest.role == UserRole::Guest && guest.id != user.id => {
            session
        }
        Ok(_) => return,
        Err(error) => {
            tracing::warn!(%error, "guest bag not merged");
            return;
        }
    };
    match cart::merge_guest_cart(&state.db, session.id, user.id).await {
        Ok(changes) => {
            if !changes.is_empty() {
                crate::api::request::set_cookie(&server::notice_cookie(&changes));
            }
            if let Err(error) = sessions::end(&state.db, &token).await {
                tracing::warn!(%error, "guest session not ended after merging its bag");
            }
        }
        Err(error) => tracing::warn!(%error, user = %user.id, "guest bag not merged"),
    }
}

/// The caller's bag (empty for a visitor without one), with the one-off merge report.
#[server(endpoint = "cart/view")]
pub async fn cart() -> Result<CartDto, ServerFnError> {
    use services::cart::{self, CartView};
    let notices = server::take_notices();
    let state = crate::api::request::state()?;
    let view = match server::shopper(false).await? {
        Some(shopper) => cart::view(&state.db, shopper.owner)
            .await
            .map_err(server::cart_error)?,
        None => CartView {
            currency: "USD".into(),
            ..Default::default()
        },
    };
    Ok(server::cart_dto(view, notices))
}

/// Adds `quantity` of a variant; a first-time guest gets a guest session.
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(variant_id: String, quantity: i32) -> Result<CartDto, ServerFnError> {
    use services::cart;
    let variant_id = server::parse_id(&variant_id, domain::Refusal::PieceGone)?;
    let state = crate::api::request::state()?;
    let shopper = server::shopper(true)
        .await?
        .ok_or_else(|| crate::api::request::internal("no shopper after creating one"))?;
    let view = cart::add_item(
        &state.db,
        shopper.owner,
        variant_id,
        quantity,
        Some("product_page"),
    )
    .await
    .map_err(server::cart_error)?;
    Ok(server::cart_dto(view, Vec::new()))
}

/// Sets a line's quantity (0 removes it).
#[server(endpoint = "cart/set_quantity")]
pub async fn set_cart_quantity(item_id: String, quantity: i32) -> Result<CartDto, ServerFnError> {
    use services::cart::{self, CartError};
    let item_id = server::parse_id(&item_id, domain::Refusal::NotInBag)?;
    let state = crate::api::request::state()?;
    let shopper = server::shopper(false)
        .await?
        .ok_or_else(|| server::cart_error(CartError::NotInCart))?;
    let view = cart::set_quantity(&state.db, shopper.owner, item_id, quantity)
        .await
        .map_err(server::cart_error)?;
    Ok(server::cart_dto(view, Vec::new()))
}

/// Removes a line.
#[server(endpoint = "cart/remove")]
pub async fn remove_from_cart(item_id: String) -> Result<CartDto, ServerFnError> {
    use services::cart::{self, CartError};
    let item_id = server::parse_id(&item_id, domain::Refusal::NotInBag)?;
    let state = crate::api::request::state()?;
    let shopper = server::shopper(false)
        .await?
        .ok_or_else(|| server::cart_error(CartError::NotInCart))?;
    let view = cart::remove_item(&state.db, shopper.owner, item_id)
        .await
        .map_err(server::cart_error)?;
    Ok(server::cart_dto(view, Vec::new()))
}

/// The shopper accepts the current prices: the price-change notices go away.
#[server(endpoint = "cart/accept_prices")]
pub async fn accept_cart_prices() -> Result<CartDto, ServerFnError> {
    use services::cart::{self, CartView};
    let state = crate::api::request::state()?;
    let view = match server::shopper(false).await? {
        Some(shopper) => cart::accept_current_prices(&state.db, shopper.owner)
            .await
            .map_err(server::cart_error)?,
        None => CartView::default(),
    };
    Ok(server::cart_dto(view, Vec::new()))
}

/// Checks a promo code against the bag; a code that applies is remembered on the bag,
/// one that does not comes back with the exact reason (and the bag keeps no code).
#[server(endpoint = "cart/apply_coupon")]
pub async fn apply_coupon(code: String) -> Result<CouponOutcome, ServerFnError> {
    use services::cart;
    use services::pricing::{self, PricingError, QuoteLines, QuoteRequest};
    let state = crate::api::request::state()?;
    let rejected = |refusal: domain::Refusal| CouponOutcome::Rejected {
        message: server::word(&refusal),
        refusal,
    };
    let empty = || rejected(domain::Refusal::EmptyBag);
    let Some(shopper) = server::shopper(false).await? else {
        return Ok(empty());
    };
    let Some(found) = cart::find_cart(&state.db, shopper.owner)
        .await
        .map_err(crate::api::request::internal)?
    else {
        return Ok(empty());
    };
    let code = code.trim().to_uppercase();
    if code.is_empty() {
        return Ok(rejected(domain::Refusal::CouponMissing));
    }
    let request = QuoteRequest {
        lines: QuoteLines::Cart(found.id),
        destination_country: None,
        shipping_method: None,
        coupon_code: Some(code.clone()),
        user_id: Some(shopper.user.id),
    };
    match pricing::quote(&state.db, &request).await {
        Ok(totals) => {
            let view = cart::set_coupon_code(&state.db, shopper.owner, Some(&code))
                .await
                .map_err(server::cart_error)?;
            Ok(CouponOutcome::Applied {
                discount: server::money(totals.discount, &totals.currency),
                code,
                cart: server::cart_dto(view, Vec::new()),
            })
        }
        Err(PricingError::Internal(error)) => Err(crate::api::request::internal(error)),
        Err(PricingError::Misconfigured(error)) => Err(crate::api::request::internal(error)),
        Err(refusal) => Ok(rejected(refusal.refusal())),
    }
}

/// Forgets the bag's promo code.
#[server(endpoint = "cart/remove_coupon")]
pub async fn remove_coupon() -> Result<CartDto, ServerFnError> {
    use services::cart::{self, CartView};
    let state = crate::api::request::state()?;
    let view = match server::shopper(false).await? {
        Some(shopper) => cart::set_coupon_code(&state.db, shopper.owner, None)
            .await
            .map_err(server::cart_error)?,
        None => CartView::default(),
    };
    Ok(server::cart_dto(view, Vec::new()))
}

/// What the checkout page starts from: who is buying and their saved addresses.
#[server(endpoint = "checkout/start")]
pub async fn start_checkout() -> Result<CheckoutContext, ServerFnError> {
    use services::addresses;
    let state = crate::api::request::state()?;
    let test_payments = state.payments.test_mode();
    let Some(shopper) = server::shopper(false).await? else {
        return Ok(CheckoutContext {
            test_payments,
            ..Default::default()
        });
    };
    if shopper.is_guest() {
        return Ok(CheckoutContext {
            test_payments,
            ..Default::default()
        });
    }
    let saved = addresses::list(&state.db, shopper.user.id)
        .await
        .map_err(crate::api::request::internal)?;
    Ok(CheckoutContext {
        signed_in: true,
        email: shopper.user.email.clone(),
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
pub async fn check_details(details: DeliveryDetails) -> Result<Vec<FieldError>, ServerFnError> {
    use domain::email::Email;
    use services::addresses::{self, Address};
    let state = crate::api::request::state()?;
    let mut errors = Vec::new();
    if let Err(error) = Email::parse(&details.email) {
        errors.push(server::field_error(Some("email"), error.into()));
    }
    if details.address_id.trim().is_empty() {
        if let Err(issues) = Address::parse(&address_form(&details)) {
            errors.extend(
                issues
                    .into_iter()
                    .map(|(field, refusal)| server::field_error(Some(field.as_str()), refusal)),
            );
        }
    } else {
        let shopper = server::shopper(false).await?;
        let id = sea_orm::prelude::Uuid::parse_str(details.address_id.trim()).ok();
        let found = match (shopper, id) {
            (Some(shopper), Some(id)) if !shopper.is_guest() => {
                addresses::get(&state.db, shopper.user.id, id).await.is_ok()
            }
            _ => false,
        };
        if !found {
            errors.push(server::field_error(
                Some("address_id"),
                domain::Refusal::AddressNotInBook,
            ));
        }
    }
    Ok(errors)
}

#[cfg(feature = "ssr")]
fn address_form(details: &DeliveryDetails) -> services::addresses::AddressForm {
    services::addresses::AddressForm {
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

/// The checkout's totals for the bag, delivered to `country` by `shipping_method`
/// (the first option for the country when empty). A bag's code that no longer applies
/// is reported in `coupon_error` and left out.
#[server(endpoint = "checkout/quote")]
pub async fn checkout_quote(
    country: String,
    shipping_method: String,
) -> Result<QuoteDto, ServerFnError> {
    use services::cart;
    use services::pricing::{self, PricingError, QuoteLines, QuoteRequest, shipping};
    let state = crate::api::request::state()?;
    let empty = || server::pricing_error(PricingError::EmptyCart);
    let shopper = server::shopper(false).await?.ok_or_else(empty)?;
    let found = cart::find_cart(&state.db, shopper.owner)
        .await
        .map_err(crate::api::request::internal)?
        .ok_or_else(empty)?;
    let country = Some(country.trim().to_ascii_uppercase()).filter(|code| !code.is_empty());
    let mut request = QuoteRequest {
        lines: QuoteLines::Cart(found.id),
        destination_country: country.clone(),
        shipping_method: Some(shipping_method.trim().to_string()).filter(|code| !code.is_empty()),
        coupon_code: found.coupon_code.clone(),
        user_id: Some(shopper.user.id),
    };
    let mut coupon_error = None;
    let totals = match pricing::quote(&state.db, &request).await {
        Err(PricingError::Coupon(rejection)) => {
            coupon_error = Some(server::word(&domain::Refusal::Coupon(rejection.refusal())));
            request.coupon_code = None;
            pricing::quote(&state.db, &request).await
        }
        other => other,
    }
    .map_err(server::pricing_error)?;
    let currency = totals.currency.clone();
    let after_discount = totals.subtotal - totals.discount;
    let shipping_options = match &country {
        Some(country) => shipping::load_methods(&state.db)
            .await
            .map_err(server::pricing_error)?
            .into_iter()
            .filter(|method| method.serves(country))
            .map(|method| {
                let fee = method.fee_for(after_discount);
                ShippingOptionDto {
                    fee: server::money(fee, &currency),
                    is_free: fee.is_zero(),
                    code: method.code,
                    name: method.name,
                    min_days: method.min_days,
                    max_days: method.max_days,
                }
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
        subtotal: server::money(totals.subtotal, &currency),
        discount: server::money(totals.discount, &currency),
        has_discount: !totals.discount.is_zero(),
        shipping: server::money(totals.shipping, &currency),
        tax: server::money(totals.tax, &currency),
        total: server::money(totals.total, &currency),
        total_amount: server::plain(totals.total),
        coupon_code: totals.coupon.as_ref().map(|coupon| coupon.code.clone()),
        coupon_error,
        shipping_options,
        shipping_method: totals.shipping_method.map(|method| method.code),
        currency,
    })
}

/// Places the order for the caller's bag: re-priced on the server, stock reserved. The
/// payment step follows (`api::payments`).
#[server(endpoint = "checkout/place_order")]
pub async fn place_order(
    details: DeliveryDetails,
    shipping_method: String,
) -> Result<PlaceOutcome, ServerFnError> {
    use services::cart;
    use services::checkout::{
        self, CheckoutError, CheckoutField, PlaceOrder, ShippingAddressInput,
    };
    let state = crate::api::request::state()?;
    let refused = |field: Option<&str>, refusal: domain::Refusal| {
        Ok(PlaceOutcome::Refused(vec![server::field_error(
            field, refusal,
        )]))
    };
    let Some(shopper) = server::shopper(false).await? else {
        return refused(None, CheckoutError::EmptyCart.refusal());
    };
    let shipping_address = if details.address_id.trim().is_empty() {
        ShippingAddressInput::New(Box::new(address_form(&details)))
    } else {
        match sea_orm::prelude::Uuid::parse_str(details.address_id.trim()) {
            Ok(id) if !shopper.is_guest() => ShippingAddressInput::Saved(id),
            _ => {
                return refused(Some("address_id"), CheckoutError::AddressNotFound.refusal());
            }
        }
    };
    let coupon_code = cart::find_cart(&state.db, shopper.owner)
        .await
        .map_err(crate::api::request::internal)?
        .and_then(|found| found.coupon_code);
    let request = PlaceOrder {
        cart: shopper.owner,
        contact_email: details.email.clone(),
        shipping_address,
        shipping_method: Some(shipping_method.trim().to_string()).filter(|code| !code.is_empty()),
        coupon_code,
    };
    match checkout::place_order(&state.db, request).await {
        Ok(placed) => Ok(PlaceOutcome::Placed {
            order_number: placed.order_number,
            total: server::money(placed.totals.total, &placed.totals.currency),
            total_amount: server::plain(placed.totals.total),
        }),
        Err(CheckoutError::Internal(error)) => Err(crate::api::request::internal(error)),
        Err(CheckoutError::InvalidAddress(issues)) => Ok(PlaceOutcome::Refused(
            issues
                .into_iter()
                .map(|(field, refusal)| server::field_error(Some(field.as_str()), refusal))
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
pub async fn order_summary(order_number: String) -> Result<OrderSummaryDto, ServerFnError> {
    use entities::sea_orm_active_enums::PaymentStatus;
    use entities::{order_items, orders};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    use services::checkout::shipping_address_of;
    let state = crate::api::request::state()?;
    let not_found = || server::refuse(&domain::Refusal::OrderNotFound);
    let shopper = server::shopper(false).await?.ok_or_else(not_found)?;
    let order = orders::Entity::find()
        .filter(orders::Column::OrderNumber.eq(order_number.trim()))
        .one(&state.db)
        .await
        .map_err(crate::api::request::internal)?
        .filter(|order| order.user_id == shopper.user.id)
        .ok_or_else(not_found)?;
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order.id))
        .order_by_asc(order_items::Column::Id)
        .all(&state.db)
        .await
        .map_err(crate::api::request::internal)?;
    let currency = order.currency.trim().to_string();
    let address = shipping_address_of(&order)
        .map(|a| {
            [
                Some(format!("{} {}", a.first_name, a.last_name)),
                a.company,
                Some(a.address_line1),
                a.address_line2,
                Some(format!("{} {}", a.postal_code, a.city)),
                a.state_province,
                Some(a.country_code),
            ]
            .into_iter()
            .flatten()
            .filter(|part| !part.trim().is_empty())
            .collect()
        })
        .unwrap_or_default();
    Ok(OrderSummaryDto {
        order_number: order.order_number.clone(),
        email: order.customer_email.clone(),
        paid: order.payment_status == PaymentStatus::Completed,
        lines: items
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
        subtotal: server::money(order.subtotal, &currency),
        discount: server::money(order.discount_amount, &currency),
        has_discount: !order.discount_amount.is_zero(),
        shipping: server::money(order.shipping_amount, &currency),
        tax: server::money(order.tax_amount, &currency),
        total: server::money(order.total, &currency),
        total_amount: server::plain(order.total),
        currency,
        address,
    })
}

//! Placing an order, and moving it forward when payment settles.
//!
//! [`place_order`] runs in one transaction: it re-prices the bag from the database
//! (nothing the client says about money is read), creates the `orders` row with a
//! human-friendly `order_number` (`LV-2026-7KQ3ZD`), `order_items` with a snapshot of
//! each product and variant, the `coupon_uses` row, the stock reservation
//! ([`inventory::reserve`]) and the first `order_status_history` row. The order starts
//! `PENDING` with payment `PENDING`; the payments side then calls [`mark_paid`] or
//! [`mark_payment_failed`] inside its own transaction.
//!
//! Statuses only ever move forward: a late "failed" after "paid" changes nothing, and a
//! cancelled order cannot be paid (the caller refunds).
//!
//! The schema has no address columns on `orders`: the delivery address is kept as a
//! JSON snapshot in `orders.notes` (`{"shipping_address": {...}}`), read back with
//! [`shipping_address_of`]; `customer_phone` takes the address's phone.
//!
//! Guests check out through their session: the order belongs to the session's `GUEST`
//! user, and coupons with per-shopper rules ask them to sign in.

use chrono::Utc;
use rand::RngCore;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter,
    QuerySelect, Statement, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::addresses::{Address, AddressField, AddressForm, FieldIssues};
use crate::cart::{self, CartOwner};
use crate::inventory::{self, InventoryError};
use crate::pricing::{self, PricingError, QuoteLines, QuoteRequest, Totals, json_decimal, setting};
use domain::Refusal;
use domain::email::{Email, EmailError};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus, UserRole};
use entities::{
    addresses, coupon_uses, loyalty_points, order_items, order_status_history, orders, users,
};

/// Loyalty settings key in `system_settings`:
/// `{"points_per_currency_unit": "1", "expires_after_days": 365}`. Points are earned when
/// an order is paid, on the merchandise after discount (not shipping or tax), rounded
/// down to a whole point. Guests earn none. Built-in default: [`DEFAULT_LOYALTY`].
pub const LOYALTY_KEY: &str = "commerce.loyalty";
pub const DEFAULT_LOYALTY: &str = r#"{"points_per_currency_unit": "1", "expires_after_days": 365}"#;

/// Order numbers: `LV-<year>-` and six characters without look-alikes (no 0/O, 1/I).
const ORDER_NUMBER_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Where the delivery address comes from.
#[derive(Clone, Debug)]
pub enum ShippingAddressInput {
    /// An address of the shopper's address book (`addresses.id`).
    Saved(Uuid),
    /// Typed at checkout (its `kind` is ignored: it is a shipping address).
    New(Box<AddressForm>),
}

/// What the checkout form sends. No amounts: totals are recomputed.
#[derive(Clone, Debug)]
pub struct PlaceOrder {
    /// The bag to buy; a guest's session or a signed-in shopper.
    pub cart: CartOwner,
    pub contact_email: String,
    pub shipping_address: ShippingAddressInput,
    /// A shipping method code; `None` takes the first one serving the country.
    pub shipping_method: Option<String>,
    pub coupon_code: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedOrder {
    pub order_id: Uuid,
    pub order_number: String,
    pub totals: Totals,
}

/// The delivery address as ordered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingAddress {
    pub first_name: String,
    pub last_name: String,
    pub company: Option<String>,
    pub phone: Option<String>,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state_province: Option<String>,
    pub postal_code: String,
    pub country_code: String,
}

#[derive(Serialize, Deserialize)]
struct OrderNotes {
    shipping_address: ShippingAddress,
}

/// The delivery address stored with an order by [`place_order`].
pub fn shipping_address_of(order: &orders::Model) -> Option<ShippingAddress> {
    let notes: OrderNotes = serde_json::from_str(order.notes.as_deref()?).ok()?;
    Some(notes.shipping_address)
}

/// A checkout form field an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckoutField {
    Email,
    Address(AddressField),
    ShippingMethod,
    Coupon,
}

#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error("Your bag is empty.")]
    EmptyCart,
    #[error("{0}")]
    InvalidEmail(#[from] EmailError),
    #[error("Please correct the highlighted fields of the delivery address.")]
    InvalidAddress(FieldIssues),
    #[error(
        "We could not find that address in your address book. Choose another or enter a new one."
    )]
    AddressNotFound,
    #[error("{0}")]
    Pricing(#[from] PricingError),
    #[error("{}", sold_out_message(name, *available))]
    SoldOut {
        name: String,
        sku: String,
        available: i32,
    },
    #[error("Your session has expired. Please refresh the page and try again.")]
    SessionExpired,
    #[error("We could not find that order.")]
    OrderNotFound,
    #[error("This order was {status} and can no longer be paid.")]
    OrderClosed { status: String },
    #[error("{0}")]
    Inventory(InventoryError),
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl CheckoutError {
    /// The typed reason for the whole form (address issues carry their own).
    pub fn refusal(&self) -> Refusal {
        match self {
            CheckoutError::EmptyCart => Refusal::EmptyBag,
            CheckoutError::InvalidEmail(error) => Refusal::Email(*error),
            CheckoutError::InvalidAddress(_) => Refusal::Internal,
            CheckoutError::AddressNotFound => Refusal::AddressNotInBook,
            CheckoutError::Pricing(error) => error.refusal(),
            CheckoutError::SoldOut {
                name, available, ..
            } if *available <= 0 => Refusal::JustSoldOut { name: name.clone() },
            CheckoutError::SoldOut {
                name, available, ..
            } => Refusal::OnlyLeft {
                name: name.clone(),
                available: *available,
            },
            CheckoutError::SessionExpired => Refusal::SessionExpired,
            CheckoutError::OrderNotFound => Refusal::OrderNotFound,
            CheckoutError::OrderClosed { status } => Refusal::OrderClosed {
                status: status.clone(),
            },
            CheckoutError::Inventory(error) => error.refusal(),
            CheckoutError::Internal(_) => Refusal::Internal,
        }
    }
}

fn sold_out_message(name: &str, available: i32) -> String {
    if available <= 0 {
        format!("Sorry, {name} has just sold out. Remove it from your bag to continue.")
    } else {
        format!("Sorry, only {available} of {name} left. Lower the quantity to continue.")
    }
}

impl CheckoutError {
    /// The form field the message belongs next to, if any.
    pub fn field(&self) -> Option<CheckoutField> {
        match self {
            CheckoutError::InvalidEmail(_) => Some(CheckoutField::Email),
            CheckoutError::InvalidAddress(issues) => issues
                .first()
                .map(|(field, _)| CheckoutField::Address(*field)),
            CheckoutError::AddressNotFound => Some(CheckoutField::Address(AddressField::Line1)),
            CheckoutError::Pricing(PricingError::Coupon(_)) => Some(CheckoutField::Coupon),
            CheckoutError::Pricing(
                PricingError::UnknownShippingMethod { .. }
                | PricingError::ShippingMethodUnavailable { .. },
            ) => Some(CheckoutField::ShippingMethod),
            CheckoutError::Pricing(PricingError::UnsupportedCountry { .. }) => {
                Some(CheckoutField::Address(AddressField::CountryCode))
            }
            _ => None,
        }
    }
}

impl From<InventoryError> for CheckoutError {
    fn from(error: InventoryError) -> Self {
        match error {
            InventoryError::Internal(db) => CheckoutError::Internal(db),
            other => CheckoutError::Inventory(other),
        }
    }
}

impl From<crate::addresses::AddressError> for CheckoutError {
    fn from(error: crate::addresses::AddressError) -> Self {
        use crate::addresses::AddressError;
        match error {
            AddressError::Invalid(issues) => CheckoutError::InvalidAddress(issues),
            AddressError::Internal(db) => CheckoutError::Internal(db),
            AddressError::NotFound | AddressError::TooMany => CheckoutError::AddressNotFound,
        }
    }
}

impl From<addresses::Model> for ShippingAddress {
    fn from(a: addresses::Model) -> Self {
        ShippingAddress {
            first_name: a.first_name,
            last_name: a.last_name,
            company: a.company,
            phone: a.phone,
            address_line1: a.address_line1,
            address_line2: a.address_line2,
            city: a.city,
            state_province: a.state_province,
            postal_code: a.postal_code,
            country_code: a.country_code.trim().to_string(),
        }
    }
}

impl From<Address> for ShippingAddress {
    fn from(a: Address) -> Self {
        ShippingAddress {
            first_name: a.first_name,
            last_name: a.last_name,
            company: a.company,
            phone: a.phone,
            address_line1: a.address_line1,
            address_line2: a.address_line2,
            city: a.city,
            state_province: a.state_province,
            postal_code: a.postal_code,
            country_code: a.country_code.to_string(),
        }
    }
}

/// A fresh order number such as `LV-2026-7KQ3ZD` (not yet taken).
async fn new_order_number(txn: &DatabaseTransaction) -> Result<String, DbErr> {
    loop {
        let mut bytes = [0u8; 6];
        rand::rng().fill_bytes(&mut bytes);
        let suffix: String = bytes
            .iter()
            .map(|byte| {
                char::from(ORDER_NUMBER_ALPHABET[usize::from(*byte) % ORDER_NUMBER_ALPHABET.len()])
            })
            .collect();
        let number = format!("LV-{}-{suffix}", Utc::now().format("%Y"));
        let taken = orders::Entity::find()
            .filter(orders::Column::OrderNumber.eq(number.as_str()))
            .count(txn)
            .await?
            > 0;
        if !taken {
            return Ok(number);
        }
    }
}

/// The user who buys: the signed-in shopper, or the guest user behind a session.
async fn buyer(txn: &DatabaseTransaction, owner: CartOwner) -> Result<Uuid, CheckoutError> {
    let (sql, id) = match owner {
        CartOwner::User(id) => (
            "SELECT id AS user_id FROM users WHERE id = $1 AND deleted_at IS NULL",
            id,
        ),
        CartOwner::Session(id) => (
            "SELECT user_id FROM sessions WHERE id = $1 AND expires_at > now()",
            id,
        ),
    };
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            sql,
            [id.into()],
        ))
        .await?
        .ok_or(CheckoutError::SessionExpired)?;
    Ok(row.try_get("", "user_id")?)
}

/// Places the order for the bag of `request.cart`. See the module docs.
pub async fn place_order(
    db: &DatabaseConnection,
    request: PlaceOrder,
) -> Result<PlacedOrder, CheckoutError> {
    let email = Email::parse(&request.contact_email)?;
    // A typed address is checked field by field before anything else.
    let address = match &request.shipping_address {
        ShippingAddressInput::New(form) => {
            let form = AddressForm {
                kind: "shipping".into(),
                make_default: false,
                ..(**form).clone()
            };
            Ok(ShippingAddress::from(
                Address::parse(&form).map_err(CheckoutError::InvalidAddress)?,
            ))
        }
        ShippingAddressInput::Saved(id) => Err(*id),
    };
    let txn = db.begin().await?;
    let user_id = buyer(&txn, request.cart).await?;
    let address = match address {
        Ok(typed) => typed,
        Err(saved) => crate::addresses::get(&txn, user_id, saved).await?.into(),
    };
    let cart = cart::find_cart(&txn, request.cart)
        .await?
        .ok_or(CheckoutError::EmptyCart)?;
    let coupon_code = request
        .coupon_code
        .as_deref()
        .map(|code| code.trim().to_uppercase())
        .filter(|code| !code.is_empty());
    if let Some(code) = &coupon_code {
        // Serialises checkouts using this coupon, so its usage limits hold.
        txn.execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT id FROM coupons WHERE upper(code) = $1 FOR NO KEY UPDATE",
            [code.clone().into()],
        ))
        .await?;
    }
    let totals = pricing::quote(
        &txn,
        &QuoteRequest {
            lines: QuoteLines::Cart(cart.id),
            destination_country: Some(address.country_code.clone()),
            shipping_method: request.shipping_method.clone(),
            coupon_code,
            user_id: Some(user_id),
        },
    )
    .await
    .map_err(|error| match error {
        PricingError::EmptyCart => CheckoutError::EmptyCart,
        other => CheckoutError::Pricing(other),
    })?;

    let order_id = Uuid::new_v4();
    let order_number = new_order_number(&txn).await?;
    let method = totals.shipping_method.clone();
    let notes = serde_json::to_string(&OrderNotes {
        shipping_address: address.clone(),
    })
    .expect("plain struct serialises");
    orders::ActiveModel {
        id: Set(order_id),
        order_number: Set(order_number.clone()),
        user_id: Set(user_id),
        status: Set(OrderStatus::Pending),
        payment_status: Set(PaymentStatus::Pending),
        customer_email: Set(email.as_str().to_string()),
        customer_phone: Set(address.phone.clone()),
        currency: Set(totals.currency.clone()),
        subtotal: Set(totals.subtotal),
        tax_amount: Set(totals.tax),
        shipping_amount: Set(totals.shipping),
        discount_amount: Set(totals.discount),
        total: Set(totals.total),
        shipping_method: Set(method.as_ref().map(|m| m.code.clone())),
        shipping_carrier: Set(method.as_ref().and_then(|m| m.carrier.clone())),
        estimated_delivery: Set(method
            .as_ref()
            .map(|m| (Utc::now() + chrono::Duration::days(i64::from(m.max_days))).date_naive())),
        notes: Set(Some(notes)),
        tags: Set(Vec::new()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut reserve_lines = Vec::with_capacity(totals.lines.len());
    for line in &totals.lines {
        order_items::ActiveModel {
            id: Set(Uuid::new_v4()),
            order_id: Set(order_id),
            product_id: Set(line.product_id),
            variant_id: Set(line.variant_id),
            product_name: Set(line.product_name.clone()),
            variant_title: Set(line.variant_title.clone()),
            sku: Set(line.sku.clone()),
            quantity: Set(line.quantity),
            unit_price: Set(line.unit_price),
            total_price: Set(line.line_total),
            personalization: Set(line.personalization.clone()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        reserve_lines.push((line.variant_id, line.quantity));
    }
    if let Err(error) = inventory::reserve(&txn, order_id, &reserve_lines).await {
        txn.rollback().await?;
        return Err(match error {
            InventoryError::SoldOut { sku, available } => CheckoutError::SoldOut {
                name: totals
                    .lines
                    .iter()
                    .find(|line| line.sku == sku)
                    .map_or_else(|| sku.clone(), |line| line.product_name.clone()),
                sku,
                available,
            },
            other => other.into(),
        });
    }
    if let Some(coupon) = &totals.coupon {
        coupon_uses::ActiveModel {
            id: Set(Uuid::new_v4()),
            coupon_id: Set(coupon.coupon_id),
            user_id: Set(user_id),
            order_id: Set(order_id),
            discount_amount: Set(coupon.discount),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "UPDATE coupons SET usage_count = usage_count + 1, updated_at = now() WHERE id = $1",
            [coupon.coupon_id.into()],
        ))
        .await?;
    }
    history(
        &txn,
        order_id,
        OrderStatus::Pending,
        "Order placed; awaiting payment.",
        Some(user_id),
    )
    .await?;
    txn.commit().await?;
    Ok(PlacedOrder {
        order_id,
        order_number,
        totals,
    })
}

async fn history(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    status: OrderStatus,
    notes: &str,
    created_by: Option<Uuid>,
) -> Result<(), DbErr> {
    order_status_history::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order_id),
        status: Set(status),
        notes: Set(Some(notes.to_string())),
        created_by: Set(created_by),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// The order row, locked for the rest of the transaction.
async fn lock_order(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<orders::Model, CheckoutError> {
    orders::Entity::find_by_id(order_id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(CheckoutError::OrderNotFound)
}

fn status_label(status: &OrderStatus) -> &'static str {
    match status {
        OrderStatus::Cancelled => "cancelled",
        OrderStatus::Refunded => "refunded",
        OrderStatus::Returned => "returned",
        _ => "closed",
    }
}

/// Moves the order to `status` / `payment` and records it in the status history.
async fn set_status(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    (status, payment): (OrderStatus, PaymentStatus),
    note: &str,
) -> Result<(), DbErr> {
    orders::ActiveModel {
        id: Set(order_id),
        status: Set(status),
        payment_status: Set(payment),
        updated_at: Set(Utc::now().into()),
        ..Default::default()
    }
    .update(txn)
    .await?;
    history(txn, order_id, status, note, None).await
}

/// What [`mark_paid`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaidOrder {
    pub order_id: Uuid,
    pub order_number: String,
    /// False when the order had already been marked paid (nothing changed).
    pub newly_paid: bool,
    pub points_awarded: i32,
}

/// Payment succeeded: the order becomes `CONFIRMED` / payment `COMPLETED`, its held stock
/// is sold, loyalty points are earned, and the bought pieces leave the buyer's bags.
/// Idempotent. An order whose payment had failed (stock released) is re-reserved first,
/// which can fail with [`CheckoutError::SoldOut`]; a cancelled, refunded or returned
/// order gives [`CheckoutError::OrderClosed`] (the caller refunds the payment).
pub async fn mark_paid(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<PaidOrder, CheckoutError> {
    let order = lock_order(txn, order_id).await?;
    let paid = |newly_paid, points_awarded| PaidOrder {
        order_id,
        order_number: order.order_number.clone(),
        newly_paid,
        points_awarded,
    };
    match order.status {
        OrderStatus::Confirmed
        | OrderStatus::Processing
        | OrderStatus::Shipped
        | OrderStatus::Delivered => {
            return Ok(paid(false, 0));
        }
        OrderStatus::Cancelled | OrderStatus::Refunded | OrderStatus::Returned => {
            return Err(CheckoutError::OrderClosed {
                status: status_label(&order.status).to_string(),
            });
        }
        OrderStatus::Pending | OrderStatus::PaymentProcessing | OrderStatus::PaymentFailed => {}
    }
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .all(txn)
        .await?;
    if order.status == OrderStatus::PaymentFailed {
        let lines: Vec<(Uuid, i32)> = items
            .iter()
            .map(|item| (item.variant_id, item.quantity))
            .collect();
        inventory::reserve(txn, order_id, &lines)
            .await
            .map_err(|error| match error {
                InventoryError::SoldOut { sku, available } => CheckoutError::SoldOut {
                    name: items
                        .iter()
                        .find(|item| item.sku == sku)
                        .map_or_else(|| sku.clone(), |item| item.product_name.clone()),
                    sku,
                    available,
                },
                other => other.into(),
            })?;
    }
    inventory::commit_reservation(txn, order_id).await?;
    set_status(
        txn,
        order_id,
        (OrderStatus::Confirmed, PaymentStatus::Completed),
        "Payment received.",
    )
    .await?;
    for item in &items {
        txn.execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "UPDATE products SET purchase_count = purchase_count + $2 WHERE id = $1",
            [item.product_id.into(), item.quantity.into()],
        ))
        .await?;
    }
    // The bought pieces leave the buyer's bags (their own, or their guest session's).
    let variants: Vec<Uuid> = items.iter().map(|item| item.variant_id).collect();
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "DELETE FROM cart_items WHERE variant_id = ANY($2) AND personalization IS NULL AND cart_id IN ( \
           SELECT id FROM carts WHERE user_id = $1 \
           OR session_id IN (SELECT id FROM sessions WHERE user_id = $1))",
        [order.user_id.into(), variants.into()],
    ))
    .await?;
    let points = award_points(txn, &order).await?;
    Ok(paid(true, points))
}

/// Earns loyalty points for a paid order; returns how many.
async fn award_points(
    txn: &DatabaseTransaction,
    order: &orders::Model,
) -> Result<i32, CheckoutError> {
    let Some(user) = users::Entity::find_by_id(order.user_id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
    else {
        return Ok(0);
    };
    if user.role == UserRole::Guest {
        return Ok(0);
    }
    let settings = match setting(txn, LOYALTY_KEY).await? {
        Some(value) => value,
        None => serde_json::from_str(DEFAULT_LOYALTY).expect("valid JSON"),
    };
    let per_unit = settings
        .get("points_per_currency_unit")
        .and_then(json_decimal)
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ZERO);
    let points = ((order.subtotal - order.discount_amount).max(Decimal::ZERO) * per_unit)
        .floor()
        .to_string()
        .parse::<i32>()
        .unwrap_or(0);
    if points <= 0 {
        return Ok(0);
    }
    let balance: Option<i64> = loyalty_points::Entity::find()
        .select_only()
        .column_as(loyalty_points::Column::Points.sum(), "balance")
        .filter(loyalty_points::Column::UserId.eq(user.id))
        .into_tuple::<Option<i64>>()
        .one(txn)
        .await?
        .flatten();
    let balance = i32::try_from(balance.unwrap_or(0)).unwrap_or(i32::MAX);
    let expires_at = settings
        .get("expires_after_days")
        .and_then(Json::as_i64)
        .filter(|days| *days > 0)
        .map(|days| (Utc::now() + chrono::Duration::days(days)).into());
    loyalty_points::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        r#type: Set("earned".into()),
        points: Set(points),
        balance_after: Set(balance.saturating_add(points)),
        source: Set(Some("order".into())),
        order_id: Set(Some(order.id)),
        expires_at: Set(expires_at),
        description: Set(Some(format!("Earned on order {}", order.order_number))),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(points)
}

/// Payment failed: the order becomes `PAYMENT_FAILED` / payment `FAILED` and its held
/// stock goes back on sale. Returns whether anything changed: an order already failed,
/// paid or closed is left as it is (never moved backwards). The shopper may retry; a
/// later [`mark_paid`] re-reserves.
pub async fn mark_payment_failed(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<bool, CheckoutError> {
    let order = lock_order(txn, order_id).await?;
    if !matches!(
        order.status,
        OrderStatus::Pending | OrderStatus::PaymentProcessing
    ) {
        return Ok(false);
    }
    inventory::release_reservation(txn, order_id).await?;
    set_status(
        txn,
        order_id,
        (OrderStatus::PaymentFailed, PaymentStatus::Failed),
        "Payment failed; stock released.",
    )
    .await?;
    Ok(true)
}

/// The payment is under way (e.g. a PaymentIntent was confirmed and awaits the bank):
/// `PENDING` -> `PAYMENT_PROCESSING`. Returns whether anything changed.
pub async fn mark_payment_processing(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<bool, CheckoutError> {
    let order = lock_order(txn, order_id).await?;
    if order.status != OrderStatus::Pending {
        return Ok(false);
    }
    set_status(
        txn,
        order_id,
        (OrderStatus::PaymentProcessing, PaymentStatus::Processing),
        "Payment processing.",
    )
    .await?;
    Ok(true)
}

//! [`place_order`]: the bag re-priced, the order and its lines written, the stock
//! reserved and the coupon used, in one transaction.

use chrono::Utc;
use rand::RngCore;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter,
    Statement, TransactionTrait,
};

use super::address::OrderNotes;
use super::{CheckoutError, ShippingAddress, history, pending};
use crate::addresses::{Address, AddressForm};
use crate::auth::RequestContext;
use crate::cart::{self, CartOwner};
use crate::inventory::{self, InventoryError};
use crate::pricing::{self, PricingError, QuoteLines, QuoteRequest, Totals};
use domain::email::Email;
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{coupon_uses, order_items, orders};

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
    /// Where the request came from (the outstanding-orders cap counts per network).
    pub context: RequestContext,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedOrder {
    pub order_id: Uuid,
    pub order_number: String,
    pub totals: Totals,
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
    let order_number = new_order_number(&txn).await?;
    // See `pending`: the bag's earlier unpaid order gives way, then the caps apply.
    pending::replace_earlier(&txn, user_id, &order_number).await?;
    pending::check_outstanding(&txn, user_id, &email, &request.context).await?;
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
    pending::record_placed(&txn, user_id, order_id, &request.context).await?;
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

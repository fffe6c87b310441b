//! Pricing: what a bag costs, always recomputed from the database.
//!
//! [`quote`] takes the lines (a cart, or explicit `(variant, quantity)` pairs), the
//! destination country, the delivery option, a coupon code and the shopper, and returns
//! [`Totals`]. Nothing a client sends about money is ever read: unit prices come from
//! `product_variants.price` (or the product's price when the variant has none), the
//! discount from `coupons`, shipping and tax from `system_settings`.
//!
//! Money is `Decimal` throughout. Rounding rule: every amount is rounded to the cent,
//! half away from zero ([`round_cents`]), at exactly these points: each line total
//! (unit price x quantity, exact already for prices stored in cents), the discount, the
//! shipping fee, and the tax (computed once on the taxable base, not per line). The total
//! is the sum of the rounded parts, so `subtotal - discount + shipping + tax == total`
//! always holds to the cent.
//!
//! Order of computation:
//! 1. subtotal = sum of line totals at the current price;
//! 2. discount from the coupon (see [`coupons`]), never more than the eligible lines;
//! 3. shipping from the chosen method (see [`shipping`]); free when
//!    `subtotal - discount` reaches the method's threshold;
//! 4. tax (see [`tax`]): prices are shown before tax; tax = rate x (subtotal - discount,
//!    plus shipping where the destination taxes shipping).

pub mod coupons;
pub mod shipping;
pub mod tax;

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

pub use coupons::{AppliedCoupon, CouponRejection};
use domain::Refusal;
use entities::{system_settings, users};
pub use shipping::ShippingMethod;
pub use tax::TaxRule;

/// Most units of one piece a bag may hold.
pub const MAX_LINE_QUANTITY: i32 = 99;

/// `amount` rounded to the cent, half away from zero (2.345 -> 2.35, -2.345 -> -2.35).
pub fn round_cents(amount: Decimal) -> Decimal {
    let hundred = Decimal::ONE_HUNDRED;
    let half = Decimal::new(5, 1);
    let magnitude = (amount.abs() * hundred + half).floor() / hundred;
    let rounded = if amount.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    };
    rounded.round_dp(2)
}

#[derive(Debug, thiserror::Error)]
pub enum PricingError {
    #[error("Your bag is empty.")]
    EmptyCart,
    #[error("One of the pieces in your bag no longer exists. Please remove it to continue.")]
    UnknownItem,
    #[error("{name} is no longer available. Please remove it from your bag to continue.")]
    Unavailable { name: String },
    #[error("Choose a quantity between 1 and {max} for {name}.", max = MAX_LINE_QUANTITY)]
    InvalidQuantity { name: String },
    #[error("Pieces priced in different currencies cannot be bought together.")]
    MixedCurrency,
    #[error("We do not deliver to {country} yet.")]
    UnsupportedCountry { country: String },
    #[error("That delivery option does not exist. Please choose another.")]
    UnknownShippingMethod { code: String },
    #[error("{name} delivery is not available to {country}. Please choose another option.")]
    ShippingMethodUnavailable { name: String, country: String },
    #[error("{0}")]
    Coupon(#[from] CouponRejection),
    #[error("Checkout is temporarily unavailable. Please try again later.")]
    Misconfigured(String),
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl PricingError {
    /// The typed reason the shopper is shown.
    pub fn refusal(&self) -> Refusal {
        match self {
            PricingError::EmptyCart => Refusal::EmptyBag,
            PricingError::UnknownItem => Refusal::UnknownItem,
            PricingError::Unavailable { name } => Refusal::NoLongerAvailable { name: name.clone() },
            PricingError::InvalidQuantity { name } => Refusal::LineQuantityRange {
                name: name.clone(),
                max: MAX_LINE_QUANTITY,
            },
            PricingError::MixedCurrency => Refusal::MixedCurrency,
            PricingError::UnsupportedCountry { country } => Refusal::UnsupportedCountry {
                country: country.clone(),
            },
            PricingError::UnknownShippingMethod { .. } => Refusal::UnknownShippingMethod,
            PricingError::ShippingMethodUnavailable { name, country } => {
                Refusal::ShippingMethodUnavailable {
                    name: name.clone(),
                    country: country.clone(),
                }
            }
            PricingError::Coupon(rejection) => Refusal::Coupon(rejection.refusal()),
            PricingError::Misconfigured(_) => Refusal::CheckoutUnavailable,
            PricingError::Internal(_) => Refusal::Internal,
        }
    }
}

/// Which lines to price.
#[derive(Clone, Debug)]
pub enum QuoteLines {
    /// The lines of this cart (`cart_items`), with their `price_at_time`.
    Cart(Uuid),
    /// Explicit `(variant_id, quantity)` pairs.
    Lines(Vec<(Uuid, i32)>),
}

/// Everything [`quote`] needs. Only identifiers and choices: no amounts.
#[derive(Clone, Debug)]
pub struct QuoteRequest {
    pub lines: QuoteLines,
    /// ISO 3166-1 alpha-2 country of the delivery address; `None` before the shopper has
    /// given one (shipping and tax are then 0 and `Totals::shipping_method` is `None`).
    pub destination_country: Option<String>,
    /// Code of a shipping method (`standard`, `express`, ...); `None` picks the first
    /// method available to the destination.
    pub shipping_method: Option<String>,
    pub coupon_code: Option<String>,
    /// The shopper (a `GUEST` user counts as signed out for coupon rules).
    pub user_id: Option<Uuid>,
}

/// One priced line.
#[derive(Clone, Debug, PartialEq)]
pub struct PricedLine {
    pub variant_id: Uuid,
    pub product_id: Uuid,
    pub product_name: String,
    pub product_slug: String,
    /// "M / Black / Silk" from the variant's size, colour and material.
    pub variant_title: Option<String>,
    pub sku: String,
    pub category_id: Uuid,
    pub brand_id: Option<Uuid>,
    pub quantity: i32,
    /// Current price of one unit.
    pub unit_price: Decimal,
    /// `unit_price x quantity`, to the cent.
    pub line_total: Decimal,
    /// The price when the shopper added it (cart lines only).
    pub price_at_time: Option<Decimal>,
    /// Units that can still be sold: `inventory_quantity - inventory_reserved`.
    pub available: i32,
    /// Personalisation carried from the cart line.
    pub personalization: Option<Json>,
}

/// The result of [`quote`].
#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    pub subtotal: Decimal,
    pub discount: Decimal,
    pub shipping: Decimal,
    pub tax: Decimal,
    pub total: Decimal,
    pub currency: String,
    pub lines: Vec<PricedLine>,
    pub coupon: Option<AppliedCoupon>,
    pub shipping_method: Option<ShippingMethod>,
    /// The tax rule applied (`None` without a destination).
    pub tax_rule: Option<TaxRule>,
}

/// Prices `request` from the database. Works on a connection or inside a transaction
/// (checkout quotes inside its own, after locking the coupon row).
pub async fn quote(
    db: &impl ConnectionTrait,
    request: &QuoteRequest,
) -> Result<Totals, PricingError> {
    let lines = load_lines(db, &request.lines).await?;
    if lines.is_empty() {
        return Err(PricingError::EmptyCart);
    }
    let currency = lines[0].currency.clone();
    if lines.iter().any(|line| line.currency != currency) {
        return Err(PricingError::MixedCurrency);
    }
    let lines: Vec<PricedLine> = lines.into_iter().map(|line| line.priced).collect();
    let subtotal: Decimal = lines.iter().map(|line| line.line_total).sum();

    let user = match request.user_id {
        Some(id) => users::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let coupon = match request
        .coupon_code
        .as_deref()
        .map(str::trim)
        .filter(|code| !code.is_empty())
    {
        Some(code) => {
            Some(coupons::evaluate(db, code, user.as_ref(), &lines, subtotal, &currency).await?)
        }
        None => None,
    };
    let discount = coupon.as_ref().map_or(Decimal::ZERO, |c| c.discount);
    let after_discount = subtotal - discount;

    let (shipping_method, shipping, tax_rule, tax) = match request.destination_country.as_deref() {
        Some(country) => {
            let country = country.trim().to_ascii_uppercase();
            let methods = shipping::load_methods(db).await?;
            let method = shipping::choose(&methods, &country, request.shipping_method.as_deref())?;
            let fee = method.fee_for(after_discount);
            let rules = tax::load_table(db).await?;
            let rule = rules.rule_for(&country);
            let tax = rule.tax_on(after_discount, fee);
            (Some(method), fee, Some(rule), tax)
        }
        None => (None, Decimal::ZERO, None, Decimal::ZERO),
    };

    Ok(Totals {
        subtotal,
        discount,
        shipping,
        tax,
        total: after_discount + shipping + tax,
        currency,
        lines,
        coupon,
        shipping_method,
        tax_rule,
    })
}

/// The columns describing a variant `v` of product `p` as a line of a bag: identity,
/// names, current unit price, sellable units and whether it can be bought now.
pub(crate) const LINE_COLUMNS: &str = concat!(
    "v.id AS variant_id, v.product_id, p.name AS product_name, p.slug AS product_slug, \
     v.size, v.color, v.material, v.sku, p.category_id, p.brand_id, \
     COALESCE(v.price, p.price) AS unit_price, p.currency, \
     v.inventory_quantity - v.inventory_reserved AS available, \
     (v.is_available AND (v.available_at IS NULL OR v.available_at <= now()) AND ",
    crate::catalog::storefront_visible!(),
    ") AS purchasable"
);

/// "M / Black / Silk" from a row carrying [`LINE_COLUMNS`].
pub(crate) fn variant_title(row: &sea_orm::QueryResult) -> Option<String> {
    let parts: Vec<String> = ["size", "color", "material"]
        .into_iter()
        .filter_map(|column| row.try_get::<Option<String>>("", column).ok().flatten())
        .filter(|part| !part.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" / "))
}

struct LoadedLine {
    priced: PricedLine,
    currency: String,
}

/// Current price, stock and purchasability of each requested line, in the order the
/// lines were added (cart) or given (explicit lines).
async fn load_lines(
    db: &impl ConnectionTrait,
    lines: &QuoteLines,
) -> Result<Vec<LoadedLine>, PricingError> {
    let backend = db.get_database_backend();
    let (statement, wanted): (Statement, Vec<(Uuid, i32)>) = match lines {
        QuoteLines::Cart(cart_id) => (
            Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT {LINE_COLUMNS}, ci.quantity, ci.price_at_time, ci.personalization \
                     FROM cart_items ci JOIN product_variants v ON v.id = ci.variant_id \
                     JOIN products p ON p.id = v.product_id \
                     WHERE ci.cart_id = $1 ORDER BY ci.added_at, ci.id"
                ),
                [(*cart_id).into()],
            ),
            Vec::new(),
        ),
        QuoteLines::Lines(pairs) => {
            let ids: Vec<Uuid> = pairs.iter().map(|(id, _)| *id).collect();
            (
                Statement::from_sql_and_values(
                    backend,
                    format!(
                        "SELECT {LINE_COLUMNS}, NULL::int AS quantity, NULL::numeric AS price_at_time, \
                         NULL::jsonb AS personalization \
                         FROM product_variants v JOIN products p ON p.id = v.product_id \
                         WHERE v.id = ANY($1)"
                    ),
                    [ids.into()],
                ),
                pairs.clone(),
            )
        }
    };
    let rows = db.query_all_raw(statement).await?;
    let mut by_variant = std::collections::HashMap::new();
    let mut ordered = Vec::new();
    for row in rows {
        let variant_id: Uuid = row.try_get("", "variant_id")?;
        let product_name: String = row.try_get("", "product_name")?;
        if !row.try_get::<bool>("", "purchasable")? {
            return Err(PricingError::Unavailable { name: product_name });
        }
        let unit_price: Decimal = row.try_get("", "unit_price")?;
        let line = LoadedLine {
            currency: row.try_get("", "currency")?,
            priced: PricedLine {
                variant_id,
                product_id: row.try_get("", "product_id")?,
                product_name,
                product_slug: row.try_get("", "product_slug")?,
                variant_title: variant_title(&row),
                sku: row.try_get("", "sku")?,
                category_id: row.try_get("", "category_id")?,
                brand_id: row.try_get("", "brand_id")?,
                quantity: row.try_get::<Option<i32>>("", "quantity")?.unwrap_or(0),
                unit_price,
                line_total: Decimal::ZERO,
                price_at_time: row.try_get("", "price_at_time")?,
                available: row.try_get("", "available")?,
                personalization: row.try_get("", "personalization")?,
            },
        };
        if matches!(lines, QuoteLines::Cart(_)) {
            ordered.push(line);
        } else {
            by_variant.insert(variant_id, line);
        }
    }
    if !wanted.is_empty() {
        // Explicit lines: keep the caller's order, merge repeated variants.
        let mut seen: Vec<Uuid> = Vec::new();
        for (variant_id, _) in &wanted {
            if !seen.contains(variant_id) {
                seen.push(*variant_id);
            }
        }
        for variant_id in seen {
            let mut line = by_variant
                .remove(&variant_id)
                .ok_or(PricingError::UnknownItem)?;
            line.priced.quantity = wanted
                .iter()
                .filter(|(id, _)| *id == variant_id)
                .map(|(_, quantity)| *quantity)
                .sum();
            ordered.push(line);
        }
    }
    for line in &mut ordered {
        let priced = &mut line.priced;
        if !(1..=MAX_LINE_QUANTITY).contains(&priced.quantity) {
            return Err(PricingError::InvalidQuantity {
                name: priced.product_name.clone(),
            });
        }
        priced.line_total = round_cents(priced.unit_price * Decimal::from(priced.quantity));
    }
    Ok(ordered)
}

/// The JSON value stored under `key` in `system_settings`, if any.
pub(crate) async fn setting(db: &impl ConnectionTrait, key: &str) -> Result<Option<Json>, DbErr> {
    Ok(system_settings::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(|row| row.value))
}

/// The JSON value of a commerce setting that must be there. Migration
/// `16_commerce_settings` inserts these rows and is their one source: the code has no
/// built-in copy, so a missing row is [`PricingError::Misconfigured`] (checkout
/// unavailable), never a silent default.
pub(crate) async fn required_setting(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Json, PricingError> {
    setting(db, key).await?.ok_or_else(|| missing_setting(key))
}

/// The error for a commerce setting whose `system_settings` row is missing.
pub(crate) fn missing_setting(key: &str) -> PricingError {
    PricingError::Misconfigured(format!("{key}: no row in system_settings"))
}

/// A decimal written in settings JSON as a string (`"12.50"`, preferred) or a number.
pub(crate) fn json_decimal(value: &Json) -> Option<Decimal> {
    match value {
        Json::String(text) => text.trim().parse().ok(),
        Json::Number(number) => number.to_string().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_to_the_cent() {
        assert_eq!(round_cents(d("2.345")), d("2.35"));
        assert_eq!(round_cents(d("2.344999")), d("2.34"));
        assert_eq!(round_cents(d("2.355")), d("2.36"));
        assert_eq!(round_cents(d("-2.345")), d("-2.35"));
        assert_eq!(round_cents(d("10")), d("10.00"));
        assert_eq!(round_cents(d("0.005")), d("0.01"));
        assert_eq!(round_cents(d("0.004")), d("0.00"));
    }

    #[test]
    fn decimals_are_read_from_strings_and_numbers() {
        assert_eq!(json_decimal(&serde_json::json!("12.50")), Some(d("12.50")));
        assert_eq!(json_decimal(&serde_json::json!(0.0875)), Some(d("0.0875")));
        assert_eq!(json_decimal(&serde_json::json!(true)), None);
    }
}

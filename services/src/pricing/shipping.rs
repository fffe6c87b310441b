//! Shipping methods, their rates and free-shipping thresholds.
//!
//! Stored in `system_settings` under [`SHIPPING_METHODS_KEY`], inserted by migration
//! `16_commerce_settings`, the methods' one source: without the row a quote fails with
//! [`PricingError::Misconfigured`]. Shape:
//!
//! ```json
//! { "methods": [
//!     { "code": "standard", "name": "Standard", "carrier": "DHL",
//!       "rate": "15.00", "free_over": "500.00", "min_days": 3, "max_days": 5,
//!       "countries": null } ] }
//! ```
//!
//! `rate` is the flat fee per order; `free_over` (optional) makes the fee 0 when the
//! merchandise after discount (`subtotal - discount`) is at least that amount;
//! `countries` is `null` for everywhere we deliver, or a list of ISO codes. Amounts are
//! decimal strings. The order of `methods` is the order shown, and the first one that
//! serves a country is the default.

use sea_orm::ConnectionTrait;
use sea_orm::prelude::*;

use super::{PricingError, json_decimal, required_setting, round_cents};
use crate::addresses::COUNTRY_CODES;

pub const SHIPPING_METHODS_KEY: &str = "commerce.shipping_methods";

/// One way to deliver an order.
#[derive(Clone, Debug, PartialEq)]
pub struct ShippingMethod {
    pub code: String,
    pub name: String,
    pub carrier: Option<String>,
    pub rate: Decimal,
    pub free_over: Option<Decimal>,
    pub min_days: u32,
    pub max_days: u32,
    /// `None`: every country we deliver to.
    pub countries: Option<Vec<String>>,
}

impl ShippingMethod {
    pub fn serves(&self, country: &str) -> bool {
        COUNTRY_CODES.contains(&country)
            && self
                .countries
                .as_ref()
                .is_none_or(|list| list.iter().any(|code| code == country))
    }

    /// The fee for merchandise worth `after_discount`.
    pub fn fee_for(&self, after_discount: Decimal) -> Decimal {
        match self.free_over {
            Some(threshold) if after_discount >= threshold => Decimal::ZERO,
            _ => round_cents(self.rate),
        }
    }
}

/// Parses the settings JSON; `Err` names what is wrong (for the logs, not the shopper).
pub fn parse_methods(value: &Json) -> Result<Vec<ShippingMethod>, String> {
    let methods = value
        .get("methods")
        .and_then(Json::as_array)
        .ok_or("`methods` must be an array")?;
    let text =
        |method: &Json, key: &str| method.get(key).and_then(Json::as_str).map(str::to_string);
    let days = |method: &Json, key: &str| {
        method
            .get(key)
            .and_then(Json::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(format!("`{key}` must be a whole number of days"))
    };
    methods
        .iter()
        .map(|method| {
            let code = text(method, "code").ok_or("a method has no `code`")?;
            let rate = method
                .get("rate")
                .and_then(json_decimal)
                .filter(|rate| !rate.is_sign_negative())
                .ok_or(format!(
                    "`{code}`: `rate` must be a non-negative decimal string"
                ))?;
            let free_over = match method.get("free_over") {
                None | Some(Json::Null) => None,
                Some(value) => {
                    Some(json_decimal(value).ok_or(format!("`{code}`: bad `free_over`"))?)
                }
            };
            let countries = match method.get("countries") {
                None | Some(Json::Null) => None,
                Some(Json::Array(list)) => Some(
                    list.iter()
                        .map(|c| c.as_str().map(str::to_ascii_uppercase))
                        .collect::<Option<Vec<_>>>()
                        .ok_or(format!("`{code}`: `countries` must be strings"))?,
                ),
                Some(_) => return Err(format!("`{code}`: `countries` must be null or a list")),
            };
            Ok(ShippingMethod {
                name: text(method, "name").unwrap_or_else(|| code.clone()),
                carrier: text(method, "carrier"),
                rate,
                free_over,
                min_days: days(method, "min_days")?,
                max_days: days(method, "max_days")?,
                countries,
                code,
            })
        })
        .collect()
}

/// The stored methods; [`PricingError::Misconfigured`] when the row is missing or invalid.
pub async fn load_methods(db: &impl ConnectionTrait) -> Result<Vec<ShippingMethod>, PricingError> {
    let value = required_setting(db, SHIPPING_METHODS_KEY).await?;
    parse_methods(&value).map_err(|problem| {
        PricingError::Misconfigured(format!("{SHIPPING_METHODS_KEY}: {problem}"))
    })
}

/// The methods that deliver to `country`, in display order.
pub async fn methods_for(
    db: &impl ConnectionTrait,
    country: &str,
) -> Result<Vec<ShippingMethod>, PricingError> {
    let country = country.trim().to_ascii_uppercase();
    Ok(load_methods(db)
        .await?
        .into_iter()
        .filter(|method| method.serves(&country))
        .collect())
}

/// The method `code` (or the first that serves `country`), checked against `country`.
pub fn choose(
    methods: &[ShippingMethod],
    country: &str,
    code: Option<&str>,
) -> Result<ShippingMethod, PricingError> {
    if !COUNTRY_CODES.contains(&country) {
        return Err(PricingError::UnsupportedCountry {
            country: country.to_string(),
        });
    }
    match code.map(str::trim).filter(|code| !code.is_empty()) {
        Some(code) => {
            let method = methods
                .iter()
                .find(|method| method.code.eq_ignore_ascii_case(code))
                .ok_or_else(|| PricingError::UnknownShippingMethod {
                    code: code.to_string(),
                })?;
            if method.serves(country) {
                Ok(method.clone())
            } else {
                Err(PricingError::ShippingMethodUnavailable {
                    name: method.name.clone(),
                    country: country.to_string(),
                })
            }
        }
        None => methods
            .iter()
            .find(|method| method.serves(country))
            .cloned()
            .ok_or_else(|| PricingError::UnsupportedCountry {
                country: country.to_string(),
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Methods in the stored shape: one for everywhere with a free-shipping threshold, one
    /// for a few countries without.
    const METHODS: &str = r#"{"methods": [
      {"code": "standard", "name": "Standard", "carrier": "DHL", "rate": "15.00",
       "free_over": "500.00", "min_days": 3, "max_days": 5, "countries": null},
      {"code": "courier", "name": "Same-day courier", "rate": "75.00", "free_over": null,
       "min_days": 0, "max_days": 1, "countries": ["us", "FR"]}
    ]}"#;

    #[test]
    fn methods_parse_and_apply_thresholds() {
        let methods = parse_methods(&serde_json::from_str(METHODS).unwrap()).unwrap();
        let standard = choose(&methods, "FR", None).unwrap();
        assert_eq!(standard.code, "standard");
        assert_eq!(
            standard.fee_for(Decimal::new(49999, 2)),
            Decimal::new(1500, 2)
        );
        assert_eq!(standard.fee_for(Decimal::new(500, 0)), Decimal::ZERO);
        assert!(matches!(
            choose(&methods, "DE", Some("courier")),
            Err(PricingError::ShippingMethodUnavailable { .. })
        ));
        assert!(matches!(
            choose(&methods, "ZZ", None),
            Err(PricingError::UnsupportedCountry { .. })
        ));
        assert!(matches!(
            choose(&methods, "US", Some("teleport")),
            Err(PricingError::UnknownShippingMethod { .. })
        ));
        let courier = choose(&methods, "US", Some("courier")).unwrap();
        assert_eq!(courier.carrier, None);
        assert_eq!(
            courier.fee_for(Decimal::new(10_000, 0)),
            Decimal::new(7500, 2)
        );
        // A method without delivery days is refused, naming the field.
        let bad = serde_json::json!({"methods": [{"code": "x", "rate": "1"}]});
        assert!(parse_methods(&bad).unwrap_err().contains("min_days"));
    }
}

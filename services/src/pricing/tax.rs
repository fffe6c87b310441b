//! Tax by destination country.
//!
//! Stored in `system_settings` under [`TAX_RATES_KEY`], inserted by migration
//! `16_commerce_settings`, the table's one source: without the row a quote fails with
//! [`PricingError::Misconfigured`]. Shape:
//!
//! ```json
//! { "default": { "rate": "0", "shipping_taxable": false, "label": "Tax" },
//!   "countries": { "FR": { "rate": "0.20", "shipping_taxable": true, "label": "TVA" } } }
//! ```
//!
//! `rate` is a fraction (`"0.20"` = 20 %). Catalogue prices are before tax; tax is added
//! at checkout: `round_cents(rate x (subtotal - discount + shipping if shipping_taxable))`,
//! computed once per order (not per line), half away from zero.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use sea_orm::prelude::*;

use super::{PricingError, json_decimal, required_setting, round_cents};

/// Simplified flat national rates (US: a flat sales-tax stand-in that leaves shipping
/// untaxed); see the migration for the table.
pub const TAX_RATES_KEY: &str = "commerce.tax_rates";

/// How one destination is taxed.
#[derive(Clone, Debug, PartialEq)]
pub struct TaxRule {
    /// A fraction: 0.20 = 20 %.
    pub rate: Decimal,
    pub shipping_taxable: bool,
    /// What the receipt calls it ("VAT", "Sales tax").
    pub label: String,
}

impl TaxRule {
    /// Tax on merchandise worth `after_discount` delivered for `shipping`.
    pub fn tax_on(&self, after_discount: Decimal, shipping: Decimal) -> Decimal {
        let base = after_discount
            + if self.shipping_taxable {
                shipping
            } else {
                Decimal::ZERO
            };
        round_cents(base.max(Decimal::ZERO) * self.rate)
    }
}

/// The rules of every country, and the rule for the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct TaxTable {
    pub default: TaxRule,
    pub countries: HashMap<String, TaxRule>,
}

impl TaxTable {
    pub fn rule_for(&self, country: &str) -> TaxRule {
        self.countries
            .get(&country.to_ascii_uppercase())
            .unwrap_or(&self.default)
            .clone()
    }
}

fn parse_rule(value: &Json, what: &str) -> Result<TaxRule, String> {
    let rate = value
        .get("rate")
        .and_then(json_decimal)
        .filter(|rate| !rate.is_sign_negative() && *rate < Decimal::ONE)
        .ok_or(format!(
            "{what}: `rate` must be a decimal fraction in [0, 1)"
        ))?;
    Ok(TaxRule {
        rate,
        shipping_taxable: value
            .get("shipping_taxable")
            .and_then(Json::as_bool)
            .unwrap_or(false),
        label: value
            .get("label")
            .and_then(Json::as_str)
            .unwrap_or("Tax")
            .to_string(),
    })
}

/// Parses the settings JSON; `Err` names what is wrong (for the logs).
pub fn parse_table(value: &Json) -> Result<TaxTable, String> {
    let default = match value.get("default") {
        Some(rule) => parse_rule(rule, "default")?,
        None => TaxRule {
            rate: Decimal::ZERO,
            shipping_taxable: false,
            label: "Tax".into(),
        },
    };
    let countries = value
        .get("countries")
        .and_then(Json::as_object)
        .ok_or("`countries` must be an object")?
        .iter()
        .map(|(code, rule)| Ok((code.to_ascii_uppercase(), parse_rule(rule, code)?)))
        .collect::<Result<_, String>>()?;
    Ok(TaxTable { default, countries })
}

/// The stored table; [`PricingError::Misconfigured`] when the row is missing or invalid.
pub async fn load_table(db: &impl ConnectionTrait) -> Result<TaxTable, PricingError> {
    let value = required_setting(db, TAX_RATES_KEY).await?;
    parse_table(&value)
        .map_err(|problem| PricingError::Misconfigured(format!("{TAX_RATES_KEY}: {problem}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table in the stored shape: a country that taxes shipping, one that does not
    /// (written in lower case), and the default for the rest.
    const TABLE: &str = r#"{
      "default": {"rate": "0", "shipping_taxable": false, "label": "Tax"},
      "countries": {
        "FR": {"rate": "0.20", "shipping_taxable": true, "label": "TVA"},
        "us": {"rate": "0.0875", "shipping_taxable": false, "label": "Sales tax"}
      }
    }"#;

    #[test]
    fn tables_parse_and_round_once_per_order() {
        let table = parse_table(&serde_json::from_str(TABLE).unwrap()).unwrap();
        let us = table.rule_for("us");
        // 8.75 % of 99.99 = 8.749125 -> 8.75; shipping is not taxed in the US.
        assert_eq!(
            us.tax_on(Decimal::new(9999, 2), Decimal::new(15, 0)),
            Decimal::new(875, 2)
        );
        let fr = table.rule_for("FR");
        // 20 % of (100.00 + 15.00)
        assert_eq!(
            fr.tax_on(Decimal::new(100, 0), Decimal::new(15, 0)),
            Decimal::new(2300, 2)
        );
        assert_eq!(fr.label, "TVA");
        assert_eq!(table.rule_for("HK").rate, Decimal::ZERO);
        // A rate of 100 % or more is refused, naming the country.
        let bad = serde_json::json!({"countries": {"FR": {"rate": "1.5"}}});
        assert!(parse_table(&bad).unwrap_err().starts_with("FR: "));
    }
}

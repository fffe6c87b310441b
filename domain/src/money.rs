//! Money as the storefront shows it: an exact amount in a currency, formatted per language
//! only where a person reads it (the view), never on its way there.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::locale::Locale;

/// An amount in a currency (ISO 4217, upper case). Travels between server and browser as
/// `{"amount": "1250.00", "currency": "USD"}`; the view calls [`Money::format`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

impl Money {
    /// `amount` in `currency`, at the currency's minor unit (cents; none for yen), so
    /// the same amount always travels as the same text (`"840.00"`).
    pub fn new(amount: Decimal, currency: &str) -> Self {
        let currency = currency.trim().to_ascii_uppercase();
        let scale = if currency == "JPY" { 0 } else { 2 };
        let mut amount = amount
            .round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        amount.rescale(scale);
        Money { amount, currency }
    }

    /// `"$1,250.00"`, `"1 250,00 $US"`, `"1.250,00 USD"`.
    pub fn format(&self, locale: Locale) -> String {
        format_price(&self.amount.to_string(), &self.currency, locale)
    }

    /// The amount as a plain decimal with cents (`"1250.00"`), for data attributes.
    pub fn plain(&self) -> String {
        format!("{:.2}", self.amount)
    }

    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }
}

/// The currency's sign in `locale`, and whether it comes before the number.
fn symbol(currency: &str, locale: Locale) -> Option<(&'static str, bool)> {
    let before = locale == Locale::En;
    let sign = match (currency, locale) {
        ("USD", Locale::En) => "$",
        ("USD", Locale::Fr) => "$US",
        ("USD", Locale::It) => "USD",
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("JPY", _) => "¥",
        ("CHF", Locale::En) => "CHF ",
        ("CHF", _) => "CHF",
        _ => return None,
    };
    Some((sign, before))
}

/// Thousands and decimal separators: "1,250.00", "1 250,00" (narrow no-break space),
/// "1.250,00".
fn separators(locale: Locale) -> (&'static str, char) {
    match locale {
        Locale::En => (",", '.'),
        Locale::Fr => ("\u{202f}", ','),
        Locale::It => (".", ','),
    }
}

fn group_thousands(digits: &str, separator: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (index, ch) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(ch);
    }
    out
}

/// Formats a decimal amount (as sent by the server, e.g. `"1250.00"` or `"1250"`) in
/// `currency` for `locale`: `"$1,250.00"`, `"1 250,00 $US"`, `"1.250,00 USD"`. Rounds half
/// away from zero to the currency's minor unit (none for JPY). Anything that is not a plain
/// decimal is shown as given, with the currency code.
pub fn format_price(amount: &str, currency: &str, locale: Locale) -> String {
    let currency = currency.trim().to_ascii_uppercase();
    let amount = amount.trim();
    let (negative, digits) = match amount.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, amount),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = !whole.is_empty()
        && whole.chars().all(|ch| ch.is_ascii_digit())
        && fraction.chars().all(|ch| ch.is_ascii_digit());
    if !plain {
        return format!("{amount} {currency}");
    }
    let scale: usize = if currency == "JPY" { 0 } else { 2 };
    // Integer arithmetic in minor units, rounding half away from zero.
    let mut minor: u128 = 0;
    for ch in whole
        .chars()
        .chain(fraction.chars().chain(std::iter::repeat('0')).take(scale))
    {
        minor = minor
            .saturating_mul(10)
            .saturating_add(u128::from(ch as u8 - b'0'));
    }
    if fraction.len() > scale && fraction.as_bytes()[scale] >= b'5' {
        minor = minor.saturating_add(1);
    }
    let unit = 10u128.pow(scale as u32);
    let (thousands, decimal) = separators(locale);
    let whole_text = group_thousands(&(minor / unit).to_string(), thousands);
    let number = if scale == 0 {
        whole_text
    } else {
        format!(
            "{whole_text}{decimal}{:0width$}",
            minor % unit,
            width = scale
        )
    };
    let sign = if negative && minor != 0 { "-" } else { "" };
    match symbol(&currency, locale) {
        Some((symbol, true)) => format!("{sign}{symbol}{number}"),
        Some((symbol, false)) => format!("{sign}{number}\u{a0}{symbol}"),
        None => format!("{sign}{number}\u{a0}{currency}"),
    }
}

#[cfg(test)]
mod tests {
    use super::Money;
    use super::format_price as format;
    use crate::locale::Locale;

    fn format_price(amount: &str, currency: &str) -> String {
        format(amount, currency, Locale::En)
    }

    #[test]
    fn usd_with_grouping_and_cents() {
        assert_eq!(format_price("1250", "USD"), "$1,250.00");
        assert_eq!(format_price("1250.00", "USD"), "$1,250.00");
        assert_eq!(format_price("1234567.5", "usd"), "$1,234,567.50");
        assert_eq!(format_price("0.5", "USD"), "$0.50");
        assert_eq!(format_price("999", "USD"), "$999.00");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(format_price("19.995", "USD"), "$20.00");
        assert_eq!(format_price("19.994", "USD"), "$19.99");
    }

    #[test]
    fn other_currencies() {
        assert_eq!(format_price("1250", "EUR"), "€1,250.00");
        assert_eq!(format_price("1250.4", "JPY"), "¥1,250");
        assert_eq!(format_price("75", "SEK"), "75.00\u{a0}SEK");
    }

    #[test]
    fn negative_and_garbage() {
        assert_eq!(format_price("-12.5", "USD"), "-$12.50");
        assert_eq!(format_price("abc", "USD"), "abc USD");
    }

    #[test]
    fn french_and_italian_conventions() {
        assert_eq!(
            format("1250", "USD", Locale::Fr),
            "1\u{202f}250,00\u{a0}$US"
        );
        assert_eq!(
            format("1234567.5", "EUR", Locale::It),
            "1.234.567,50\u{a0}€"
        );
        assert_eq!(format("1250.4", "JPY", Locale::Fr), "1\u{202f}250\u{a0}¥");
        assert_eq!(format("-9.5", "GBP", Locale::It), "-9,50\u{a0}£");
    }

    #[test]
    fn money_travels_as_a_decimal_string_and_formats_in_the_view() {
        let money = Money::new("1250.5".parse().unwrap(), " usd");
        let json = serde_json::to_string(&money).unwrap();
        assert_eq!(json, r#"{"amount":"1250.50","currency":"USD"}"#);
        let yen = Money::new("1250.5".parse().unwrap(), "JPY");
        assert_eq!(yen.amount.to_string(), "1251");
        let back: Money = serde_json::from_str(&json).unwrap();
        assert_eq!(back, money);
        assert_eq!(money.format(Locale::En), "$1,250.50");
        assert_eq!(money.format(Locale::It), "1.250,50\u{a0}USD");
        assert_eq!(money.plain(), "1250.50");
        assert!(!money.is_zero());
    }
}

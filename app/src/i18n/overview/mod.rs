//! The account's home page: the overview tiles and the membership tiers' names.
//!
//! Read through [`overview_text`] by the account's lazily loaded pages only, so it stays
//! out of the first page's bundle (like [`super::orders`]).

use domain::read::account::Tier;

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::EN;
pub use fr::FR;
pub use it::IT;

pub struct OverviewText {
    pub title: &'static str,
    pub welcome: fn(&str) -> String,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub recent_orders: &'static str,
    pub all_orders: &'static str,
    pub no_orders: &'static str,
    pub discover: &'static str,
    pub membership: &'static str,
    pub tier: fn(Tier) -> &'static str,
    pub renews: fn(&str) -> String,
    pub membership_call: &'static str,
    pub points: &'static str,
    /// A whole number of points, grouped the language's way.
    pub points_value: fn(i32) -> String,
    pub points_hint: &'static str,
    pub wishlist: &'static str,
    pub saved: fn(u64) -> String,
    pub wishlist_call: &'static str,
    pub notifications: &'static str,
    pub unread: fn(u64) -> String,
    pub notifications_call: &'static str,
}

/// The overview's text in the page's language.
pub fn overview_text() -> &'static OverviewText {
    in_page_language([&EN, &FR, &IT])
}

/// `n` with its thousands grouped by `separator` (`12 500`, `12,500`, `12.500`).
pub(super) fn grouped(n: i32, separator: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_grouped_per_language() {
        assert_eq!((EN.points_value)(12_500), "12,500 points");
        assert_eq!((FR.points_value)(12_500), "12\u{202f}500 points");
        assert_eq!((IT.points_value)(1_250_000), "1.250.000 punti");
        assert_eq!((EN.points_value)(1), "1 point");
        assert_eq!(grouped(999, ","), "999");
        assert_eq!(grouped(-1000, ","), "-1,000");
    }

    #[test]
    fn every_language_words_the_overview_itself() {
        for other in [&FR, &IT] {
            assert_ne!(EN.recent_orders, other.recent_orders);
            assert_ne!((EN.saved)(2), (other.saved)(2));
            assert_ne!((EN.unread)(2), (other.unread)(2));
        }
        assert_eq!((EN.tier)(Tier::Obsidian), "Obsidian");
    }
}

//! Refusals worded for the shopper: one exhaustive match per language, so a new
//! `domain::Refusal` without its English, French and Italian text does not compile.

mod en;
mod fr;
mod it;

use domain::{Locale, Refusal};

/// `refusal` in `locale`'s words.
pub fn refusal_text(refusal: &Refusal, locale: Locale) -> String {
    match locale {
        Locale::En => en::refusal(refusal),
        Locale::Fr => fr::refusal(refusal),
        Locale::It => it::refusal(refusal),
    }
}

/// The month names of `locale`, January first (dates on the server's pages use them too).
pub fn month_names(locale: Locale) -> [&'static str; 12] {
    match locale {
        Locale::En => en::MONTHS,
        Locale::Fr => fr::MONTHS,
        Locale::It => it::MONTHS,
    }
}

/// An ISO date (`2027-01-31`) as a day, a month name and a year; anything else as given.
fn long_date(iso: &str, months: [&str; 12]) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|m| months.get(m.wrapping_sub(1)));
    match (month, day.parse::<u8>()) {
        (Some(month), Ok(day)) => format!("{day} {month} {year}"),
        _ => iso.to_string(),
    }
}

/// "A", "A and B", "A, B and C" with the language's `and`.
fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::CouponRefusal;

    #[test]
    fn each_language_words_a_refusal_its_own_way() {
        let sold_out = Refusal::JustSoldOut {
            name: "Silk Scarf".into(),
        };
        assert_eq!(
            refusal_text(&sold_out, Locale::En),
            "Sorry, Silk Scarf has just sold out. Remove it from your bag to continue."
        );
        assert!(refusal_text(&sold_out, Locale::Fr).contains("vient d’être épuisé"));
        assert!(refusal_text(&sold_out, Locale::It).contains("è appena andato esaurito"));
        let wait = Refusal::RateLimited { seconds: 42 };
        assert_eq!(
            refusal_text(&wait, Locale::En),
            "Too many attempts. Try again in 42 seconds."
        );
        assert!(refusal_text(&wait, Locale::Fr).contains("42 secondes"));
        assert!(refusal_text(&wait, Locale::It).contains("42 secondi"));
    }

    #[test]
    fn coupon_dates_tiers_and_amounts_follow_the_language() {
        let expired = Refusal::Coupon(CouponRefusal::Expired {
            code: "SUMMER24".into(),
            ended: "2024-09-01".into(),
        });
        assert_eq!(
            refusal_text(&expired, Locale::En),
            "The code SUMMER24 expired on 1 September 2024."
        );
        assert!(refusal_text(&expired, Locale::Fr).contains("1 septembre 2024"));
        assert!(refusal_text(&expired, Locale::It).contains("1 settembre 2024"));
        let tiers = Refusal::Coupon(CouponRefusal::MembershipRequired {
            code: "DIAMOND25".into(),
            tiers: vec!["Sapphire".into(), "Diamond".into()],
        });
        assert!(refusal_text(&tiers, Locale::En).contains("Sapphire and Diamond members"));
        assert!(refusal_text(&tiers, Locale::Fr).contains("Sapphire et Diamond"));
        assert!(refusal_text(&tiers, Locale::It).contains("Sapphire e Diamond"));
        let minimum = Refusal::Coupon(CouponRefusal::MinimumNotMet {
            code: "LUXE50".into(),
            minimum: "500".into(),
            short_by: "10.5".into(),
            currency: "USD".into(),
        });
        assert_eq!(
            refusal_text(&minimum, Locale::En),
            "The code LUXE50 needs a subtotal of 500 USD; add 10.5 USD more to use it."
        );
        assert!(refusal_text(&minimum, Locale::Fr).contains("500,00\u{a0}$US"));
        assert!(refusal_text(&minimum, Locale::It).contains("10,50\u{a0}USD"));
        assert_eq!(long_date("not a date", ["x"; 12]), "not a date");
    }

    #[test]
    fn every_coupon_refusal_has_its_own_french_and_italian_words() {
        let code = || "ONCE".to_string();
        let all = [
            CouponRefusal::NotFound { code: code() },
            CouponRefusal::NotYetValid {
                code: code(),
                starts: "2099-03-15".into(),
            },
            CouponRefusal::Expired {
                code: code(),
                ended: "2024-09-01".into(),
            },
            CouponRefusal::UsageLimitReached { code: code() },
            CouponRefusal::SignInRequired { code: code() },
            CouponRefusal::MembershipRequired {
                code: code(),
                tiers: vec!["Diamond".into()],
            },
            CouponRefusal::FirstPurchaseOnly { code: code() },
            CouponRefusal::PerUserLimitReached {
                code: code(),
                limit: 1,
            },
            CouponRefusal::NoEligibleItems { code: code() },
            CouponRefusal::MinimumNotMet {
                code: code(),
                minimum: "500.00".into(),
                short_by: "20.00".into(),
                currency: "EUR".into(),
            },
            CouponRefusal::Unsupported { code: code() },
        ];
        let mut seen = std::collections::HashSet::new();
        for refusal in all {
            let refusal = Refusal::Coupon(refusal);
            let [en, fr, it] = Locale::ALL.map(|locale| refusal_text(&refusal, locale));
            for text in [&en, &fr, &it] {
                assert!(text.contains("ONCE"), "{text}");
                assert!(seen.insert(text.clone()), "worded twice: {text}");
            }
        }
        assert_eq!(seen.len(), 33);
    }
}

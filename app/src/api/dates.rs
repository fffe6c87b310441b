//! Instants worded for the shopper: in their time zone (`users.timezone`, UTC when it is
//! not one the tz database knows) and their language's date style. Formatted on the
//! server, so the browser bundle carries no calendar or time-zone tables.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use domain::Locale;

use crate::i18n::errors::month_names;

/// How one shopper reads dates.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    zone: Tz,
    locale: Locale,
}

impl Clock {
    /// `zone` is an IANA name (`Europe/Paris`); unknown names read as UTC.
    pub fn new(zone: &str, locale: Locale) -> Self {
        Clock {
            zone: zone.trim().parse().unwrap_or(Tz::UTC),
            locale,
        }
    }

    /// "4 December 2026", "4 décembre 2026".
    pub fn date(&self, at: impl Into<DateTime<Utc>>) -> String {
        let local = at.into().with_timezone(&self.zone);
        let month = month_names(self.locale)[local.month0() as usize];
        format!("{} {month} {}", local.day(), local.year())
    }

    /// A calendar date (`orders.estimated_delivery`), worded like [`Clock::date`].
    pub fn day(&self, day: chrono::NaiveDate) -> String {
        let midday = day.and_hms_opt(12, 0, 0).unwrap_or_default();
        self.date(DateTime::<Utc>::from_naive_utc_and_offset(midday, Utc))
    }

    /// "4 December 2026, 11:32", "4 décembre 2026 à 11:32".
    pub fn date_time(&self, at: impl Into<DateTime<Utc>>) -> String {
        let at = at.into();
        let local = at.with_timezone(&self.zone);
        let time = format!("{:02}:{:02}", local.hour(), local.minute());
        match self.locale {
            Locale::Fr => format!("{} à {time}", self.date(at)),
            Locale::En | Locale::It => format!("{}, {time}", self.date(at)),
        }
    }
}

/// The instant for `<time datetime>`: RFC 3339 in UTC.
pub fn iso(at: impl Into<DateTime<Utc>>) -> String {
    at.into().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_in_the_shoppers_zone_and_words() {
        let at = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(Clock::new("UTC", Locale::En).date(at), "31 December 2026");
        assert_eq!(
            Clock::new("Europe/Paris", Locale::Fr).date_time(at),
            "1 janvier 2027 à 00:30"
        );
        assert_eq!(
            Clock::new("America/New_York", Locale::It).date_time(at),
            "31 dicembre 2026, 18:30"
        );
        assert_eq!(
            Clock::new("Mars/Olympus", Locale::En).date_time(at),
            "31 December 2026, 23:30"
        );
        assert_eq!(iso(at), "2026-12-31T23:30:00Z");
    }
}

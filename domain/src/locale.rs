//! The storefront's languages, and how a request names one.

/// The storefront's languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    Fr,
    It,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::It];

    /// The BCP 47 code, as in `<html lang>` and `*_translations.language_code`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::It => "it",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::It => "Italiano",
        }
    }

    /// `"fr"`, `"FR"`, `"fr-CA"` and `"fr_BE"` are all French; unknown languages are `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| primary.eq_ignore_ascii_case(locale.code()))
    }

    /// The best supported language in an `Accept-Language` header, honouring q-values
    /// (ties go to the earlier entry); `None` when nothing there is supported.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, u16)> = None;
        for entry in header.split(',') {
            let mut fields = entry.split(';');
            let Some(locale) = fields.next().and_then(Locale::parse) else {
                continue;
            };
            let quality = fields
                .find_map(|param| param.trim().strip_prefix("q="))
                .map_or(Some(1000), parse_quality);
            let Some(quality) = quality.filter(|quality| *quality > 0) else {
                continue;
            };
            if best.is_none_or(|(_, seen)| quality > seen) {
                best = Some((locale, quality));
            }
        }
        best.map(|(locale, _)| locale)
    }
}

/// A q-value ("0.8", "1", "0.123") in thousandths; `None` when malformed.
fn parse_quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    if fraction.len() > 3 || !fraction.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let fraction: u16 = format!("{fraction:0<3}").parse().ok()?;
    let quality = whole * 1000 + fraction;
    (quality <= 1000).then_some(quality)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_by_primary_language() {
        assert_eq!(Locale::parse("fr"), Some(Locale::Fr));
        assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::parse("IT_ch"), Some(Locale::It));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7"),
            Some(Locale::Fr)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.5, it;q=0.6"),
            Some(Locale::It)
        );
        assert_eq!(Locale::from_accept_language("it-IT, fr"), Some(Locale::It));
        assert_eq!(Locale::from_accept_language("fr;q=0, en"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("de, es;q=0.4"), None);
        assert_eq!(Locale::from_accept_language("fr;q=2, it"), Some(Locale::It));
        assert_eq!(Locale::from_accept_language(""), None);
    }
}

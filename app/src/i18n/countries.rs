//! The countries the store ships to, named in each language: the address book's and
//! the checkout's country lists, and the country on a saved address.
//!
//! The server accepts exactly these ISO 3166-1 alpha-2 codes
//! (`services::addresses::COUNTRY_CODES`); a unit test keeps the two lists the same.

use std::cmp::Ordering;
use std::sync::LazyLock;

use super::Locale;

/// A country the store ships to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Country {
    Ae,
    At,
    Au,
    Be,
    Br,
    Ca,
    Ch,
    Cn,
    De,
    Dk,
    Es,
    Fi,
    Fr,
    Gb,
    Gr,
    Hk,
    Ie,
    It,
    Jp,
    Kr,
    Lu,
    Mc,
    Mx,
    Nl,
    No,
    Pl,
    Pt,
    Se,
    Sg,
    Us,
}

impl Country {
    /// Every supported country, by code.
    pub const ALL: [Country; 30] = [
        Country::Ae,
        Country::At,
        Country::Au,
        Country::Be,
        Country::Br,
        Country::Ca,
        Country::Ch,
        Country::Cn,
        Country::De,
        Country::Dk,
        Country::Es,
        Country::Fi,
        Country::Fr,
        Country::Gb,
        Country::Gr,
        Country::Hk,
        Country::Ie,
        Country::It,
        Country::Jp,
        Country::Kr,
        Country::Lu,
        Country::Mc,
        Country::Mx,
        Country::Nl,
        Country::No,
        Country::Pl,
        Country::Pt,
        Country::Se,
        Country::Sg,
        Country::Us,
    ];

    /// The uppercase ISO 3166-1 alpha-2 code, as the server stores it.
    pub fn code(self) -> &'static str {
        match self {
            Country::Ae => "AE",
            Country::At => "AT",
            Country::Au => "AU",
            Country::Be => "BE",
            Country::Br => "BR",
            Country::Ca => "CA",
            Country::Ch => "CH",
            Country::Cn => "CN",
            Country::De => "DE",
            Country::Dk => "DK",
            Country::Es => "ES",
            Country::Fi => "FI",
            Country::Fr => "FR",
            Country::Gb => "GB",
            Country::Gr => "GR",
            Country::Hk => "HK",
            Country::Ie => "IE",
            Country::It => "IT",
            Country::Jp => "JP",
            Country::Kr => "KR",
            Country::Lu => "LU",
            Country::Mc => "MC",
            Country::Mx => "MX",
            Country::Nl => "NL",
            Country::No => "NO",
            Country::Pl => "PL",
            Country::Pt => "PT",
            Country::Se => "SE",
            Country::Sg => "SG",
            Country::Us => "US",
        }
    }

    /// The country for a code, case-insensitively; `None` for one the store does not
    /// ship to.
    pub fn parse(code: &str) -> Option<Country> {
        let code = code.trim();
        Country::ALL
            .into_iter()
            .find(|country| country.code().eq_ignore_ascii_case(code))
    }

    /// The country's name in `locale`.
    pub fn name(self, locale: Locale) -> &'static str {
        let (en, fr, it) = match self {
            Country::Ae => (
                "United Arab Emirates",
                "Émirats arabes unis",
                "Emirati Arabi Uniti",
            ),
            Country::At => ("Austria", "Autriche", "Austria"),
            Country::Au => ("Australia", "Australie", "Australia"),
            Country::Be => ("Belgium", "Belgique", "Belgio"),
            Country::Br => ("Brazil", "Brésil", "Brasile"),
            Country::Ca => ("Canada", "Canada", "Canada"),
            Country::Ch => ("Switzerland", "Suisse", "Svizzera"),
            Country::Cn => ("China", "Chine", "Cina"),
            Country::De => ("Germany", "Allemagne", "Germania"),
            Country::Dk => ("Denmark", "Danemark", "Danimarca"),
            Country::Es => ("Spain", "Espagne", "Spagna"),
            Country::Fi => ("Finland", "Finlande", "Finlandia"),
            Country::Fr => ("France", "France", "Francia"),
            Country::Gb => ("United Kingdom", "Royaume-Uni", "Regno Unito"),
            Country::Gr => ("Greece", "Grèce", "Grecia"),
            Country::Hk => ("Hong Kong", "Hong Kong", "Hong Kong"),
            Country::Ie => ("Ireland", "Irlande", "Irlanda"),
            Country::It => ("Italy", "Italie", "Italia"),
            Country::Jp => ("Japan", "Japon", "Giappone"),
            Country::Kr => ("South Korea", "Corée du Sud", "Corea del Sud"),
            Country::Lu => ("Luxembourg", "Luxembourg", "Lussemburgo"),
            Country::Mc => ("Monaco", "Monaco", "Principato di Monaco"),
            Country::Mx => ("Mexico", "Mexique", "Messico"),
            Country::Nl => ("Netherlands", "Pays-Bas", "Paesi Bassi"),
            Country::No => ("Norway", "Norvège", "Norvegia"),
            Country::Pl => ("Poland", "Pologne", "Polonia"),
            Country::Pt => ("Portugal", "Portugal", "Portogallo"),
            Country::Se => ("Sweden", "Suède", "Svezia"),
            Country::Sg => ("Singapore", "Singapour", "Singapore"),
            Country::Us => ("United States", "États-Unis", "Stati Uniti"),
        };
        match locale {
            Locale::En => en,
            Locale::Fr => fr,
            Locale::It => it,
        }
    }
}

/// The name of the country with `code` in `locale`, or the code itself for a country
/// the store does not know.
pub fn country_name(code: &str, locale: Locale) -> &str {
    Country::parse(code).map_or(code, |country| country.name(locale))
}

/// `(code, name)` for every country, in alphabetical order of the names in `locale`:
/// the options of a country drop-down.
pub fn country_options(locale: Locale) -> &'static [(&'static str, &'static str)] {
    static EN: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| sorted_options(Locale::En));
    static FR: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| sorted_options(Locale::Fr));
    static IT: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| sorted_options(Locale::It));
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::It => &IT,
    }
}

fn sorted_options(locale: Locale) -> Vec<(&'static str, &'static str)> {
    let mut options: Vec<_> = Country::ALL
        .into_iter()
        .map(|country| (country.code(), country.name(locale)))
        .collect();
    options.sort_by(|(_, a), (_, b)| collate(a, b));
    options
}

/// Dictionary order for the names above: letters compare without their accents or
/// case first ("États-Unis" sorts among the E's), then exactly, to break ties.
fn collate(a: &str, b: &str) -> Ordering {
    let key = |name: &str| name.chars().map(base_letter).collect::<String>();
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// A letter without its accent, in lowercase.
fn base_letter(letter: char) -> char {
    match letter.to_lowercase().next().unwrap_or(letter) {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_in_each_language() {
        assert_eq!(country_name("DE", Locale::En), "Germany");
        assert_eq!(country_name("DE", Locale::Fr), "Allemagne");
        assert_eq!(country_name("DE", Locale::It), "Germania");
        assert_eq!(country_name("us", Locale::Fr), "États-Unis");
        assert_eq!(country_name("CH", Locale::It), "Svizzera");
        assert_eq!(country_name("ZZ", Locale::Fr), "ZZ");
    }

    #[test]
    fn every_country_has_a_code_and_three_names() {
        for country in Country::ALL {
            assert_eq!(Country::parse(country.code()), Some(country));
            for locale in Locale::ALL {
                assert!(
                    !country.name(locale).is_empty(),
                    "{country:?} in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn the_lists_are_in_each_languages_alphabetical_order() {
        let names = |locale| -> Vec<&str> {
            country_options(locale)
                .iter()
                .map(|(_, name)| *name)
                .collect()
        };
        let english = names(Locale::En);
        assert_eq!(english.len(), Country::ALL.len());
        assert_eq!(english.first(), Some(&"Australia"));
        assert_eq!(english.last(), Some(&"United States"));
        let mut plain = english.clone();
        plain.sort_unstable();
        assert_eq!(english, plain, "English needs no accents");

        let french = names(Locale::Fr);
        assert_eq!(french.first(), Some(&"Allemagne"));
        let position = |name| french.iter().position(|known| *known == name).unwrap();
        assert!(position("Émirats arabes unis") < position("Espagne"));
        assert!(position("Espagne") < position("États-Unis"));
        assert!(position("États-Unis") < position("Finlande"));

        let italian = names(Locale::It);
        assert_eq!(italian.first(), Some(&"Australia"));
        assert_eq!(italian.last(), Some(&"Svizzera"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_countries_are_the_ones_the_server_accepts() {
        let mut offered: Vec<_> = Country::ALL.iter().map(|country| country.code()).collect();
        offered.sort_unstable();
        let mut accepted = services::addresses::COUNTRY_CODES.to_vec();
        accepted.sort_unstable();
        assert_eq!(offered, accepted);
    }
}

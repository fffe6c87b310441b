//! Filters written into the query: "under $500", "between €200 and €400", "in black",
//! "size M", "for men". [`parse_phrases`] finds them (English, with the common French and
//! Italian forms), takes them out of the text searched, and keeps each one with the query
//! as it would read without it, so the page can show it as a removable chip.
//!
//! Phrases are read word by word from a short, fixed vocabulary; nothing is guessed from
//! the catalogue. A colour is a colour family (`products.color_analysis->>'family'`):
//! shades the catalogue names ("ivory", "charcoal", "bordeaux") count after "in", while
//! only plain colour words ("black", "navy") count on their own, so a piece's exact name
//! ("Charcoal Suede Bomber Jacket") stays text. "Gold" and "silver" are materials as much
//! as colours, so they are colours only after "in".

mod vocabulary;

use sea_orm::prelude::Decimal;
use vocabulary::{COLORS, CURRENCY_WORDS, DEPARTMENTS, PRICE_LEADS};

/// The most phrases one query yields; the rest stay text.
pub const MAX_PHRASES: usize = 6;

/// A department of the catalogue a phrase narrows to (its root category's slug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Department {
    Women,
    Men,
    Home,
}

impl Department {
    pub fn slug(self) -> &'static str {
        match self {
            Department::Women => "women",
            Department::Men => "men",
            Department::Home => "home",
        }
    }
}

/// What one phrase asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseFilter {
    /// At most this price.
    MaxPrice(Decimal),
    /// At least this price.
    MinPrice(Decimal),
    /// Within these prices (inclusive, low first).
    PriceRange(Decimal, Decimal),
    /// A colour family: white, black, blue, red, brown, beige, grey, green, pink or gold.
    Color(&'static str),
    /// A variant size, as the catalogue writes it ("M", "XL", "48").
    Size(String),
    Department(Department),
}

/// A phrase found in the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub filter: PhraseFilter,
    /// The words as typed ("under $500").
    pub text: String,
    /// The whole query without this phrase (what removing its chip searches).
    pub without: String,
}

/// A query split into the text searched and the filters written into it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    /// The query without its phrases, single-spaced (may be empty).
    pub rest: String,
    pub phrases: Vec<Phrase>,
}

/// A word of the query: lowercased, outer punctuation trimmed (currency signs kept), with
/// its byte span in the query.
struct Word {
    word: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut offset = 0;
    for raw in text.split(' ') {
        let start = offset;
        offset += raw.len() + 1;
        let keep = |ch: char| ch.is_alphanumeric() || matches!(ch, '$' | '€' | '£');
        let word = raw
            .trim_matches(|ch: char| !keep(ch))
            .replace('’', "'")
            .to_lowercase();
        if !word.is_empty() {
            words.push(Word {
                word,
                start,
                end: start + raw.len(),
            });
        }
    }
    words
}

/// Finds the filter phrases of a normalized query (see the module documentation).
pub fn parse_phrases(text: &str) -> ParsedQuery {
    let words = words(text);
    let mut used = vec![false; words.len()];
    let mut found: Vec<(PhraseFilter, usize, usize)> = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let matched = if found.len() < MAX_PHRASES {
            phrase_at(&words, at)
        } else {
            None
        };
        match matched {
            Some((filter, len)) => {
                used[at..at + len].iter_mut().for_each(|used| *used = true);
                found.push((filter, at, at + len));
                at += len;
            }
            None => at += 1,
        }
    }
    let rest = kept_text(text, &words, &used);
    let phrases = found
        .into_iter()
        .map(|(filter, first, end)| {
            // The query without this phrase keeps the other phrases and the text.
            let without = words
                .iter()
                .enumerate()
                .filter(|(index, _)| !(first..end).contains(index))
                .map(|(_, word)| &text[word.start..word.end])
                .collect::<Vec<_>>()
                .join(" ");
            Phrase {
                filter,
                text: text[words[first].start..words[end - 1].end].to_string(),
                without,
            }
        })
        .collect();
    ParsedQuery { rest, phrases }
}

/// The query's words not taken by a phrase, as typed.
fn kept_text(text: &str, words: &[Word], used: &[bool]) -> String {
    words
        .iter()
        .zip(used)
        .filter(|(_, used)| !**used)
        .map(|(word, _)| &text[word.start..word.end])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The phrase starting at word `at`, and how many words it takes.
fn phrase_at(words: &[Word], at: usize) -> Option<(PhraseFilter, usize)> {
    let word = |offset: usize| words.get(at + offset).map(|word| word.word.as_str());
    let rest = &words[at..];
    // "between $200 and $500", "from 200 to 500", "entre 200 et 500", "tra 200 e 500".
    if matches!(
        word(0),
        Some("between" | "from" | "entre" | "de" | "tra" | "fra" | "da")
    ) && let Some((low, used)) = amount(&rest[1..], false)
        && matches!(word(1 + used), Some("and" | "to" | "et" | "à" | "a" | "e"))
        && let Some((high, more)) = amount(&rest[2 + used..], false)
    {
        return Some((range(low, high), 2 + used + more));
    }
    // "$200-$500", "$200 to $500".
    if let Some((low, high)) = dash_range(&words[at].word) {
        return Some((range(low, high), 1));
    }
    if let Some((low, used)) = amount(rest, true)
        && matches!(word(used), Some("to" | "-"))
        && let Some((high, more)) = amount(&rest[used + 1..], false)
    {
        return Some((range(low, high), used + 1 + more));
    }
    // "under $500", "less than 500", "moins de 500 €", "sotto i 500 euro".
    for (lead, max) in PRICE_LEADS {
        let lead_len = lead.len();
        if lead
            .iter()
            .enumerate()
            .all(|(i, part)| word(i) == Some(part))
        {
            let skip = usize::from(matches!(word(lead_len), Some("i" | "les" | "the")));
            if let Some((price, used)) = amount(&rest[lead_len + skip..], false) {
                let filter = if *max {
                    PhraseFilter::MaxPrice(price)
                } else {
                    PhraseFilter::MinPrice(price)
                };
                return Some((filter, lead_len + skip + used));
            }
        }
    }
    // "$500 or less", "$500 and up", "$500 or more".
    if let Some((price, used)) = amount(rest, true) {
        match (word(used), word(used + 1)) {
            (Some("or"), Some("less" | "under" | "below")) => {
                return Some((PhraseFilter::MaxPrice(price), used + 2));
            }
            (Some("and" | "or"), Some("up" | "more" | "over" | "above")) => {
                return Some((PhraseFilter::MinPrice(price), used + 2));
            }
            _ => {}
        }
    }
    // "size M", "in size 48", "taille 38", "taglia L".
    let in_size = usize::from(matches!(word(0), Some("in" | "en")));
    if matches!(
        word(in_size),
        Some("size" | "sized" | "taille" | "taglia" | "misura")
    ) && let Some(size) = word(in_size + 1).and_then(size)
    {
        return Some((PhraseFilter::Size(size), in_size + 2));
    }
    // "in black", "en noir", "in nero": any shade; a plain colour word on its own.
    if matches!(word(0), Some("in" | "en"))
        && let Some(family) = word(1).and_then(|word| color(word, true))
    {
        return Some((PhraseFilter::Color(family), 2));
    }
    if let Some(family) = word(0).and_then(|word| color(word, false)) {
        return Some((PhraseFilter::Color(family), 1));
    }
    // "for men", "men's", "pour femme", "per uomo", "for the home".
    for (lead, department) in DEPARTMENTS {
        if lead
            .iter()
            .enumerate()
            .all(|(i, part)| word(i) == Some(part))
        {
            return Some((PhraseFilter::Department(*department), lead.len()));
        }
    }
    None
}

fn range(a: Decimal, b: Decimal) -> PhraseFilter {
    PhraseFilter::PriceRange(a.min(b), a.max(b))
}

/// The colour family a word names (only plain colour words unless `after_in`).
fn color(word: &str, after_in: bool) -> Option<&'static str> {
    COLORS
        .iter()
        .find(|(name, _, alone)| *name == word && (after_in || *alone))
        .map(|(_, family, _)| *family)
}

/// A size as the catalogue writes it.
fn size(word: &str) -> Option<String> {
    let letters = match word {
        "xxs" | "xs" | "s" | "m" | "l" | "xl" | "xxl" => word.to_uppercase(),
        "small" => "S".into(),
        "medium" => "M".into(),
        "large" => "L".into(),
        _ if (1..=3).contains(&word.len()) && word.chars().all(|ch| ch.is_ascii_digit()) => {
            word.to_string()
        }
        _ => return None,
    };
    Some(letters)
}

/// A price at the start of `words`: "$500", "500", "1,200 dollars", "€2k", "500 €".
/// With `marked`, the amount must carry a currency sign or word. Returns the amount and
/// the words it took.
fn amount(words: &[Word], marked: bool) -> Option<(Decimal, usize)> {
    let first = &words.first()?.word;
    let (value, signed) = parse_amount(first)?;
    let next = words.get(1).map(|word| word.word.as_str());
    let worded =
        next.is_some_and(|next| CURRENCY_WORDS.contains(&next) || matches!(next, "$" | "€" | "£"));
    if marked && !signed && !worded {
        return None;
    }
    Some((value, 1 + usize::from(worded)))
}

/// One word as an amount, and whether it carried a currency sign.
fn parse_amount(word: &str) -> Option<(Decimal, bool)> {
    let signs = |ch: char| matches!(ch, '$' | '€' | '£');
    let mut text = word.trim_matches(signs);
    let signed = text.len() != word.len();
    let mut multiplier = Decimal::ONE;
    for suffix in ["usd", "eur"] {
        text = text.strip_suffix(suffix).unwrap_or(text);
    }
    if let Some(thousands) = text.strip_suffix('k') {
        text = thousands;
        multiplier = Decimal::from(1000);
    }
    if text.is_empty()
        || !text.starts_with(|ch: char| ch.is_ascii_digit())
        || !text
            .chars()
            .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
    {
        return None;
    }
    let value: Decimal = text.replace(',', "").parse().ok()?;
    let value = value.checked_mul(multiplier)?;
    (value <= Decimal::from(100_000_000)).then_some((value, signed))
}

/// "$200-$500" (one word; at least one side with a currency sign).
fn dash_range(word: &str) -> Option<(Decimal, Decimal)> {
    let (low, high) = word.split_once('-')?;
    let (low, low_signed) = parse_amount(low)?;
    let (high, high_signed) = parse_amount(high)?;
    (low_signed || high_signed).then_some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn filters(text: &str) -> Vec<PhraseFilter> {
        parse_phrases(text)
            .phrases
            .into_iter()
            .map(|phrase| phrase.filter)
            .collect()
    }

    #[test]
    fn price_ceilings_floors_and_ranges() {
        assert_eq!(
            filters("a bag under $500"),
            [PhraseFilter::MaxPrice(dec("500"))]
        );
        assert_eq!(
            filters("less than 1,200 dollars"),
            [PhraseFilter::MaxPrice(dec("1200"))]
        );
        assert_eq!(filters("over €2k"), [PhraseFilter::MinPrice(dec("2000"))]);
        assert_eq!(
            filters("$300 or less"),
            [PhraseFilter::MaxPrice(dec("300"))]
        );
        assert_eq!(
            filters("watches $5000 and up"),
            [PhraseFilter::MinPrice(dec("5000"))]
        );
        assert_eq!(
            filters("between $500 and $200"),
            [PhraseFilter::PriceRange(dec("200"), dec("500"))]
        );
        assert_eq!(
            filters("$200-$450.50"),
            [PhraseFilter::PriceRange(dec("200"), dec("450.50"))]
        );
        assert_eq!(
            filters("from 100 to 300 usd"),
            [PhraseFilter::PriceRange(dec("100"), dec("300"))]
        );
        assert_eq!(
            filters("moins de 400 €"),
            [PhraseFilter::MaxPrice(dec("400"))]
        );
        assert_eq!(
            filters("sotto i 300 euro"),
            [PhraseFilter::MaxPrice(dec("300"))]
        );
    }

    #[test]
    fn numbers_without_a_price_word_stay_text() {
        // A bare number is a price only after a price word or with a currency.
        assert!(filters("18 carat gold ring").is_empty());
        assert!(filters("from paris").is_empty());
        assert!(filters("under the sea").is_empty());
        assert!(filters("over 999999999999").is_empty());
        assert_eq!(parse_phrases("LV-0101-001").rest, "LV-0101-001");
    }

    #[test]
    fn colours_need_in_unless_plain() {
        assert_eq!(filters("a dress in black"), [PhraseFilter::Color("black")]);
        assert_eq!(filters("black dress"), [PhraseFilter::Color("black")]);
        assert_eq!(filters("scarf in charcoal"), [PhraseFilter::Color("grey")]);
        assert_eq!(filters("une robe en noir"), [PhraseFilter::Color("black")]);
        assert_eq!(filters("in gold"), [PhraseFilter::Color("gold")]);
        // Shades and materials alone are words of names, not filters.
        assert!(filters("Charcoal Suede Bomber Jacket").is_empty());
        assert!(filters("gold signet ring").is_empty());
        assert!(filters("sterling silver").is_empty());
    }

    #[test]
    fn sizes_and_departments() {
        assert_eq!(filters("blazer size m"), [PhraseFilter::Size("M".into())]);
        assert_eq!(filters("in size 48"), [PhraseFilter::Size("48".into())]);
        assert_eq!(filters("taglia large"), [PhraseFilter::Size("L".into())]);
        assert!(filters("size matters").is_empty());
        assert_eq!(
            filters("knitwear for men"),
            [PhraseFilter::Department(Department::Men)]
        );
        assert_eq!(
            filters("Women’s coats"),
            [PhraseFilter::Department(Department::Women)]
        );
        // "a man who loves watches" is not a department: watches are jewellery.
        assert!(filters("a gift for a man who loves watches").is_empty());
    }

    #[test]
    fn phrases_leave_the_text_and_each_can_be_removed() {
        let parsed = parse_phrases("Silk dress in black, size M under $500!");
        assert_eq!(parsed.rest, "Silk dress");
        assert_eq!(
            parsed.phrases,
            [
                Phrase {
                    filter: PhraseFilter::Color("black"),
                    text: "in black,".into(),
                    without: "Silk dress size M under $500!".into(),
                },
                Phrase {
                    filter: PhraseFilter::Size("M".into()),
                    text: "size M".into(),
                    without: "Silk dress in black, under $500!".into(),
                },
                Phrase {
                    filter: PhraseFilter::MaxPrice(dec("500")),
                    text: "under $500!".into(),
                    without: "Silk dress in black, size M".into(),
                },
            ]
        );
        // A query of filters alone leaves no text.
        assert_eq!(parse_phrases("black under 300").rest, "");
        // Removing a chip and parsing again finds the other phrases, not that one.
        let without = &parse_phrases("navy coat for women over $1000").phrases[0].without;
        assert_eq!(
            filters(without),
            [
                PhraseFilter::Department(Department::Women),
                PhraseFilter::MinPrice(dec("1000"))
            ]
        );
    }

    #[test]
    fn phrases_are_bounded() {
        let parsed = parse_phrases("black black black black black black black black");
        assert_eq!(parsed.phrases.len(), MAX_PHRASES);
        assert_eq!(parsed.rest, "black black");
    }
}

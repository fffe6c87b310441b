//! The style quiz: what a shopper tells us about their taste (`StyleAnswers`, both what the
//! form sends and what the page shows back), and the page that asks it (`StyleQuiz`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::coded_enum;

coded_enum! {
    /// What a shopper shops for: the catalogue's departments.
    pub enum Department {
        Women => "women",
        Men => "men",
        Accessories => "accessories",
        Jewellery => "jewellery",
        Home => "home",
    }
}

coded_enum! {
    /// A style a shopper recognises themselves in, shown with a picture.
    pub enum Persona {
        Minimalist => "minimalist",
        Classic => "classic",
        Romantic => "romantic",
        AvantGarde => "avant_garde",
        Bohemian => "bohemian",
        Sartorial => "sartorial",
    }
}

impl Persona {
    /// The words the taste vector reads for this persona (English: the model's language).
    pub fn words(self) -> &'static str {
        match self {
            Persona::Minimalist => "minimal, clean lines, understated, monochrome essentials",
            Persona::Classic => "classic, timeless, elegant, refined heritage pieces",
            Persona::Romantic => "romantic, soft, delicate silk, flowing dresses, lace",
            Persona::AvantGarde => "avant-garde, sculptural, bold, statement pieces",
            Persona::Bohemian => "bohemian, relaxed, artisanal, natural textures",
            Persona::Sartorial => "sartorial, tailored suits, crisp shirts, fine watches",
        }
    }
}

coded_enum! {
    /// A colour family, as the catalogue tags every piece (`color_analysis.family`).
    pub enum ColourFamily {
        White => "white",
        Beige => "beige",
        Brown => "brown",
        Black => "black",
        Grey => "grey",
        Blue => "blue",
        Red => "red",
        Green => "green",
        Pink => "pink",
        Gold => "gold",
    }
}

coded_enum! {
    /// How a shopper likes clothes to sit.
    #[derive(Default)]
    pub enum Fit {
        Slim => "slim",
        #[default]
        Regular => "regular",
        Relaxed => "relaxed",
    }
}

coded_enum! {
    /// A shopper's answer to one piece of the quiz deck.
    pub enum Verdict {
        Like => "like",
        Dislike => "dislike",
        Skip => "skip",
    }
}

coded_enum! {
    /// The catalogue's sizing systems a shopper can give a usual size in.
    pub enum SizeSystem {
        Apparel => "apparel",
        Tailoring => "tailoring",
        Rings => "rings",
    }
}

impl SizeSystem {
    /// The sizes of this system, smallest first.
    pub fn sizes(self) -> &'static [&'static str] {
        match self {
            SizeSystem::Apparel => &["XS", "S", "M", "L", "XL"],
            SizeSystem::Tailoring => &["46", "48", "50", "52", "54"],
            SizeSystem::Rings => &["5", "6", "7", "8"],
        }
    }

    /// The system a size label belongs to, if any.
    pub fn of(size: &str) -> Option<SizeSystem> {
        SizeSystem::ALL
            .iter()
            .copied()
            .find(|system| system.sizes().contains(&size))
    }
}

/// A shopper's usual size in one system.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UsualSize {
    pub system: String,
    pub size: String,
}

/// One piece of the deck and the shopper's answer to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeckAnswer {
    pub product: String,
    pub verdict: String,
}

/// The quiz's answers: codes and plain values, as the form sends them and as the page
/// shows a saved profile back. The service checks every value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleAnswers {
    #[serde(default, deserialize_with = "codes")]
    pub departments: Vec<String>,
    #[serde(default, deserialize_with = "codes")]
    pub personas: Vec<String>,
    #[serde(default, deserialize_with = "codes")]
    pub loved_colours: Vec<String>,
    #[serde(default, deserialize_with = "codes")]
    pub avoided_colours: Vec<String>,
    /// Brand slugs.
    #[serde(default, deserialize_with = "codes")]
    pub designers: Vec<String>,
    #[serde(default, deserialize_with = "codes")]
    pub avoided_materials: Vec<String>,
    /// Whole US dollars, as typed; empty for no limit.
    #[serde(default)]
    pub budget_min: String,
    #[serde(default)]
    pub budget_max: String,
    #[serde(default)]
    pub sweet_spot: String,
    #[serde(default)]
    pub sustainable: bool,
    #[serde(default)]
    pub exclusive: bool,
    #[serde(default)]
    pub sizes: Vec<UsualSize>,
    /// "I wear `anchor_size` in `anchor_brand`" (a brand slug).
    #[serde(default)]
    pub anchor_brand: String,
    #[serde(default)]
    pub anchor_size: String,
    #[serde(default)]
    pub fit: String,
    #[serde(default)]
    pub deck: Vec<DeckAnswer>,
}

/// A list of codes, sent either as a list (JSON) or as a plain form's ticked boxes, each
/// box named by its code (`answers[personas][classic]=true`): a form sends only the
/// ticked boxes, and numbered names with gaps are not a list to the form decoder.
fn codes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Codes;

    impl<'de> serde::de::Visitor<'de> for Codes {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of codes, or a map keyed by code")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut codes = Vec::new();
            while let Some(code) = seq.next_element::<String>()? {
                codes.push(code);
            }
            Ok(codes)
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut codes = Vec::new();
            while let Some((code, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                codes.push(code);
            }
            Ok(codes)
        }

        fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Self::Value, E> {
            Ok(vec![code.to_string()])
        }
    }

    deserializer.deserialize_any(Codes)
}

/// A choice the quiz offers: its code and its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// A piece of the deck, with its picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckPiece {
    pub id: String,
    pub name: String,
    pub brand: Option<String>,
    pub image_url: Option<String>,
}

/// The quiz page: the saved answers (or none yet), and what it offers to choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleQuiz {
    pub answers: StyleAnswers,
    /// Whether the shopper has taken the quiz before.
    pub taken: bool,
    /// Whether the shopper lets us personalise (`ai_consent`); off, the quiz is not saved.
    pub consent: bool,
    pub designers: Vec<Choice>,
    pub materials: Vec<String>,
    /// A picture for each persona, in [`Persona::ALL`] order.
    pub persona_images: Vec<Option<String>>,
    pub deck: Vec<DeckPiece>,
}

/// Whole dollars typed in a budget field: `None` for an empty field, `Err` for anything
/// but a whole or decimal number of at most two decimals.
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, NotAnAmount> {
    let text = text.trim().trim_start_matches('$').replace([',', ' '], "");
    if text.is_empty() {
        return Ok(None);
    }
    let amount: Decimal = text.parse().map_err(|_| NotAnAmount)?;
    if amount.scale() > 2 || amount.is_sign_negative() {
        return Err(NotAnAmount);
    }
    Ok(Some(amount))
}

/// Text that is not an amount of dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnAmount;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_amounts_parse_as_typed() {
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount(" $1,500 "), Ok(Some(Decimal::new(1500, 0))));
        assert_eq!(parse_amount("99.50"), Ok(Some(Decimal::new(9950, 2))));
        assert_eq!(parse_amount("-5"), Err(NotAnAmount));
        assert_eq!(parse_amount("ten"), Err(NotAnAmount));
        assert_eq!(parse_amount("1.005"), Err(NotAnAmount));
    }

    #[test]
    fn ticked_boxes_and_lists_give_the_same_codes() {
        let from_form: StyleAnswers =
            serde_json::from_str(r#"{"personas": {"classic": "true", "bohemian": "true"}}"#)
                .unwrap();
        let from_list: StyleAnswers =
            serde_json::from_str(r#"{"personas": ["classic", "bohemian"]}"#).unwrap();
        assert_eq!(from_form.personas, vec!["classic", "bohemian"]);
        assert_eq!(from_form, from_list);
    }

    #[test]
    fn sizes_know_their_system() {
        assert_eq!(SizeSystem::of("M"), Some(SizeSystem::Apparel));
        assert_eq!(SizeSystem::of("48"), Some(SizeSystem::Tailoring));
        assert_eq!(SizeSystem::of("6"), Some(SizeSystem::Rings));
        assert_eq!(SizeSystem::of("One size"), None);
    }
}

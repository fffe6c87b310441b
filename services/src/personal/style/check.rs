//! Checking the quiz's answers: every value must be one the quiz offered, budgets must be
//! amounts in order, sizes must belong to their system. All problems come back at once,
//! each with the field it belongs to.

use std::collections::BTreeMap;

use domain::Refusal;
use domain::read::style::{
    ColourFamily, DeckAnswer, Department, Fit, Persona, SizeSystem, StyleAnswers, Verdict,
    parse_amount,
};
use sea_orm::prelude::{Decimal, Uuid};

/// Most pieces a deck answer may name (the deck shows about twenty).
pub const MAX_DECK_ANSWERS: usize = 40;
/// Most designers or materials one answer may name.
pub const MAX_CHOICES: usize = 20;
/// Highest budget a shopper may give, in dollars.
pub const MAX_BUDGET: i64 = 1_000_000;

/// Answers the quiz can store: known codes, amounts, sizes and pieces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub departments: Vec<Department>,
    pub personas: Vec<Persona>,
    pub loved_colours: Vec<ColourFamily>,
    pub avoided_colours: Vec<ColourFamily>,
    pub designers: Vec<String>,
    pub avoided_materials: Vec<String>,
    pub budget_min: Option<Decimal>,
    pub budget_max: Option<Decimal>,
    pub sweet_spot: Option<Decimal>,
    pub sustainable: bool,
    pub exclusive: bool,
    pub sizes: BTreeMap<&'static str, String>,
    pub anchor: Option<(String, String)>,
    pub fit: Fit,
    pub liked: Vec<Uuid>,
    pub disliked: Vec<Uuid>,
}

/// What the answers may name: the catalogue's designers (slugs), materials and the
/// pieces a deck may show.
pub struct Offered<'a> {
    pub designers: &'a [String],
    pub materials: &'a [String],
    pub pieces: &'a [Uuid],
}

/// A problem with one field of the answers.
pub type Problem = (Option<String>, Refusal);

/// The answers checked against what the quiz offered, or every problem found.
pub fn check(answers: &StyleAnswers, offered: &Offered<'_>) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut field = |name: &str, refusal: Refusal| problems.push((Some(name.to_string()), refusal));

    let departments = codes(&answers.departments, Department::parse, Department::ALL);
    let personas = codes(&answers.personas, Persona::parse, Persona::ALL);
    let loved_colours = codes(
        &answers.loved_colours,
        ColourFamily::parse,
        ColourFamily::ALL,
    );
    let avoided_colours = codes(
        &answers.avoided_colours,
        ColourFamily::parse,
        ColourFamily::ALL,
    );
    for (name, parsed) in [
        ("departments", departments.is_none()),
        ("personas", personas.is_none()),
        ("loved_colours", loved_colours.is_none()),
        ("avoided_colours", avoided_colours.is_none()),
    ] {
        if parsed {
            field(name, Refusal::StyleChoiceUnknown);
        }
    }
    let designers = known(&answers.designers, offered.designers);
    if designers.is_none() {
        field("designers", Refusal::StyleChoiceUnknown);
    }
    let avoided_materials = known(&answers.avoided_materials, offered.materials);
    if avoided_materials.is_none() {
        field("avoided_materials", Refusal::StyleChoiceUnknown);
    }

    let mut amount = |name: &str, text: &str| match parse_amount(text) {
        Ok(Some(amount)) if amount > Decimal::from(MAX_BUDGET) => {
            field(name, Refusal::BudgetInvalid);
            None
        }
        Ok(amount) => amount,
        Err(_) => {
            field(name, Refusal::BudgetInvalid);
            None
        }
    };
    let budget_min = amount("budget_min", &answers.budget_min);
    let budget_max = amount("budget_max", &answers.budget_max);
    let sweet_spot = amount("sweet_spot", &answers.sweet_spot);
    if let (Some(min), Some(max)) = (budget_min, budget_max)
        && min > max
    {
        field("budget_max", Refusal::BudgetOrder);
    }
    if let Some(spot) = sweet_spot
        && (budget_min.is_some_and(|min| spot < min) || budget_max.is_some_and(|max| spot > max))
    {
        field("sweet_spot", Refusal::BudgetOrder);
    }

    let mut sizes = BTreeMap::new();
    for usual in answers
        .sizes
        .iter()
        .filter(|usual| !usual.size.trim().is_empty())
    {
        match SizeSystem::parse(&usual.system) {
            Some(system) if system.sizes().contains(&usual.size.trim()) => {
                sizes.insert(system.code(), usual.size.trim().to_string());
            }
            Some(system) => field(&format!("size_{}", system.code()), Refusal::SizeUnknown),
            None => field("sizes", Refusal::SizeUnknown),
        }
    }

    let (anchor_brand, anchor_size) = (answers.anchor_brand.trim(), answers.anchor_size.trim());
    let anchor = match (anchor_brand.is_empty(), anchor_size.is_empty()) {
        (true, true) => None,
        (false, false) if !offered.designers.iter().any(|slug| slug == anchor_brand) => {
            field("anchor_brand", Refusal::StyleChoiceUnknown);
            None
        }
        (false, false) if anchor_size.chars().count() > 10 => {
            field("anchor_size", Refusal::SizeUnknown);
            None
        }
        (false, false) => Some((anchor_brand.to_string(), anchor_size.to_string())),
        (true, false) => {
            field("anchor_brand", Refusal::AnchorIncomplete);
            None
        }
        (false, true) => {
            field("anchor_size", Refusal::AnchorIncomplete);
            None
        }
    };

    let fit = match answers.fit.trim() {
        "" => Some(Fit::default()),
        code => Fit::parse(code),
    };
    if fit.is_none() {
        field("fit", Refusal::StyleChoiceUnknown);
    }

    let deck = deck(&answers.deck, offered.pieces);
    if deck.is_none() {
        field("deck", Refusal::StyleChoiceUnknown);
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let (liked, disliked) = deck.unwrap_or_default();
    Ok(Checked {
        departments: departments.unwrap_or_default(),
        personas: personas.unwrap_or_default(),
        loved_colours: loved_colours.unwrap_or_default(),
        avoided_colours: avoided_colours.unwrap_or_default(),
        designers: designers.unwrap_or_default(),
        avoided_materials: avoided_materials.unwrap_or_default(),
        budget_min,
        budget_max,
        sweet_spot,
        sustainable: answers.sustainable,
        exclusive: answers.exclusive,
        sizes,
        anchor,
        fit: fit.unwrap_or_default(),
        liked,
        disliked,
    })
}

/// Every code parsed, in the order of `all` (the quiz's), or `None` when one is unknown.
fn codes<T: PartialEq + Clone>(
    values: &[String],
    parse: impl Fn(&str) -> Option<T>,
    all: &[T],
) -> Option<Vec<T>> {
    let mut parsed = Vec::new();
    for value in values.iter().filter(|value| !value.trim().is_empty()) {
        parsed.push(parse(value)?);
    }
    Some(
        all.iter()
            .filter(|value| parsed.contains(value))
            .cloned()
            .collect(),
    )
}

/// The values, each one of `offered`, in its order, or `None`.
fn known(values: &[String], offered: &[String]) -> Option<Vec<String>> {
    if values.len() > MAX_CHOICES {
        return None;
    }
    codes(
        values,
        |value| offered.iter().find(|known| *known == value.trim()).cloned(),
        offered,
    )
}

/// The liked and disliked pieces of the deck (skips dropped), or `None` when an answer
/// names a piece the deck did not show or a verdict it does not know.
fn deck(answers: &[DeckAnswer], pieces: &[Uuid]) -> Option<(Vec<Uuid>, Vec<Uuid>)> {
    if answers.len() > MAX_DECK_ANSWERS {
        return None;
    }
    let (mut liked, mut disliked) = (Vec::new(), Vec::new());
    for answer in answers
        .iter()
        .filter(|answer| !answer.verdict.trim().is_empty())
    {
        let id: Uuid = answer.product.trim().parse().ok()?;
        if !pieces.contains(&id) {
            return None;
        }
        match Verdict::parse(&answer.verdict)? {
            Verdict::Like => liked.push(id),
            Verdict::Dislike => disliked.push(id),
            Verdict::Skip => {}
        }
    }
    Some((liked, disliked))
}

#[cfg(test)]
mod tests {
    use domain::read::style::UsualSize;

    use super::*;

    fn offered(pieces: &[Uuid]) -> Offered<'_> {
        static DESIGNERS: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| vec!["maison-aurelle".into(), "ferro-milano".into()]);
        static MATERIALS: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| vec!["Cashmere".into(), "Leather".into()]);
        Offered {
            designers: &DESIGNERS,
            materials: &MATERIALS,
            pieces,
        }
    }

    fn fields(problems: &[Problem]) -> Vec<(&str, &Refusal)> {
        problems
            .iter()
            .map(|(field, refusal)| (field.as_deref().unwrap_or(""), refusal))
            .collect()
    }

    #[test]
    fn good_answers_are_kept_and_skips_dropped() {
        let (dress, boots, scarf) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let answers = StyleAnswers {
            personas: vec!["romantic".into(), "romantic".into()],
            loved_colours: vec!["white".into()],
            avoided_colours: vec!["black".into()],
            designers: vec!["maison-aurelle".into()],
            avoided_materials: vec!["Leather".into()],
            budget_min: "200".into(),
            budget_max: "$1,500".into(),
            sweet_spot: "600".into(),
            sizes: vec![UsualSize {
                system: "apparel".into(),
                size: "M".into(),
            }],
            anchor_brand: "maison-aurelle".into(),
            anchor_size: "38".into(),
            fit: "relaxed".into(),
            deck: vec![
                DeckAnswer {
                    product: dress.to_string(),
                    verdict: "like".into(),
                },
                DeckAnswer {
                    product: boots.to_string(),
                    verdict: "dislike".into(),
                },
                DeckAnswer {
                    product: scarf.to_string(),
                    verdict: "skip".into(),
                },
            ],
            ..Default::default()
        };
        let checked = check(&answers, &offered(&[dress, boots, scarf])).unwrap();
        assert_eq!(checked.personas, vec![Persona::Romantic]);
        assert_eq!(checked.avoided_colours, vec![ColourFamily::Black]);
        assert_eq!(checked.budget_max, Some(Decimal::new(1500, 0)));
        assert_eq!(checked.sizes.get("apparel").map(String::as_str), Some("M"));
        assert_eq!(checked.anchor, Some(("maison-aurelle".into(), "38".into())));
        assert_eq!(checked.fit, Fit::Relaxed);
        assert_eq!(
            (checked.liked, checked.disliked),
            (vec![dress], vec![boots])
        );
    }

    #[test]
    fn every_problem_comes_back_with_its_field() {
        let answers = StyleAnswers {
            personas: vec!["gothic".into()],
            designers: vec!["unknown-house".into()],
            budget_min: "900".into(),
            budget_max: "300".into(),
            sweet_spot: "lots".into(),
            sizes: vec![UsualSize {
                system: "apparel".into(),
                size: "XXXL".into(),
            }],
            anchor_size: "38".into(),
            fit: "baggy".into(),
            deck: vec![DeckAnswer {
                product: Uuid::new_v4().to_string(),
                verdict: "like".into(),
            }],
            ..Default::default()
        };
        let problems = check(&answers, &offered(&[])).unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![
                ("personas", &Refusal::StyleChoiceUnknown),
                ("designers", &Refusal::StyleChoiceUnknown),
                ("sweet_spot", &Refusal::BudgetInvalid),
                ("budget_max", &Refusal::BudgetOrder),
                ("size_apparel", &Refusal::SizeUnknown),
                ("anchor_brand", &Refusal::AnchorIncomplete),
                ("fit", &Refusal::StyleChoiceUnknown),
                ("deck", &Refusal::StyleChoiceUnknown),
            ]
        );
    }

    #[test]
    fn a_sweet_spot_outside_the_budget_is_refused() {
        let answers = StyleAnswers {
            budget_min: "200".into(),
            budget_max: "400".into(),
            sweet_spot: "900".into(),
            ..Default::default()
        };
        let problems = check(&answers, &offered(&[])).unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![("sweet_spot", &Refusal::BudgetOrder)]
        );
    }
}

//! The advisor's reasoning, without the database: evidence about the shopper's body, read
//! against the piece's chart, gives a size, how sure it is, and the one reason that
//! decided it.
//!
//! - Each estimate (measurements, a designer anchor, a usual size, a piece bought and
//!   kept) becomes a body ([`Chart::body_at`]) and then a fractional position in the
//!   piece's chart; their mean, weighted by how much each says, is the estimate.
//! - A piece sent back (or reported) too small sets a floor: at least the body of the next
//!   size up in that piece's chart; too large, a ceiling. A floor above the estimate wins
//!   and becomes the reason.
//! - Reviewers who agree that the piece runs small (or large) move it half a size.
//! - The fit preference decides between two sizes: slim rounds down from a quarter past a
//!   size, relaxed up from a quarter before the next.
//! - Confidence is 1 − Π(1 − weight) over the estimates, less when they disagree, when
//!   the body falls between two sizes or outside the chart.

use domain::read::size_advice::{FitNote, FitOutcome, SizeReason};

use super::chart::{Body, Chart};

/// Weights: how much one piece of evidence says about the size.
pub const MEASURED: f32 = 0.85;
pub const ANCHOR_SAME_DESIGNER: f32 = 0.85;
pub const ANCHOR: f32 = 0.7;
pub const KEPT_SAME_DESIGNER: f32 = 0.8;
pub const KEPT: f32 = 0.65;
pub const USUAL: f32 = 0.55;
/// A size learned from a return alone.
pub const RETURNED: f32 = 0.8;
/// Fewest reviewers' fit votes that can move a size.
pub const MIN_FIT_VOTES: u32 = 2;
/// Most a suggestion claims.
pub const MAX_CONFIDENCE: f32 = 0.95;

/// How the shopper likes clothes to sit (`size_profiles.preferred_fit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Preference {
    Slim,
    #[default]
    Regular,
    Relaxed,
}

impl Preference {
    /// From the stored code; anything else is regular.
    pub fn parse(code: &str) -> Preference {
        match code.trim() {
            "slim" => Preference::Slim,
            "relaxed" => Preference::Relaxed,
            _ => Preference::Regular,
        }
    }

    fn lean(self) -> f32 {
        match self {
            Preference::Slim => -0.25,
            Preference::Regular => 0.0,
            Preference::Relaxed => 0.25,
        }
    }
}

/// One thing the advisor knows about the shopper's size.
#[derive(Clone, Debug, PartialEq)]
pub enum Evidence {
    /// Their own measurements (cm).
    Measurements(Body),
    /// "I wear `size` in `brand`": that size's position in the designer's chart.
    Anchor {
        brand: String,
        size: String,
        chart: Chart,
        index: usize,
        same_designer: bool,
    },
    /// Their usual size in the system, in the store's standard chart.
    Usual {
        size: String,
        chart: Chart,
        index: usize,
    },
    /// A piece bought in `size` (its position in that piece's chart), and how it fitted.
    Bought {
        brand: String,
        size: String,
        chart: Chart,
        index: usize,
        outcome: FitOutcome,
        same_designer: bool,
    },
}

/// Reviewers' latest fit feedback on the piece.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FitVotes {
    pub small: u32,
    pub true_to_size: u32,
    pub large: u32,
}

impl FitVotes {
    /// What most reviewers agree on, when enough of them do.
    pub fn note(self) -> Option<FitNote> {
        let total = self.small + self.true_to_size + self.large;
        if total < MIN_FIT_VOTES {
            return None;
        }
        if self.small * 2 > total {
            Some(FitNote::RunsSmall)
        } else if self.large * 2 > total {
            Some(FitNote::RunsLarge)
        } else {
            None
        }
    }
}

/// What the advisor answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Position of the size in the piece's chart.
    pub index: usize,
    /// From 0 to 1.
    pub confidence: f32,
    pub reason: SizeReason,
    pub note: Option<FitNote>,
}

struct Estimate {
    index: f32,
    weight: f32,
    reason: SizeReason,
}

/// The size for a piece cut to `chart`, or `None` when the evidence says nothing about it
/// (none, or none in measurements this chart uses).
pub fn advise(
    chart: &Chart,
    evidence: &[Evidence],
    preference: Preference,
    votes: FitVotes,
) -> Option<Suggestion> {
    let mut estimates = Vec::new();
    let mut floor: Option<(f32, SizeReason)> = None;
    let mut ceiling: Option<(f32, SizeReason)> = None;
    let position = |from: &Chart, index: f32| chart.index_of(&from.body_at(index)).map(|p| p.0);
    for item in evidence {
        match item {
            Evidence::Measurements(body) => {
                if let Some((index, _)) = chart.index_of(body) {
                    estimates.push(Estimate {
                        index,
                        weight: MEASURED,
                        reason: SizeReason::Measurements,
                    });
                }
            }
            Evidence::Anchor {
                brand,
                size,
                chart: from,
                index,
                same_designer,
            } => {
                if let Some(index) = position(from, *index as f32) {
                    estimates.push(Estimate {
                        index,
                        weight: if *same_designer {
                            ANCHOR_SAME_DESIGNER
                        } else {
                            ANCHOR
                        },
                        reason: SizeReason::Anchor {
                            brand: brand.clone(),
                            size: size.clone(),
                        },
                    });
                }
            }
            Evidence::Usual {
                size,
                chart: from,
                index,
            } => {
                if let Some(index) = position(from, *index as f32) {
                    estimates.push(Estimate {
                        index,
                        weight: USUAL,
                        reason: SizeReason::Usual { size: size.clone() },
                    });
                }
            }
            Evidence::Bought {
                brand,
                size,
                chart: from,
                index,
                outcome,
                same_designer,
            } => {
                let at = *index as f32;
                match outcome {
                    FitOutcome::Kept => {
                        if let Some(index) = position(from, at) {
                            estimates.push(Estimate {
                                index,
                                weight: if *same_designer {
                                    KEPT_SAME_DESIGNER
                                } else {
                                    KEPT
                                },
                                reason: SizeReason::Kept {
                                    brand: brand.clone(),
                                    size: size.clone(),
                                },
                            });
                        }
                    }
                    FitOutcome::TooSmall => {
                        if let Some(index) = position(from, at + 1.0)
                            && floor.as_ref().is_none_or(|(f, _)| index > *f)
                        {
                            floor = Some((index, SizeReason::TooSmall { size: size.clone() }));
                        }
                    }
                    FitOutcome::TooLarge => {
                        if let Some(index) = position(from, at - 1.0)
                            && ceiling.as_ref().is_none_or(|(c, _)| index < *c)
                        {
                            ceiling = Some((index, SizeReason::TooLarge { size: size.clone() }));
                        }
                    }
                }
            }
        }
    }
    let note = votes.note();
    let shift = match note {
        Some(FitNote::RunsSmall) => 0.5,
        Some(FitNote::RunsLarge) => -0.5,
        None => 0.0,
    };

    let (mut index, mut confidence, mut reason) = if estimates.is_empty() {
        let (index, reason) = floor.clone().or(ceiling.clone())?;
        (index, RETURNED, reason)
    } else {
        let total: f32 = estimates.iter().map(|e| e.weight).sum();
        let mean = estimates.iter().map(|e| e.index * e.weight).sum::<f32>() / total;
        let doubt: f32 = estimates.iter().map(|e| 1.0 - e.weight).product();
        let (low, high) = estimates
            .iter()
            .fold((f32::MAX, f32::MIN), |(low, high), e| {
                (low.min(e.index), high.max(e.index))
            });
        let spread_penalty = (1.0 - 0.2 * (high - low - 1.0).max(0.0)).max(0.5);
        let strongest =
            estimates.iter().fold(
                &estimates[0],
                |best, e| if e.weight > best.weight { e } else { best },
            );
        (
            mean + shift,
            (1.0 - doubt) * spread_penalty,
            strongest.reason.clone(),
        )
    };
    match (&floor, &ceiling) {
        (Some((low, _)), Some((high, _))) if low > high => confidence *= 0.6,
        _ => {
            if let Some((low, why)) = &floor
                && index < *low - 0.01
            {
                index = *low;
                confidence = (confidence + RETURNED) / 2.0;
                reason = why.clone();
            }
            if let Some((high, why)) = &ceiling
                && index > *high + 0.01
            {
                index = *high;
                confidence = (confidence + RETURNED) / 2.0;
                reason = why.clone();
            }
        }
    }

    let last = chart.sizes.len().saturating_sub(1);
    let leaning = index + preference.lean();
    let rounded = (leaning + 0.5 + 1e-4).floor();
    let chosen = rounded.clamp(0.0, last as f32) as usize;
    let off_by = (leaning - chosen as f32).abs();
    confidence *= 1.0 - 0.3 * (off_by / 0.5).min(1.5);
    Some(Suggestion {
        index: chosen,
        confidence: confidence.clamp(0.05, MAX_CONFIDENCE),
        reason,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::super::chart::{System, standard};
    use super::*;

    fn designer(brand: &str, cut: f32) -> Chart {
        let mut chart = standard(System::Apparel);
        chart.brand = Some(brand.into());
        for centres in chart.measures.values_mut() {
            centres.iter_mut().for_each(|c| *c += cut);
        }
        chart
    }

    fn anchor(chart: &Chart, size: &str) -> Evidence {
        Evidence::Anchor {
            brand: "Nordlys Studio".into(),
            size: size.into(),
            chart: chart.clone(),
            index: chart.position(size).unwrap(),
            same_designer: true,
        }
    }

    fn bought(chart: &Chart, size: &str, outcome: FitOutcome) -> Evidence {
        Evidence::Bought {
            brand: "Nordlys Studio".into(),
            size: size.into(),
            chart: chart.clone(),
            index: chart.position(size).unwrap(),
            outcome,
            same_designer: true,
        }
    }

    fn size_of(chart: &Chart, suggestion: &Suggestion) -> String {
        chart.sizes[suggestion.index].clone()
    }

    #[test]
    fn without_evidence_the_advisor_does_not_know() {
        let chart = standard(System::Apparel);
        assert_eq!(
            advise(&chart, &[], Preference::Regular, FitVotes::default()),
            None
        );
        // Ring measurements say nothing about a dress.
        let finger = Evidence::Measurements(Body::from([("finger".into(), 5.2)]));
        assert_eq!(
            advise(&chart, &[finger], Preference::Regular, FitVotes::default()),
            None
        );
    }

    #[test]
    fn a_return_marked_too_small_moves_the_next_answer_up_a_size() {
        let chart = designer("nordlys-studio", 0.0);
        let before = advise(
            &chart,
            &[anchor(&chart, "M")],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert_eq!(size_of(&chart, &before), "M");
        assert!(matches!(before.reason, SizeReason::Anchor { .. }));

        let after = advise(
            &chart,
            &[
                anchor(&chart, "M"),
                bought(&chart, "M", FitOutcome::TooSmall),
            ],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert_eq!(size_of(&chart, &after), "L");
        assert_eq!(after.reason, SizeReason::TooSmall { size: "M".into() });
        // And too large the other way; a kept piece only agrees.
        let smaller = advise(
            &chart,
            &[
                anchor(&chart, "M"),
                bought(&chart, "M", FitOutcome::TooLarge),
            ],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert_eq!(size_of(&chart, &smaller), "S");
        let kept = advise(
            &chart,
            &[anchor(&chart, "M"), bought(&chart, "M", FitOutcome::Kept)],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert_eq!(size_of(&chart, &kept), "M");
        assert!(kept.confidence > before.confidence);
    }

    #[test]
    fn a_return_alone_still_gives_a_size() {
        let chart = standard(System::Apparel);
        let answer = advise(
            &chart,
            &[bought(&chart, "S", FitOutcome::TooSmall)],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert_eq!(size_of(&chart, &answer), "M");
    }

    #[test]
    fn an_anchor_at_a_small_cutting_designer_reads_larger_at_a_standard_one() {
        // Maison Aurelle cuts 3 cm small: its M fits a standard S and a half.
        let aurelle = designer("maison-aurelle", -3.0);
        let piece = standard(System::Apparel);
        let evidence = [Evidence::Anchor {
            brand: "Maison Aurelle".into(),
            size: "M".into(),
            chart: aurelle.clone(),
            index: 2,
            same_designer: false,
        }];
        let slim = advise(&piece, &evidence, Preference::Slim, FitVotes::default()).unwrap();
        let regular = advise(&piece, &evidence, Preference::Regular, FitVotes::default()).unwrap();
        assert_eq!(
            (size_of(&piece, &slim), size_of(&piece, &regular)),
            ("S".into(), "M".into())
        );
        // Between two sizes it is less sure than on one.
        let exact = advise(
            &aurelle,
            &evidence,
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert!(regular.confidence < exact.confidence);
    }

    #[test]
    fn measurements_pick_the_size_the_widest_part_needs() {
        let chart = standard(System::Apparel);
        let body = Body::from([("chest".into(), 88.0), ("hips".into(), 108.0)]);
        let answer = advise(
            &chart,
            &[Evidence::Measurements(body)],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert_eq!(size_of(&chart, &answer), "L");
        assert_eq!(answer.reason, SizeReason::Measurements);
        assert!(answer.confidence >= 0.75);
    }

    #[test]
    fn reviewers_who_agree_it_runs_small_move_a_size_between_two_up() {
        let chart = standard(System::Apparel);
        let evidence = [anchor(&chart, "M")];
        let small = FitVotes {
            small: 2,
            true_to_size: 1,
            large: 0,
        };
        let answer = advise(&chart, &evidence, Preference::Regular, small).unwrap();
        assert_eq!(
            (size_of(&chart, &answer), answer.note),
            ("L".into(), Some(FitNote::RunsSmall))
        );
        // A slim fit stays in M; one vote is not enough to move anything.
        let slim = advise(&chart, &evidence, Preference::Slim, small).unwrap();
        assert_eq!(size_of(&chart, &slim), "M");
        let one = FitVotes {
            small: 1,
            ..FitVotes::default()
        };
        assert_eq!(
            advise(&chart, &evidence, Preference::Regular, one)
                .unwrap()
                .note,
            None
        );
    }

    #[test]
    fn disagreeing_evidence_lowers_the_confidence() {
        let chart = standard(System::Apparel);
        let agree = advise(
            &chart,
            &[anchor(&chart, "M"), bought(&chart, "M", FitOutcome::Kept)],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        let disagree = advise(
            &chart,
            &[anchor(&chart, "XS"), bought(&chart, "XL", FitOutcome::Kept)],
            Preference::Regular,
            FitVotes::default(),
        )
        .unwrap();
        assert!(
            disagree.confidence < agree.confidence - 0.2,
            "{disagree:?} {agree:?}"
        );
        assert!(agree.confidence <= MAX_CONFIDENCE);
    }
}

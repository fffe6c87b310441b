//! How well two colour families go together, by a small table a stylist would agree
//! with: the same family is tonal (1.0); a neutral (white, beige, brown, black, grey, and
//! gold, which jewellery wears as a neutral) goes with anything (0.9), black with brown
//! a little less (0.7); an accent (blue, red, green, pink) against a neutral base is a
//! deliberate touch of colour (0.8); two accents depend on the pair: blue with pink or
//! green reads as soft or analogous (0.6, 0.55), red with pink as bold (0.45), blue
//! with red as loud (0.35), pink with green as hard (0.3), red with green as a clash
//! (0.1). A piece without a known colour scores 0.6: neither a match nor a risk.

use domain::read::look::Harmony;
use domain::read::style::ColourFamily;

/// The score of a piece without a known colour (or on a base without one).
pub const UNKNOWN: f32 = 0.6;

/// Whether `family` is a neutral, which goes with anything.
pub fn is_neutral(family: ColourFamily) -> bool {
    use ColourFamily as C;
    matches!(
        family,
        C::White | C::Beige | C::Brown | C::Black | C::Grey | C::Gold
    )
}

/// How well `piece` sits with `base`, from 0 (a clash) to 1 (tonal), and why.
pub fn harmony(base: Option<ColourFamily>, piece: Option<ColourFamily>) -> (f32, Harmony) {
    use ColourFamily as C;
    let (Some(base), Some(piece)) = (base, piece) else {
        return (UNKNOWN, Harmony::Style);
    };
    if base == piece {
        return (1.0, Harmony::Tonal);
    }
    if is_neutral(piece) {
        let score = match (base, piece) {
            (C::Black, C::Brown) | (C::Brown, C::Black) => 0.7,
            _ => 0.9,
        };
        return (score, Harmony::Neutral);
    }
    if is_neutral(base) {
        return (0.8, Harmony::Accent);
    }
    let pair = |a, b| (base == a && piece == b) || (base == b && piece == a);
    let score = if pair(C::Blue, C::Pink) {
        0.6
    } else if pair(C::Blue, C::Green) {
        0.55
    } else if pair(C::Red, C::Pink) {
        0.45
    } else if pair(C::Blue, C::Red) {
        0.35
    } else if pair(C::Pink, C::Green) {
        0.3
    } else {
        // Red with green: the one clash left among the accents.
        0.1
    };
    (score, Harmony::Contrast)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColourFamily as C;

    #[test]
    fn tonal_beats_neutral_beats_accent_beats_a_clash() {
        let tonal = harmony(Some(C::Blue), Some(C::Blue));
        let neutral = harmony(Some(C::Blue), Some(C::Beige));
        let accent = harmony(Some(C::Black), Some(C::Red));
        let clash = harmony(Some(C::Red), Some(C::Green));
        assert_eq!(tonal.1, Harmony::Tonal);
        assert_eq!(neutral.1, Harmony::Neutral);
        assert_eq!(accent.1, Harmony::Accent);
        assert_eq!(clash.1, Harmony::Contrast);
        assert!(tonal.0 > neutral.0 && neutral.0 > accent.0 && accent.0 > clash.0);
        assert!(clash.0 < 0.2);
    }

    #[test]
    fn the_table_is_symmetric_for_accents_and_unknowns_are_middling() {
        let accents = [C::Blue, C::Red, C::Green, C::Pink];
        for a in accents {
            for b in accents {
                assert_eq!(harmony(Some(a), Some(b)).0, harmony(Some(b), Some(a)).0);
            }
        }
        assert_eq!(harmony(None, Some(C::Red)), (UNKNOWN, Harmony::Style));
        assert_eq!(harmony(Some(C::Red), None), (UNKNOWN, Harmony::Style));
        // Every neutral goes with every family at least as well as any accent pair.
        for base in C::ALL {
            for piece in C::ALL.iter().filter(|c| is_neutral(**c)) {
                assert!(harmony(Some(*base), Some(*piece)).0 >= 0.7);
            }
        }
    }
}

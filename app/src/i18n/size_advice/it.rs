//! Italiano.

use domain::read::size_advice::{Confidence, FitNote, FitOutcome, SizeReason};

use super::SizeAdviceText;

pub const IT: SizeAdviceText = SizeAdviceText {
    title: "La tua taglia",
    signed_out: "Accedi e ti suggeriremo la tua taglia per questo capo.",
    sign_in: "Accedi",
    off: "I suggerimenti di taglia sono disattivati finché la personalizzazione è disattivata nelle tue impostazioni.",
    unknown: "Non conosciamo ancora la tua taglia. Dicci quella che porti di solito e te ne suggeriremo una.",
    usual_size: |brand| match brand {
        Some(brand) => format!("La tua taglia abituale da {brand}"),
        None => "La tua taglia abituale per capi come questo".into(),
    },
    suggest: "Suggerisci la mia taglia",
    suggestion: |size, label| match label {
        Some(label) => format!("Ti suggeriamo la {label} ({size})"),
        None => format!("Ti suggeriamo la {size}"),
    },
    confidence: |level, percent| match level {
        Confidence::High => format!("Affidabilità alta: {percent}%"),
        Confidence::Medium => format!("Affidabilità media: {percent}%"),
        Confidence::Low => format!("Affidabilità bassa: {percent}%"),
    },
    reason: |reason| match reason {
        SizeReason::Measurements => {
            "In base alle tue misure e alla tabella taglie di questa maison.".into()
        }
        SizeReason::Anchor { brand, size } => format!("Perché porti la {size} da {brand}."),
        SizeReason::Usual { size } => format!("In base alla tua taglia abituale, la {size}."),
        SizeReason::Kept { brand, size } if brand.is_empty() => {
            format!("Come la {size} che hai tenuto.")
        }
        SizeReason::Kept { brand, size } => format!("Come la {size} di {brand} che hai tenuto."),
        SizeReason::TooSmall { size } => format!("La {size} che avevi era troppo piccola."),
        SizeReason::TooLarge { size } => format!("La {size} che avevi era troppo grande."),
    },
    note: |note| match note {
        FitNote::RunsSmall => "Secondo le recensioni veste piccolo.",
        FitNote::RunsLarge => "Secondo le recensioni veste grande.",
    },
    feedback_title: "L’hai acquistato? Dicci come ti sta",
    size_bought: "Taglia acquistata",
    how_it_fits: "Come ti sta",
    outcome: |outcome| match outcome {
        FitOutcome::Kept => "Mi sta bene: l’ho tenuto",
        FitOutcome::TooSmall => "Troppo piccolo",
        FitOutcome::TooLarge => "Troppo grande",
    },
    send: "Invia",
};

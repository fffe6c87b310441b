//! Français.

use domain::read::size_advice::{Confidence, FitNote, FitOutcome, SizeReason};

use super::SizeAdviceText;

pub const FR: SizeAdviceText = SizeAdviceText {
    title: "Votre taille",
    signed_out: "Connectez-vous et nous vous suggérerons votre taille pour cette pièce.",
    sign_in: "Se connecter",
    off: "Les suggestions de taille sont désactivées tant que la personnalisation l’est dans vos réglages.",
    unknown: "Nous ne connaissons pas encore votre taille. Indiquez la taille que vous portez d’habitude et nous vous en suggérerons une.",
    usual_size: |brand| match brand {
        Some(brand) => format!("Votre taille habituelle chez {brand}"),
        None => "Votre taille habituelle pour ce type de pièce".into(),
    },
    suggest: "Suggérer ma taille",
    suggestion: |size, label| match label {
        Some(label) => format!("Nous vous suggérons le {label} ({size})"),
        None => format!("Nous vous suggérons le {size}"),
    },
    confidence: |level, percent| match level {
        Confidence::High => format!("Confiance élevée : {percent} %"),
        Confidence::Medium => format!("Confiance moyenne : {percent} %"),
        Confidence::Low => format!("Confiance faible : {percent} %"),
    },
    reason: |reason| match reason {
        SizeReason::Measurements => {
            "D’après vos mensurations et le guide des tailles de cette maison.".into()
        }
        SizeReason::Anchor { brand, size } => {
            format!("Parce que vous portez le {size} chez {brand}.")
        }
        SizeReason::Usual { size } => format!("D’après votre taille habituelle, le {size}."),
        SizeReason::Kept { brand, size } if brand.is_empty() => {
            format!("Comme le {size} que vous avez gardé.")
        }
        SizeReason::Kept { brand, size } => {
            format!("Comme le {size} de {brand} que vous avez gardé.")
        }
        SizeReason::TooSmall { size } => format!("Le {size} que vous aviez était trop petit."),
        SizeReason::TooLarge { size } => format!("Le {size} que vous aviez était trop grand."),
    },
    note: |note| match note {
        FitNote::RunsSmall => "Selon les avis, elle taille petit.",
        FitNote::RunsLarge => "Selon les avis, elle taille grand.",
    },
    feedback_title: "Vous l’avez achetée ? Dites-nous comment elle vous va",
    size_bought: "Taille achetée",
    how_it_fits: "Comment elle vous va",
    outcome: |outcome| match outcome {
        FitOutcome::Kept => "Elle me va : je l’ai gardée",
        FitOutcome::TooSmall => "Trop petite",
        FitOutcome::TooLarge => "Trop grande",
    },
    send: "Envoyer",
};

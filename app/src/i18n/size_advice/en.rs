//! English.

use domain::read::size_advice::{Confidence, FitNote, FitOutcome, SizeReason};

use super::SizeAdviceText;

pub const EN: SizeAdviceText = SizeAdviceText {
    title: "Your size",
    signed_out: "Sign in and we will suggest your size in this piece.",
    sign_in: "Sign in",
    off: "Size suggestions are off while personalisation is off in your settings.",
    unknown: "We do not know your size yet. Tell us the size you usually wear and we will suggest one.",
    usual_size: |brand| match brand {
        Some(brand) => format!("Your usual size at {brand}"),
        None => "Your usual size in pieces like this".into(),
    },
    suggest: "Suggest my size",
    suggestion: |size, label| match label {
        Some(label) => format!("We suggest {label} ({size})"),
        None => format!("We suggest {size}"),
    },
    confidence: |level, percent| match level {
        Confidence::High => format!("High confidence: {percent}%"),
        Confidence::Medium => format!("Medium confidence: {percent}%"),
        Confidence::Low => format!("Low confidence: {percent}%"),
    },
    reason: |reason| match reason {
        SizeReason::Measurements => "From your measurements and this designer’s size chart.".into(),
        SizeReason::Anchor { brand, size } => format!("Because you wear {size} at {brand}."),
        SizeReason::Usual { size } => format!("From your usual size, {size}."),
        SizeReason::Kept { brand, size } if brand.is_empty() => {
            format!("Like the {size} you kept.")
        }
        SizeReason::Kept { brand, size } => format!("Like the {size} you kept from {brand}."),
        SizeReason::TooSmall { size } => format!("The {size} you had was too small."),
        SizeReason::TooLarge { size } => format!("The {size} you had was too large."),
    },
    note: |note| match note {
        FitNote::RunsSmall => "Reviewers say it runs small.",
        FitNote::RunsLarge => "Reviewers say it runs large.",
    },
    feedback_title: "Bought it? Tell us how it fits",
    size_bought: "Size you bought",
    how_it_fits: "How it fits",
    outcome: |outcome| match outcome {
        FitOutcome::Kept => "It fits: I kept it",
        FitOutcome::TooSmall => "Too small",
        FitOutcome::TooLarge => "Too large",
    },
    send: "Send",
};

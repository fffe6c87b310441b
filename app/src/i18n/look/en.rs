//! English.

use domain::read::look::{Harmony, LookReason};
use domain::read::style::ColourFamily;

use super::{LookText, colours};

pub const EN: LookText = LookText {
    title: "Complete the look",
    intro: "One piece from each category that goes with this one, in colours that work together.",
    reason,
    colour,
    size_of: |name| format!("Size of the {name}"),
    choose_size: "Choose a size",
    add_look: "Add the look to bag",
    added: |names| format!("Added to your bag: {names}."),
    without_size: |n| match n {
        1 => "One piece was left out: choose its size first.".into(),
        n => format!("{n} pieces were left out: choose their size first."),
    },
    view_bag: "View your bag",
    feedback: "Your view of this look",
    like: "I like this look",
    dislike: "Not for me",
    save: "Save the look",
    unsave: "Remove from saved",
    liked: "You like this look.",
    disliked: "You said this look is not for you.",
    saved: "Saved to your looks.",
    sign_in_to_save: "Sign in to save this look.",
    sign_in: "Sign in",
};

fn reason(reason: &LookReason) -> String {
    let (colour, base) = colours(&EN, reason, "its colour");
    match reason.harmony {
        Harmony::Tonal => format!("Tonal: {colour} like the piece, close in style."),
        Harmony::Neutral => format!("A neutral {colour} that goes with anything."),
        Harmony::Accent => format!("A touch of {colour} against the piece’s {base}."),
        Harmony::Contrast => format!("In {colour}, in contrast with the piece’s {base}."),
        Harmony::Style => "Closest in style to the piece.".into(),
        Harmony::Pinned => "Chosen by our stylists.".into(),
    }
}

fn colour(colour: ColourFamily) -> &'static str {
    use ColourFamily as C;
    match colour {
        C::White => "white",
        C::Beige => "beige",
        C::Brown => "brown",
        C::Black => "black",
        C::Grey => "grey",
        C::Blue => "blue",
        C::Red => "red",
        C::Green => "green",
        C::Pink => "pink",
        C::Gold => "gold",
    }
}

//! Italiano.

use domain::read::look::{Harmony, LookReason};
use domain::read::style::ColourFamily;

use super::{LookText, colours};

pub const IT: LookText = LookText {
    title: "Completa il look",
    intro: "Un capo per ogni categoria che si abbina a questo, in colori che stanno bene insieme.",
    reason,
    colour,
    size_of: |name| format!("Taglia di {name}"),
    choose_size: "Scegli una taglia",
    add_look: "Aggiungi il look alla borsa",
    added: |names| format!("Aggiunto alla tua borsa: {names}."),
    without_size: |n| match n {
        1 => "Un capo non è stato aggiunto: scegli prima la sua taglia.".into(),
        n => format!("{n} capi non sono stati aggiunti: scegli prima la loro taglia."),
    },
    view_bag: "Vedi la tua borsa",
    feedback: "Il tuo parere su questo look",
    like: "Mi piace questo look",
    dislike: "Non fa per me",
    save: "Salva il look",
    unsave: "Togli dai salvati",
    liked: "Ti piace questo look.",
    disliked: "Hai detto che questo look non fa per te.",
    saved: "Salvato nei tuoi look.",
    sign_in_to_save: "Accedi per salvare questo look.",
    sign_in: "Accedi",
};

fn reason(reason: &LookReason) -> String {
    let (colour, base) = colours(&IT, reason, "il suo colore");
    match reason.harmony {
        Harmony::Tonal => format!("Tono su tono: {colour} come il capo, di stile affine."),
        Harmony::Neutral => format!("Un {colour} neutro che sta bene con tutto."),
        Harmony::Accent => format!("Un tocco di {colour} sul {base} del capo."),
        Harmony::Contrast => format!("Il {colour} in contrasto con il {base} del capo."),
        Harmony::Style => "Il più vicino al capo per stile.".into(),
        Harmony::Pinned => "Scelto dai nostri stilisti.".into(),
    }
}

fn colour(colour: ColourFamily) -> &'static str {
    use ColourFamily as C;
    match colour {
        C::White => "bianco",
        C::Beige => "beige",
        C::Brown => "marrone",
        C::Black => "nero",
        C::Grey => "grigio",
        C::Blue => "blu",
        C::Red => "rosso",
        C::Green => "verde",
        C::Pink => "rosa",
        C::Gold => "oro",
    }
}

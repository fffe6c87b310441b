//! Français.

use domain::read::look::{Harmony, LookReason};
use domain::read::style::ColourFamily;

use super::{LookText, colours};

pub const FR: LookText = LookText {
    title: "Compléter la tenue",
    intro: "Une pièce de chaque catégorie qui va avec celle-ci, dans des couleurs qui s’accordent.",
    reason,
    colour,
    size_of: |name| format!("Taille de la pièce {name}"),
    choose_size: "Choisir une taille",
    add_look: "Ajouter la tenue au panier",
    added: |names| format!("Ajouté à votre panier : {names}."),
    without_size: |n| match n {
        1 => "Une pièce n’a pas été ajoutée : choisissez d’abord sa taille.".into(),
        n => format!("{n} pièces n’ont pas été ajoutées : choisissez d’abord leur taille."),
    },
    view_bag: "Voir votre panier",
    feedback: "Votre avis sur cette tenue",
    like: "J’aime cette tenue",
    dislike: "Pas pour moi",
    save: "Enregistrer la tenue",
    unsave: "Retirer des tenues enregistrées",
    liked: "Vous aimez cette tenue.",
    disliked: "Vous avez indiqué que cette tenue n’est pas pour vous.",
    saved: "Enregistrée dans vos tenues.",
    sign_in_to_save: "Connectez-vous pour enregistrer cette tenue.",
    sign_in: "Se connecter",
};

fn reason(reason: &LookReason) -> String {
    let (colour, base) = colours(&FR, reason, "sa couleur");
    match reason.harmony {
        Harmony::Tonal => format!("Ton sur ton : {colour} comme la pièce, d’un style proche."),
        Harmony::Neutral => format!("Un {colour} neutre qui va avec tout."),
        Harmony::Accent => format!("Une touche de {colour} sur le {base} de la pièce."),
        Harmony::Contrast => format!("Du {colour} en contraste avec le {base} de la pièce."),
        Harmony::Style => "La plus proche de la pièce par le style.".into(),
        Harmony::Pinned => "Choisie par nos stylistes.".into(),
    }
}

fn colour(colour: ColourFamily) -> &'static str {
    use ColourFamily as C;
    match colour {
        C::White => "blanc",
        C::Beige => "beige",
        C::Brown => "marron",
        C::Black => "noir",
        C::Grey => "gris",
        C::Blue => "bleu",
        C::Red => "rouge",
        C::Green => "vert",
        C::Pink => "rose",
        C::Gold => "doré",
    }
}

//! Français.

use domain::read::account::Tier;

use super::{OverviewText, grouped};

pub static FR: OverviewText = OverviewText {
    title: "Votre compte",
    welcome: |name| format!("Bienvenue, {name}"),
    loading: "Chargement de votre compte…",
    load_failed: "Nous n’avons pas pu charger votre compte. Veuillez réessayer.",
    recent_orders: "Commandes récentes",
    all_orders: "Toutes les commandes",
    no_orders: "Vous n’avez encore passé aucune commande.",
    discover: "Découvrir la collection",
    membership: "Adhésion",
    tier: |tier| match tier {
        Tier::Pearl => "Perle",
        Tier::Sapphire => "Saphir",
        Tier::Diamond => "Diamant",
        Tier::Obsidian => "Obsidienne",
    },
    renews: |date| format!("Renouvellement le {date}"),
    membership_call: "Comparer les niveaux",
    points: "Points de fidélité",
    points_value: |n| {
        if n <= 1 {
            format!("{n} point")
        } else {
            format!("{} points", grouped(n, "\u{202f}"))
        }
    },
    points_hint: "Gagnés à chaque commande réglée.",
    wishlist: "Liste d’envies",
    saved: |n| match n {
        0 => "Aucune pièce enregistrée".into(),
        1 => "1 pièce enregistrée".into(),
        n => format!("{n} pièces enregistrées"),
    },
    wishlist_call: "Ouvrir votre liste d’envies",
    notifications: "Notifications",
    unread: |n| match n {
        0 => "Vous êtes à jour".into(),
        1 => "1 non lue".into(),
        n => format!("{n} non lues"),
    },
    notifications_call: "Lire vos notifications",
};

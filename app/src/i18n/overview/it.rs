//! Italiano.

use domain::read::account::Tier;

use super::{OverviewText, grouped};

pub static IT: OverviewText = OverviewText {
    title: "Il tuo account",
    welcome: |name| format!("Ti diamo il benvenuto, {name}"),
    loading: "Caricamento del tuo account…",
    load_failed: "Non siamo riusciti a caricare il tuo account. Riprova.",
    recent_orders: "Ordini recenti",
    all_orders: "Tutti gli ordini",
    no_orders: "Non hai ancora effettuato ordini.",
    discover: "Scopri la collezione",
    membership: "Membership",
    tier: |tier| match tier {
        Tier::Pearl => "Perla",
        Tier::Sapphire => "Zaffiro",
        Tier::Diamond => "Diamante",
        Tier::Obsidian => "Ossidiana",
    },
    renews: |date| format!("Si rinnova il {date}"),
    membership_call: "Confronta i livelli",
    points: "Punti fedeltà",
    points_value: |n| {
        if n == 1 {
            "1 punto".into()
        } else {
            format!("{} punti", grouped(n, "."))
        }
    },
    points_hint: "Guadagnati con ogni ordine pagato.",
    wishlist: "Lista dei desideri",
    saved: |n| match n {
        0 => "Nessun pezzo salvato".into(),
        1 => "1 pezzo salvato".into(),
        n => format!("{n} pezzi salvati"),
    },
    wishlist_call: "Apri la lista dei desideri",
    notifications: "Notifiche",
    unread: |n| match n {
        0 => "Sei aggiornato".into(),
        1 => "1 da leggere".into(),
        n => format!("{n} da leggere"),
    },
    notifications_call: "Leggi le notifiche",
};

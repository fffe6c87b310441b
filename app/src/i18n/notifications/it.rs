//! Italiano.

use domain::read::notifications::Topic;

use super::NotificationsText;

pub static IT: NotificationsText = NotificationsText {
    title: "Notifiche",
    loading: "Caricamento delle notifiche…",
    empty: "Non hai ancora notifiche. Ti avviseremo qui quando un ordine procede o un capo salvato cambia.",
    unread: "Nuova",
    mark_read: "Segna come letta",
    marked_read: "Segnata come letta.",
    all_read: "Hai letto tutte le notifiche.",
    older: "Notifiche precedenti",
    topics: |topic| match topic {
        Topic::Order => "Aggiornamenti sugli ordini",
        Topic::PriceDrop => "Ribassi di prezzo",
        Topic::BackInStock => "Di nuovo disponibili",
        Topic::ExclusiveAccess => "Accesso in anteprima",
        Topic::Membership => "Programma membri",
        Topic::Recommendations => "Consigli",
        Topic::Social => "Comunità",
        Topic::Live => "Shopping dal vivo",
    },
    preferences_heading: "Notifiche",
    preferences_intro: "Scegli cosa ti comunichiamo, nell’app e via email. Gli aggiornamenti sugli ordini e i messaggi di sicurezza ti arrivano sempre; gli avvisi al massimo una volta al giorno via email.",
    topic: "Argomento",
    in_app: "Nell’app",
    email: "Via email",
    always_on: "Sempre attivo",
    save: "Salva le preferenze",
    saving: "Salvataggio…",
    saved: "Le tue preferenze di notifica sono salvate.",
    unsubscribe_title: "Annulla l’iscrizione",
    unsubscribe_body: "Interrompere le email inviate con questo link? Continuerai a vedere queste notifiche nel tuo account.",
    unsubscribe_confirm: "Interrompi queste email",
    unsubscribing: "Interruzione…",
    unsubscribed: |topics| format!("Fatto: niente più email su {topics}."),
    manage: "Scegli cosa ti inviamo",
};

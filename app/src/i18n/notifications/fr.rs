//! Français.

use domain::read::notifications::Topic;

use super::NotificationsText;

pub static FR: NotificationsText = NotificationsText {
    title: "Notifications",
    loading: "Chargement de vos notifications…",
    empty: "Vous n’avez encore aucune notification. Nous vous préviendrons ici lorsqu’une commande avance ou qu’une pièce enregistrée change.",
    unread: "Nouveau",
    mark_read: "Marquer comme lu",
    marked_read: "Marqué comme lu.",
    all_read: "Toutes vos notifications sont lues.",
    older: "Notifications plus anciennes",
    topics: |topic| match topic {
        Topic::Order => "Suivi des commandes",
        Topic::PriceDrop => "Baisses de prix",
        Topic::BackInStock => "Retours en stock",
        Topic::ExclusiveAccess => "Accès en avant-première",
        Topic::Membership => "Adhésion",
        Topic::Recommendations => "Recommandations",
        Topic::Social => "Communauté",
        Topic::Live => "Shopping en direct",
    },
    preferences_heading: "Notifications",
    preferences_intro: "Choisissez ce que nous vous signalons, dans l’application et par e-mail. Le suivi des commandes et les messages de sécurité vous parviennent toujours ; les alertes arrivent au plus une fois par jour par e-mail.",
    topic: "Sujet",
    in_app: "Dans l’application",
    email: "Par e-mail",
    always_on: "Toujours actif",
    save: "Enregistrer les préférences",
    saving: "Enregistrement…",
    saved: "Vos préférences de notification sont enregistrées.",
    unsubscribe_title: "Se désabonner",
    unsubscribe_body: "Arrêter les e-mails envoyés avec ce lien ? Vous verrez toujours ces notifications dans votre compte.",
    unsubscribe_confirm: "Arrêter ces e-mails",
    unsubscribing: "Arrêt en cours…",
    unsubscribed: |topics| format!("C’est fait : plus d’e-mails sur {topics}."),
    manage: "Choisir ce que nous vous envoyons",
};

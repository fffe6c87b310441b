//! Français.

use domain::read::reviews::{FitFeedback, ReportReason, ReviewSort, ReviewState};

use super::{ReviewFormText, ReviewsText};

pub const FR: ReviewsText = ReviewsText {
    histogram: "Notes",
    histogram_row: |stars, count| match (stars, count) {
        (1, n) => format!("1 étoile : {n} avis"),
        (s, n) => format!("{s} étoiles : {n} avis"),
    },
    sort_label: "Trier les avis",
    every_rating: "Toutes les notes",
    stars_only: |stars| match stars {
        1 => "1 étoile".into(),
        n => format!("{n} étoiles"),
    },
    none_with_rating: "Pas encore d’avis avec cette note.",
    write_review: "Donner votre avis",
    fit_label: "Coupe",
    photos_of: |author| format!("Photos de {author}"),
    was_helpful: "Cet avis vous a-t-il aidé ?",
    helpful_yes: |count| format!("Oui ({count})"),
    helpful_no: |count| format!("Non ({count})"),
    vote_saved: "Merci pour votre vote.",
    vote_failed: "Votre vote n’a pas été enregistré.",
    report: "Signaler",
    report_reason: "Pourquoi signalez-vous cet avis ?",
    choose_reason: "Choisissez une raison",
    send_report: "Envoyer le signalement",
    report_sent: "Merci. Notre équipe va examiner cet avis.",
    loading_reviews: "Chargement des avis…",

    sort: |sort| match sort {
        ReviewSort::Helpful => "Les plus utiles",
        ReviewSort::Newest => "Les plus récents",
        ReviewSort::Highest => "Les mieux notés",
        ReviewSort::Lowest => "Les moins bien notés",
    },
    fit: |fit| match fit {
        FitFeedback::RunsSmall => "Taille petit",
        FitFeedback::TrueToSize => "Taille normalement",
        FitFeedback::RunsLarge => "Taille grand",
    },
    report_reasons: |reason| match reason {
        ReportReason::Abusive => "Injurieux ou haineux",
        ReportReason::PersonalData => "Contient des données personnelles",
        ReportReason::Unrelated => "Ne parle pas de cette pièce",
        ReportReason::Fake => "Faux ou rémunéré",
        ReportReason::Spam => "Publicité ou spam",
    },
};

pub const FR_FORM: ReviewFormText = ReviewFormText {
    page_title: |name| format!("Votre avis sur {name}"),
    intro: "Dites aux autres clients comment la pièce se porte, taille et vieillit. Notre équipe lit chaque avis avant sa publication.",
    not_bought: "Les avis viennent des clients qui ont acheté la pièce. Une fois votre commande payée, vous pourrez donner le vôtre ici.",
    back_to_piece: "Retour à la pièce",
    your_rating: "Votre note",
    rating_option: |stars| match stars {
        1 => "1 étoile".into(),
        n => format!("{n} étoiles"),
    },
    title_label: "Titre (facultatif)",
    title_hint: "150 caractères au plus.",
    content_label: "Votre avis",
    content_hint: "5 000 caractères au plus.",
    fit_question: "Comment taille-t-elle ?",
    fit_skip: "Je préfère ne pas le dire",
    photos_label: "Photos (facultatif)",
    photos_hint: "Jusqu’à 3 images JPEG, PNG ou WebP, 10 Mo et 8 000 pixels chacune au plus. Les données de lieu sont retirées.",
    current_photos: "Vos photos",
    keep_photo: |index| format!("Garder la photo {index}"),
    submit_new: "Envoyer l’avis",
    submit_edit: "Enregistrer les modifications",
    sending: "Envoi…",
    thanks: "Merci. Votre avis attend la modération et paraîtra dès que notre équipe l’aura lu.",
    your_review: "Votre avis",
    edit_review: "Modifier votre avis",
    delete_review: "Supprimer l’avis",
    delete_confirm: "Supprimer votre avis sur cette pièce ? C’est définitif.",
    delete_yes: "Oui, le supprimer",
    deleted: "Votre avis a été supprimé.",
    not_found: "Nous n’avons pas trouvé cette pièce.",
    state: |state| match state {
        ReviewState::Pending => "En attente de modération",
        ReviewState::Published => "Publié",
        ReviewState::Rejected => "Non publié",
    },
};

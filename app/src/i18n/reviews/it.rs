//! Italiano.

use domain::read::reviews::{FitFeedback, ReportReason, ReviewSort, ReviewState};

use super::{ReviewFormText, ReviewsText};

pub const IT: ReviewsText = ReviewsText {
    histogram: "Valutazioni",
    histogram_row: |stars, count| match (stars, count) {
        (1, 1) => "1 stella: 1 recensione".into(),
        (1, n) => format!("1 stella: {n} recensioni"),
        (s, 1) => format!("{s} stelle: 1 recensione"),
        (s, n) => format!("{s} stelle: {n} recensioni"),
    },
    sort_label: "Ordina le recensioni",
    every_rating: "Tutte le valutazioni",
    stars_only: |stars| match stars {
        1 => "1 stella".into(),
        n => format!("{n} stelle"),
    },
    none_with_rating: "Ancora nessuna recensione con questa valutazione.",
    write_review: "Scrivi una recensione",
    fit_label: "Vestibilità",
    photos_of: |author| format!("Foto di {author}"),
    was_helpful: "Ti è stata utile?",
    helpful_yes: |count| format!("Sì ({count})"),
    helpful_no: |count| format!("No ({count})"),
    vote_saved: "Grazie per il tuo voto.",
    vote_failed: "Il tuo voto non è stato salvato.",
    report: "Segnala",
    report_reason: "Perché segnali questa recensione?",
    choose_reason: "Scegli un motivo",
    send_report: "Invia la segnalazione",
    report_sent: "Grazie. Il nostro team esaminerà questa recensione.",
    loading_reviews: "Caricamento delle recensioni…",

    sort: |sort| match sort {
        ReviewSort::Helpful => "Più utili",
        ReviewSort::Newest => "Più recenti",
        ReviewSort::Highest => "Valutazione più alta",
        ReviewSort::Lowest => "Valutazione più bassa",
    },
    fit: |fit| match fit {
        FitFeedback::RunsSmall => "Veste piccolo",
        FitFeedback::TrueToSize => "Veste regolare",
        FitFeedback::RunsLarge => "Veste grande",
    },
    report_reasons: |reason| match reason {
        ReportReason::Abusive => "Offensiva o d’odio",
        ReportReason::PersonalData => "Contiene dati personali",
        ReportReason::Unrelated => "Non riguarda questo capo",
        ReportReason::Fake => "Falsa o pagata",
        ReportReason::Spam => "Pubblicità o spam",
    },
};

pub const IT_FORM: ReviewFormText = ReviewFormText {
    page_title: |name| format!("Recensisci {name}"),
    intro: "Racconta agli altri clienti come il capo si indossa, veste e dura nel tempo. Il nostro team legge ogni recensione prima di pubblicarla.",
    not_bought: "Le recensioni sono dei clienti che hanno acquistato il capo. Quando il tuo ordine sarà pagato potrai scrivere la tua qui.",
    back_to_piece: "Torna al capo",
    your_rating: "La tua valutazione",
    rating_option: |stars| match stars {
        1 => "1 stella".into(),
        n => format!("{n} stelle"),
    },
    title_label: "Titolo (facoltativo)",
    title_hint: "Al massimo 150 caratteri.",
    content_label: "La tua recensione",
    content_hint: "Al massimo 5.000 caratteri.",
    fit_question: "Come veste?",
    fit_skip: "Preferisco non dirlo",
    photos_label: "Foto (facoltative)",
    photos_hint: "Fino a 3 immagini JPEG, PNG o WebP, al massimo 10 MB e 8.000 pixel ciascuna. I dati di posizione vengono rimossi.",
    current_photos: "Le tue foto",
    keep_photo: |index| format!("Mantieni la foto {index}"),
    submit_new: "Invia la recensione",
    submit_edit: "Salva le modifiche",
    sending: "Invio…",
    thanks: "Grazie. La tua recensione è in attesa di moderazione e apparirà quando il nostro team l’avrà letta.",
    your_review: "La tua recensione",
    edit_review: "Modifica la tua recensione",
    delete_review: "Elimina la recensione",
    delete_confirm: "Eliminare la tua recensione di questo capo? Non si può annullare.",
    delete_yes: "Sì, eliminala",
    deleted: "La tua recensione è stata eliminata.",
    not_found: "Non abbiamo trovato questo capo.",
    state: |state| match state {
        ReviewState::Pending => "In attesa di moderazione",
        ReviewState::Published => "Pubblicata",
        ReviewState::Rejected => "Non pubblicata",
    },
};

//! Italiano.

use domain::read::orders::{
    OrderFilter, OrderState, PaymentState, ReturnCondition, ReturnReason, TimelineEvent,
};

use super::OrdersText;

pub static IT: OrdersText = OrdersText {
    title: "Ordini",
    loading: "Caricamento dei tuoi ordini…",
    load_failed: "Non siamo riusciti a caricare i tuoi ordini. Riprova.",
    empty: "Non hai ancora effettuato ordini.",
    empty_call: "Scopri la collezione",
    empty_filter: "Nessun ordine da mostrare qui.",
    filter_label: "Mostra",
    filter_all: "Tutti gli ordini",
    filter_apply: "Mostra",
    placed_on: "Effettuato il",
    pieces: |n| {
        if n == 1 {
            "1 pezzo".into()
        } else {
            format!("{n} pezzi")
        }
    },
    total: "Totale",
    view_order: "Vedi l’ordine",
    older: "Ordini precedenti",
    newest: "Torna ai più recenti",
    all_orders: "Tutti gli ordini",
    order_heading: |number| format!("Ordine {number}"),
    status: "Stato",
    payment: "Pagamento",
    confirmation_sent_to: "Conferma inviata a",
    pieces_heading: "Pezzi",
    quantity: |n| format!("Quantità {n}"),
    each: "cad.",
    returned: |n| format!("{n} reso/i"),
    refunded_units: |n| format!("{n} rimborsato/i"),
    subtotal: "Subtotale",
    discount: "Sconto",
    delivery: "Consegna",
    tax: "Imposte",
    refunded: "Rimborsato",
    delivery_heading: "Consegna",
    method: "Modalità",
    carrier: "Corriere",
    tracking: "Numero di tracciamento",
    expected: "Prevista il",
    delivered_on: "Consegnato il",
    timeline_heading: "Cronologia",
    print: "Stampa la ricevuta",
    receipt: "Ricevuta",
    buy_again: "Acquista di nuovo",
    buying_again: "Aggiunta alla borsa…",
    added_to_bag: |n| {
        if n == 1 {
            "1 pezzo è di nuovo nella tua borsa.".into()
        } else {
            format!("{n} pezzi sono di nuovo nella tua borsa.")
        }
    },
    not_added: "Non è stato possibile aggiungere:",
    cancel: "Annulla l’ordine",
    cancel_question: "Annullare questo ordine?",
    cancel_paid_hint: "L’intero importo pagato torna sulla tua carta e i pezzi tornano nella collezione.",
    cancel_confirm: "Sì, annulla l’ordine",
    keep_order: "Mantieni l’ordine",
    cancelling: "Annullamento…",
    cancelled: "Il tuo ordine è annullato.",
    cancelled_refund: |amount| {
        format!("Il tuo ordine è annullato. {amount} tornerà sulla tua carta.")
    },
    not_found: "Non abbiamo trovato questo ordine.",
    states: |state| {
        use OrderState as S;
        match state {
            S::AwaitingPayment => "In attesa di pagamento",
            S::PaymentProcessing => "Pagamento in corso",
            S::PaymentFailed => "Pagamento rifiutato",
            S::Confirmed => "Confermato",
            S::Processing => "In preparazione",
            S::Shipped => "Spedito",
            S::Delivered => "Consegnato",
            S::Cancelled => "Annullato",
            S::Refunded => "Rimborsato",
            S::Returned => "Reso",
        }
    },
    filters: |filter| match filter {
        OrderFilter::Open => "In corso",
        OrderFilter::Shipped => "Spediti",
        OrderFilter::Delivered => "Consegnati",
        OrderFilter::Cancelled => "Annullati",
        OrderFilter::Returned => "Rimborsati e resi",
    },
    payments: |payment| match payment {
        PaymentState::Pending => "Non ancora pagato",
        PaymentState::Processing => "In corso",
        PaymentState::Paid => "Pagato",
        PaymentState::Failed => "Rifiutato",
        PaymentState::Refunded => "Rimborsato",
        PaymentState::PartiallyRefunded => "Rimborsato in parte",
    },
    event: |event, amount| {
        use OrderState as S;
        match event {
            TimelineEvent::State(S::AwaitingPayment) => "Ordine effettuato".into(),
            TimelineEvent::State(S::PaymentProcessing) => "Pagamento in corso".into(),
            TimelineEvent::State(S::PaymentFailed) | TimelineEvent::PaymentFailed => {
                "Pagamento rifiutato".into()
            }
            TimelineEvent::State(S::Confirmed) => "Ordine confermato".into(),
            TimelineEvent::State(S::Processing) => "In preparazione nel nostro atelier".into(),
            TimelineEvent::State(S::Shipped) => "Affidato al corriere".into(),
            TimelineEvent::State(S::Delivered) => "Consegnato".into(),
            TimelineEvent::State(S::Cancelled) => "Ordine annullato".into(),
            TimelineEvent::State(S::Refunded) => "Ordine rimborsato".into(),
            TimelineEvent::State(S::Returned) => "Reso ricevuto".into(),
            TimelineEvent::Paid(_) => format!("Pagamento di {amount} ricevuto"),
            TimelineEvent::Refunded(_) => format!("{amount} rimborsati sulla tua carta"),
            TimelineEvent::ReturnRequested { pieces, .. } => match pieces {
                1 => format!("Reso richiesto per 1 capo · rimborso previsto {amount}"),
                n => format!("Reso richiesto per {n} capi · rimborso previsto {amount}"),
            },
        }
    },
    returns_heading: "Rendi dei capi",
    returns_open: |until, days| {
        format!("Puoi rendere i capi fino al {until} ({days} giorni dalla consegna).")
    },
    returns_closed: |on, days| format!("Il termine di reso di {days} giorni è scaduto il {on}."),
    returns_intro: "Scegli cosa rendere, perché e in quale stato. Il nostro servizio clienti riceve la richiesta e ti rimborsa all’arrivo dei capi.",
    return_quantity: "Quantità da rendere",
    return_reason: "Motivo",
    return_condition: "Stato",
    choose: "Scegli…",
    reasons: |reason| match reason {
        ReturnReason::TooSmall => "Troppo piccolo",
        ReturnReason::TooLarge => "Troppo grande",
        ReturnReason::NotAsPictured => "Diverso dalla foto",
        ReturnReason::Faulty => "Difettoso o danneggiato",
        ReturnReason::ArrivedLate => "Arrivato troppo tardi",
        ReturnReason::ChangedMind => "Ho cambiato idea",
    },
    conditions: |condition| match condition {
        ReturnCondition::Unworn => "Mai indossato, con etichette",
        ReturnCondition::TriedOn => "Solo provato",
        ReturnCondition::Damaged => "Danneggiato",
    },
    final_sale: "Vendita finale: non rendibile",
    review_piece: |name| format!("Recensisci {name}"),
    return_requested_units: |n| format!("Reso richiesto per {n}"),
    expected_refund: "Rimborso previsto",
    expected_refund_hint: "La tua parte di quanto pagato per i capi, tasse incluse; la spedizione non è rimborsata.",
    request_return: "Richiedi il reso",
    requesting_return: "Invio della richiesta…",
    return_requested: "La tua richiesta di reso è registrata. Ti rimborseremo all’arrivo dei capi.",
};

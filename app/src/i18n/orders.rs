//! The account's orders: the list, one order with its timeline and receipt, cancelling
//! and buying again.
//!
//! Unlike the areas in [`super::Messages`], this text is read through [`orders_text`]
//! by the order pages alone, so it travels in their lazily loaded chunks rather than in
//! the first page's bundle.

use domain::read::orders::{OrderFilter, OrderState, PaymentState, TimelineEvent};

use super::{Locale, use_locale};

pub struct OrdersText {
    pub title: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub empty: &'static str,
    pub empty_call: &'static str,
    pub empty_filter: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub filter_apply: &'static str,
    pub placed_on: &'static str,
    pub pieces: fn(i32) -> String,
    pub total: &'static str,
    /// Followed by the order number (visually hidden).
    pub view_order: &'static str,
    pub older: &'static str,
    pub newest: &'static str,

    // One order.
    pub all_orders: &'static str,
    pub order_heading: fn(&str) -> String,
    pub status: &'static str,
    pub payment: &'static str,
    pub confirmation_sent_to: &'static str,
    pub pieces_heading: &'static str,
    pub quantity: fn(i32) -> String,
    pub each: &'static str,
    pub returned: fn(i32) -> String,
    pub refunded_units: fn(i32) -> String,
    pub subtotal: &'static str,
    pub discount: &'static str,
    pub delivery: &'static str,
    pub tax: &'static str,
    pub refunded: &'static str,
    pub delivery_heading: &'static str,
    pub method: &'static str,
    pub carrier: &'static str,
    pub tracking: &'static str,
    pub expected: &'static str,
    pub delivered_on: &'static str,
    pub timeline_heading: &'static str,
    pub print: &'static str,
    pub receipt: &'static str,
    pub buy_again: &'static str,
    pub buying_again: &'static str,
    pub added_to_bag: fn(usize) -> String,
    pub not_added: &'static str,
    pub cancel: &'static str,
    pub cancel_question: &'static str,
    pub cancel_paid_hint: &'static str,
    pub cancel_confirm: &'static str,
    pub keep_order: &'static str,
    pub cancelling: &'static str,
    pub cancelled: &'static str,
    pub cancelled_refund: fn(&str) -> String,
    pub not_found: &'static str,
    pub states: fn(OrderState) -> &'static str,
    pub filters: fn(OrderFilter) -> &'static str,
    pub payments: fn(PaymentState) -> &'static str,
    /// A timeline step, with its amount already formatted.
    pub event: fn(&TimelineEvent, &str) -> String,
}

/// The order pages' text in the page's language.
pub fn orders_text() -> &'static OrdersText {
    match use_locale() {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::It => &IT,
    }
}

pub static EN: OrdersText = OrdersText {
    title: "Orders",
    loading: "Loading your orders…",
    load_failed: "We could not load your orders. Please try again.",
    empty: "You have not placed an order yet.",
    empty_call: "Discover the collection",
    empty_filter: "No orders to show here.",
    filter_label: "Show",
    filter_all: "All orders",
    filter_apply: "Show",
    placed_on: "Placed on",
    pieces: |n| {
        if n == 1 {
            "1 piece".into()
        } else {
            format!("{n} pieces")
        }
    },
    total: "Total",
    view_order: "View order",
    older: "Older orders",
    newest: "Back to the newest",
    all_orders: "All orders",
    order_heading: |number| format!("Order {number}"),
    status: "Status",
    payment: "Payment",
    confirmation_sent_to: "Confirmation sent to",
    pieces_heading: "Pieces",
    quantity: |n| format!("Quantity {n}"),
    each: "each",
    returned: |n| format!("{n} returned"),
    refunded_units: |n| format!("{n} refunded"),
    subtotal: "Subtotal",
    discount: "Discount",
    delivery: "Delivery",
    tax: "Tax",
    refunded: "Refunded",
    delivery_heading: "Delivery",
    method: "Method",
    carrier: "Carrier",
    tracking: "Tracking number",
    expected: "Expected",
    delivered_on: "Delivered on",
    timeline_heading: "Timeline",
    print: "Print receipt",
    receipt: "Receipt",
    buy_again: "Buy again",
    buying_again: "Adding to your bag…",
    added_to_bag: |n| {
        if n == 1 {
            "1 piece is back in your bag.".into()
        } else {
            format!("{n} pieces are back in your bag.")
        }
    },
    not_added: "Could not be added:",
    cancel: "Cancel order",
    cancel_question: "Cancel this order?",
    cancel_paid_hint: "The full amount you paid goes back to your card, and the pieces return to the collection.",
    cancel_confirm: "Yes, cancel the order",
    keep_order: "Keep the order",
    cancelling: "Cancelling…",
    cancelled: "Your order is cancelled.",
    cancelled_refund: |amount| {
        format!("Your order is cancelled. {amount} is on its way back to your card.")
    },
    not_found: "We could not find that order.",
    states: |state| {
        use OrderState as S;
        match state {
            S::AwaitingPayment => "Awaiting payment",
            S::PaymentProcessing => "Payment processing",
            S::PaymentFailed => "Payment declined",
            S::Confirmed => "Confirmed",
            S::Processing => "Being prepared",
            S::Shipped => "Shipped",
            S::Delivered => "Delivered",
            S::Cancelled => "Cancelled",
            S::Refunded => "Refunded",
            S::Returned => "Returned",
        }
    },
    filters: |filter| match filter {
        OrderFilter::Open => "In progress",
        OrderFilter::Shipped => "Shipped",
        OrderFilter::Delivered => "Delivered",
        OrderFilter::Cancelled => "Cancelled",
        OrderFilter::Returned => "Refunded and returned",
    },
    payments: |payment| match payment {
        PaymentState::Pending => "Not yet paid",
        PaymentState::Processing => "Processing",
        PaymentState::Paid => "Paid",
        PaymentState::Failed => "Declined",
        PaymentState::Refunded => "Refunded",
        PaymentState::PartiallyRefunded => "Partly refunded",
    },
    event: |event, amount| {
        use OrderState as S;
        match event {
            TimelineEvent::State(S::AwaitingPayment) => "Order placed".into(),
            TimelineEvent::State(S::PaymentProcessing) => "Payment processing".into(),
            TimelineEvent::State(S::PaymentFailed) | TimelineEvent::PaymentFailed => {
                "Payment declined".into()
            }
            TimelineEvent::State(S::Confirmed) => "Order confirmed".into(),
            TimelineEvent::State(S::Processing) => "Being prepared in our atelier".into(),
            TimelineEvent::State(S::Shipped) => "Handed to the carrier".into(),
            TimelineEvent::State(S::Delivered) => "Delivered".into(),
            TimelineEvent::State(S::Cancelled) => "Order cancelled".into(),
            TimelineEvent::State(S::Refunded) => "Order refunded".into(),
            TimelineEvent::State(S::Returned) => "Return received".into(),
            TimelineEvent::Paid(_) => format!("Payment of {amount} received"),
            TimelineEvent::Refunded(_) => format!("{amount} refunded to your card"),
        }
    },
};

pub static FR: OrdersText = OrdersText {
    title: "Commandes",
    loading: "Chargement de vos commandes…",
    load_failed: "Nous n’avons pas pu charger vos commandes. Veuillez réessayer.",
    empty: "Vous n’avez encore passé aucune commande.",
    empty_call: "Découvrir la collection",
    empty_filter: "Aucune commande à afficher ici.",
    filter_label: "Afficher",
    filter_all: "Toutes les commandes",
    filter_apply: "Afficher",
    placed_on: "Passée le",
    pieces: |n| {
        if n <= 1 {
            format!("{n} pièce")
        } else {
            format!("{n} pièces")
        }
    },
    total: "Total",
    view_order: "Voir la commande",
    older: "Commandes plus anciennes",
    newest: "Revenir aux plus récentes",
    all_orders: "Toutes les commandes",
    order_heading: |number| format!("Commande {number}"),
    status: "Statut",
    payment: "Paiement",
    confirmation_sent_to: "Confirmation envoyée à",
    pieces_heading: "Pièces",
    quantity: |n| format!("Quantité {n}"),
    each: "l’unité",
    returned: |n| format!("{n} retournée(s)"),
    refunded_units: |n| format!("{n} remboursée(s)"),
    subtotal: "Sous-total",
    discount: "Remise",
    delivery: "Livraison",
    tax: "Taxes",
    refunded: "Remboursé",
    delivery_heading: "Livraison",
    method: "Mode",
    carrier: "Transporteur",
    tracking: "Numéro de suivi",
    expected: "Prévue le",
    delivered_on: "Livrée le",
    timeline_heading: "Suivi",
    print: "Imprimer le reçu",
    receipt: "Reçu",
    buy_again: "Commander à nouveau",
    buying_again: "Ajout à votre panier…",
    added_to_bag: |n| {
        if n <= 1 {
            format!("{n} pièce est de retour dans votre panier.")
        } else {
            format!("{n} pièces sont de retour dans votre panier.")
        }
    },
    not_added: "N’ont pas pu être ajoutées :",
    cancel: "Annuler la commande",
    cancel_question: "Annuler cette commande ?",
    cancel_paid_hint: "La totalité du montant payé est recréditée sur votre carte et les pièces retrouvent la collection.",
    cancel_confirm: "Oui, annuler la commande",
    keep_order: "Conserver la commande",
    cancelling: "Annulation…",
    cancelled: "Votre commande est annulée.",
    cancelled_refund: |amount| {
        format!("Votre commande est annulée. {amount} sera recrédité sur votre carte.")
    },
    not_found: "Nous n’avons pas trouvé cette commande.",
    states: |state| {
        use OrderState as S;
        match state {
            S::AwaitingPayment => "En attente de paiement",
            S::PaymentProcessing => "Paiement en cours",
            S::PaymentFailed => "Paiement refusé",
            S::Confirmed => "Confirmée",
            S::Processing => "En préparation",
            S::Shipped => "Expédiée",
            S::Delivered => "Livrée",
            S::Cancelled => "Annulée",
            S::Refunded => "Remboursée",
            S::Returned => "Retournée",
        }
    },
    filters: |filter| match filter {
        OrderFilter::Open => "En cours",
        OrderFilter::Shipped => "Expédiées",
        OrderFilter::Delivered => "Livrées",
        OrderFilter::Cancelled => "Annulées",
        OrderFilter::Returned => "Remboursées et retournées",
    },
    payments: |payment| match payment {
        PaymentState::Pending => "Pas encore payée",
        PaymentState::Processing => "En cours",
        PaymentState::Paid => "Payée",
        PaymentState::Failed => "Refusé",
        PaymentState::Refunded => "Remboursée",
        PaymentState::PartiallyRefunded => "Remboursée en partie",
    },
    event: |event, amount| {
        use OrderState as S;
        match event {
            TimelineEvent::State(S::AwaitingPayment) => "Commande passée".into(),
            TimelineEvent::State(S::PaymentProcessing) => "Paiement en cours".into(),
            TimelineEvent::State(S::PaymentFailed) | TimelineEvent::PaymentFailed => {
                "Paiement refusé".into()
            }
            TimelineEvent::State(S::Confirmed) => "Commande confirmée".into(),
            TimelineEvent::State(S::Processing) => "En préparation dans notre atelier".into(),
            TimelineEvent::State(S::Shipped) => "Remise au transporteur".into(),
            TimelineEvent::State(S::Delivered) => "Livrée".into(),
            TimelineEvent::State(S::Cancelled) => "Commande annulée".into(),
            TimelineEvent::State(S::Refunded) => "Commande remboursée".into(),
            TimelineEvent::State(S::Returned) => "Retour reçu".into(),
            TimelineEvent::Paid(_) => format!("Paiement de {amount} reçu"),
            TimelineEvent::Refunded(_) => format!("{amount} recrédité sur votre carte"),
        }
    },
};

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
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_the_orders_itself() {
        for other in [&FR, &IT] {
            assert_ne!(EN.title, other.title);
            assert_ne!(EN.cancel, other.cancel);
            assert_ne!(
                (EN.states)(OrderState::Shipped),
                (other.states)(OrderState::Shipped)
            );
            assert_ne!((EN.pieces)(2), (other.pieces)(2));
        }
        assert_eq!((FR.pieces)(1), "1 pièce");
        assert_eq!((IT.order_heading)("LV-1"), "Ordine LV-1");
    }
}

//! Français.

use domain::read::orders::{
    OrderFilter, OrderState, PaymentState, ReturnCondition, ReturnReason, TimelineEvent,
};

use super::OrdersText;

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
            TimelineEvent::ReturnRequested { pieces, .. } => match pieces {
                1 => format!("Retour demandé pour 1 pièce · remboursement prévu {amount}"),
                n => format!("Retour demandé pour {n} pièces · remboursement prévu {amount}"),
            },
        }
    },
    returns_heading: "Retourner des pièces",
    returns_open: |until, days| {
        format!(
            "Les pièces peuvent être retournées jusqu’au {until} ({days} jours après la livraison)."
        )
    },
    returns_closed: |on, days| format!("Le délai de retour de {days} jours a pris fin le {on}."),
    returns_intro: "Indiquez ce qui est retourné, pourquoi et dans quel état. Notre service client reçoit la demande et vous rembourse à l’arrivée des pièces.",
    return_quantity: "Quantité à retourner",
    return_reason: "Motif",
    return_condition: "État",
    choose: "Choisir…",
    reasons: |reason| match reason {
        ReturnReason::TooSmall => "Trop petit",
        ReturnReason::TooLarge => "Trop grand",
        ReturnReason::NotAsPictured => "Différent de la photo",
        ReturnReason::Faulty => "Défectueux ou abîmé",
        ReturnReason::ArrivedLate => "Arrivé trop tard",
        ReturnReason::ChangedMind => "J’ai changé d’avis",
    },
    conditions: |condition| match condition {
        ReturnCondition::Unworn => "Jamais porté, étiquettes attachées",
        ReturnCondition::TriedOn => "Seulement essayé",
        ReturnCondition::Damaged => "Abîmé",
    },
    final_sale: "Vente finale : ni reprise ni échange",
    review_piece: |name| format!("Donner votre avis sur {name}"),
    return_requested_units: |n| format!("Retour demandé pour {n}"),
    expected_refund: "Remboursement prévu",
    expected_refund_hint: "Votre part de ce qui a été payé pour les pièces, taxes comprises ; la livraison n’est pas remboursée.",
    request_return: "Demander le retour",
    requesting_return: "Envoi de votre demande…",
    return_requested: "Votre demande de retour est enregistrée. Nous vous rembourserons à l’arrivée des pièces.",
};

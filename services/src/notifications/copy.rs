//! The words of what the store tells a shopper unprompted, in their language: each
//! notification's title, message and button, and the emails that carry them. Composed
//! on the server when the notification is created (the recipient's language is known
//! then; a background job sends the email later).

use domain::Money;
use domain::locale::Locale;

/// What happened, with what the words need.
/// Amounts are worded in the recipient's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    OrderConfirmed {
        number: &'a str,
    },
    OrderShipped {
        number: &'a str,
        carrier: &'a str,
        tracking: &'a str,
    },
    OrderDelivered {
        number: &'a str,
    },
    OrderRefunded {
        number: &'a str,
        amount: Money,
    },
    /// `lowest` is the lowest price of the previous 30 days (the EU rule for reductions).
    PriceDrop {
        piece: &'a str,
        was: Money,
        now: Money,
        lowest: Money,
    },
    BackInStock {
        piece: &'a str,
        size: Option<&'a str>,
    },
}

/// A notification's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub title: String,
    pub message: String,
    pub action: &'static str,
}

pub fn words(locale: Locale, event: &Event<'_>) -> Words {
    use Event as E;
    let money = |amount: &Money| amount.format(locale);
    let (title, message, action) = match locale {
        Locale::En => match event {
            E::OrderConfirmed { number } => (
                format!("Order {number} is confirmed"),
                "Your payment is received and our atelier is preparing your pieces.".to_string(),
                "View order",
            ),
            E::OrderShipped { number, carrier, tracking } => (
                format!("Order {number} is on its way"),
                format!("Handed to {carrier}, tracking number {tracking}."),
                "Track order",
            ),
            E::OrderDelivered { number } => (
                format!("Order {number} was delivered"),
                "We hope you love your pieces. Returns are open for a while from today.".into(),
                "View order",
            ),
            E::OrderRefunded { number, amount } => (
                format!("{} refunded on order {number}", money(amount)),
                "The refund is on its way to your card; banks take a few days to show it.".into(),
                "View order",
            ),
            E::PriceDrop { piece, was, now, lowest } => (
                format!("{piece} is now {}", money(now)),
                format!("Down from {} when you saved it. Lowest price in the previous 30 days: {}.", money(was), money(lowest)),
                "See the piece",
            ),
            E::BackInStock { piece, size } => (
                format!("{piece} is back"),
                match size {
                    Some(size) => format!("Size {size} is available again."),
                    None => "It is available again.".into(),
                },
                "See the piece",
            ),
        },
        Locale::Fr => match event {
            E::OrderConfirmed { number } => (
                format!("La commande {number} est confirmée"),
                "Votre paiement est reçu et notre atelier prépare vos pièces.".to_string(),
                "Voir la commande",
            ),
            E::OrderShipped { number, carrier, tracking } => (
                format!("La commande {number} est en route"),
                format!("Confiée à {carrier}, numéro de suivi {tracking}."),
                "Suivre la commande",
            ),
            E::OrderDelivered { number } => (
                format!("La commande {number} a été livrée"),
                "Nous espérons que vos pièces vous plaisent. Les retours sont ouverts à partir d’aujourd’hui.".into(),
                "Voir la commande",
            ),
            E::OrderRefunded { number, amount } => (
                format!("{} remboursés sur la commande {number}", money(amount)),
                "Le remboursement est en route vers votre carte ; les banques mettent quelques jours à l’afficher.".into(),
                "Voir la commande",
            ),
            E::PriceDrop { piece, was, now, lowest } => (
                format!("{piece} est désormais à {}", money(now)),
                format!("Au lieu de {} lorsque vous l’avez enregistré. Prix le plus bas des 30 derniers jours : {}.", money(was), money(lowest)),
                "Voir la pièce",
            ),
            E::BackInStock { piece, size } => (
                format!("{piece} est de retour"),
                match size {
                    Some(size) => format!("La taille {size} est de nouveau disponible."),
                    None => "La pièce est de nouveau disponible.".into(),
                },
                "Voir la pièce",
            ),
        },
        Locale::It => match event {
            E::OrderConfirmed { number } => (
                format!("L’ordine {number} è confermato"),
                "Abbiamo ricevuto il pagamento e il nostro atelier sta preparando i tuoi capi.".to_string(),
                "Vedi l’ordine",
            ),
            E::OrderShipped { number, carrier, tracking } => (
                format!("L’ordine {number} è in viaggio"),
                format!("Affidato a {carrier}, numero di tracciamento {tracking}."),
                "Segui l’ordine",
            ),
            E::OrderDelivered { number } => (
                format!("L’ordine {number} è stato consegnato"),
                "Speriamo che i tuoi capi ti piacciano. I resi sono aperti da oggi.".into(),
                "Vedi l’ordine",
            ),
            E::OrderRefunded { number, amount } => (
                format!("{} rimborsati sull’ordine {number}", money(amount)),
                "Il rimborso è in arrivo sulla tua carta; le banche impiegano qualche giorno a mostrarlo.".into(),
                "Vedi l’ordine",
            ),
            E::PriceDrop { piece, was, now, lowest } => (
                format!("{piece} ora costa {}", money(now)),
                format!("Prima {}, quando l’hai salvato. Prezzo più basso degli ultimi 30 giorni: {}.", money(was), money(lowest)),
                "Vedi il capo",
            ),
            E::BackInStock { piece, size } => (
                format!("{piece} è di nuovo disponibile"),
                match size {
                    Some(size) => format!("La taglia {size} è di nuovo disponibile."),
                    None => "È di nuovo disponibile.".into(),
                },
                "Vedi il capo",
            ),
        },
    };
    Words {
        title,
        message,
        action,
    }
}

/// The parts of an email around the notifications it carries.
pub struct EmailWords {
    /// The subject of a batch of alerts (`n` of them).
    pub alerts_subject: fn(usize) -> String,
    pub alerts_intro: &'static str,
    pub greeting: &'static str,
    pub sign_off: &'static str,
    /// Followed by the one-click link.
    pub unsubscribe: &'static str,
    pub settings: &'static str,
}

pub fn email_words(locale: Locale) -> &'static EmailWords {
    match locale {
        Locale::En => &EmailWords {
            alerts_subject: |n| match n {
                1 => "A piece you saved has news".into(),
                n => format!("{n} pieces you saved have news"),
            },
            alerts_intro: "Pieces on your wishlist have changed:",
            greeting: "Hello,",
            sign_off: "LuxeVerse client services",
            unsubscribe: "Stop these emails:",
            settings: "Choose what we send you:",
        },
        Locale::Fr => &EmailWords {
            alerts_subject: |n| match n {
                1 => "Du nouveau sur une pièce enregistrée".into(),
                n => format!("Du nouveau sur {n} pièces enregistrées"),
            },
            alerts_intro: "Des pièces de votre liste d’envies ont changé :",
            greeting: "Bonjour,",
            sign_off: "Le service client LuxeVerse",
            unsubscribe: "Ne plus recevoir ces e-mails :",
            settings: "Choisir ce que nous vous envoyons :",
        },
        Locale::It => &EmailWords {
            alerts_subject: |n| match n {
                1 => "Novità su un capo che hai salvato".into(),
                n => format!("Novità su {n} capi che hai salvato"),
            },
            alerts_intro: "Alcuni capi della tua lista dei desideri sono cambiati:",
            greeting: "Buongiorno,",
            sign_off: "Il servizio clienti LuxeVerse",
            unsubscribe: "Non ricevere più queste email:",
            settings: "Scegli cosa ti inviamo:",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(amount: &str) -> Money {
        Money::new(amount.parse().unwrap(), "USD")
    }

    #[test]
    fn every_event_is_worded_in_each_language() {
        let events = [
            Event::OrderConfirmed { number: "LV-1" },
            Event::OrderShipped {
                number: "LV-1",
                carrier: "DHL",
                tracking: "JD1",
            },
            Event::OrderDelivered { number: "LV-1" },
            Event::OrderRefunded {
                number: "LV-1",
                amount: usd("10.00"),
            },
            Event::PriceDrop {
                piece: "Scarf",
                was: usd("200.00"),
                now: usd("150.00"),
                lowest: usd("150.00"),
            },
            Event::BackInStock {
                piece: "Scarf",
                size: Some("M"),
            },
        ];
        for event in &events {
            let en = words(Locale::En, event);
            for other in [Locale::Fr, Locale::It] {
                assert_ne!(en.title, words(other, event).title, "{event:?}");
            }
        }
        let drop = words(Locale::En, &events[4]);
        assert!(
            drop.message.contains("previous 30 days: $150.00"),
            "{drop:?}"
        );
    }
}

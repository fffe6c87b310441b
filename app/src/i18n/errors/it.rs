//! Italiano.

use domain::email::EmailError;
use domain::money::format_price;
use domain::password::PasswordError;
use domain::read::orders::OrderState;
use domain::{CouponRefusal, DeclineReason, Locale, Refusal};

pub(crate) const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

pub(super) fn refusal(refusal: &Refusal) -> String {
    use Refusal as R;
    match refusal {
        R::SignInRequired => "Accedi per continuare.".into(),
        R::Forbidden => "Non hai accesso a questa pagina.".into(),
        R::Internal => "Si è verificato un problema da parte nostra. Riprova.".into(),
        R::RateLimited { seconds } => {
            format!("Troppi tentativi. Riprova tra {seconds} secondi.")
        }
        R::Email(error) => email(*error).into(),
        R::Password(error) => password(*error).into(),
        R::WrongCredentials => "Questa email e questa password non corrispondono ad alcun account.".into(),
        R::EmailTaken => {
            "Esiste già un account con questa email. Accedi, oppure reimposta la password.".into()
        }
        R::NameMissing => "Indica il tuo nome.".into(),
        R::NameCharacters => "Usa solo lettere, spazi e punteggiatura.".into(),
        R::LinkInvalid => "Questo link non è valido. Richiedine uno nuovo.".into(),
        R::LinkExpired => "Questo link è scaduto. Richiedine uno nuovo.".into(),
        R::LinkUsed => "Questo link è già stato usato. Richiedine uno nuovo.".into(),
        R::UnverifiedProviderEmail => {
            "Questo account non ha un indirizzo email verificato. Crea invece un account con la tua email."
                .into()
        }
        R::OAuthCancelled => "L’accesso con questo servizio è stato annullato.".into(),
        R::OAuthStateInvalid => "Questo link di accesso è scaduto o non proviene da questo browser. Riprova.".into(),
        R::OAuthLinkRequired => "Esiste già un account con questa email. Accedi con la tua password, poi collega il servizio dalle impostazioni.".into(),
        R::OAuthUnavailable => "Questo servizio di accesso non è disponibile.".into(),
        R::OAuthFailed => "Non è stato possibile farti accedere con questo servizio. Riprova.".into(),
        R::MailUnavailable => "Non siamo riusciti a inviare l’email. Riprova tra un momento.".into(),
        R::NoPasswordToChange => {
            "Il tuo account accede tramite un account collegato, quindi non ha una password da cambiare."
                .into()
        }
        R::CurrentPasswordMissing => "Inserisci la password attuale.".into(),
        R::CurrentPasswordWrong => "Questa non è la tua password attuale.".into(),
        R::SamePassword => "Scegli una password diversa da quella attuale.".into(),
        R::PhoneCharacters => "Usa solo cifre e spazi, con un + facoltativo all’inizio.".into(),
        R::PhoneLength => "Usa da 7 a 20 cifre.".into(),
        R::CurrencyUnknown => {
            "Scegli dollaro USA, euro, sterlina, franco svizzero o yen.".into()
        }
        R::LanguageUnknown => "Scegli inglese, francese o italiano.".into(),
        R::TimezoneMissing => "Scegli un fuso orario, come Europe/Rome o UTC.".into(),
        R::TimezoneUnknown => "Usa il nome di un fuso orario come Europe/Rome o UTC.".into(),
        R::TooLong { max } => format!("Usa al massimo {max} caratteri."),
        R::TextCharacters => "Usa solo lettere, cifre, spazi e punteggiatura.".into(),
        R::AddressKindUnknown => "Scegli spedizione o fatturazione.".into(),
        R::FirstNameMissing => "Inserisci un nome.".into(),
        R::LastNameMissing => "Inserisci un cognome.".into(),
        R::StreetMissing => "Inserisci l’indirizzo.".into(),
        R::CityMissing => "Inserisci una città.".into(),
        R::PostcodeMissing => "Inserisci un codice postale.".into(),
        R::PostcodeCharacters => "Usa solo lettere, cifre, spazi e trattini.".into(),
        R::CountryMissing => "Scegli un paese.".into(),
        R::CountryUnknown => "Scegli un paese dall’elenco.".into(),
        R::TooManyAddresses { max } => {
            format!("Puoi conservare fino a {max} indirizzi. Eliminane uno per aggiungerne un altro.")
        }
        R::AddressNotFound => "Non abbiamo trovato questo indirizzo.".into(),
        R::AddressNotInBook => {
            "Questo indirizzo non è nella tua rubrica. Scegline un altro o inseriscine uno nuovo."
                .into()
        }
        R::PieceGone => "Questo pezzo non esiste più.".into(),
        R::PieceUnavailable { name } => {
            format!("{name} non è acquistabile in questo momento.")
        }
        R::SoldOut { name } => format!("Ci dispiace, {name} è esaurito."),
        R::NotEnoughStock {
            name,
            available,
            in_bag,
        } if *in_bag > 0 => format!(
            "Disponibili solo {available} × {name}, e la tua borsa ne contiene già {in_bag}."
        ),
        R::NotEnoughStock {
            name, available, ..
        } => format!("Disponibili solo {available} × {name}."),
        R::QuantityRange { max } => format!("Scegli una quantità tra 1 e {max}."),
        R::LineLimit { name, max } => {
            format!("La tua borsa può contenere al massimo {max} × {name}.")
        }
        R::NotInBag => "Questo pezzo non è più nella tua borsa.".into(),
        R::SessionExpired => "La sessione è scaduta. Aggiorna la pagina e riprova.".into(),
        R::EmptyBag => "La tua borsa è vuota.".into(),
        R::UnknownItem => {
            "Uno dei pezzi nella tua borsa non esiste più. Rimuovilo per continuare.".into()
        }
        R::NoLongerAvailable { name } => format!(
            "{name} non è più disponibile. Rimuovilo dalla borsa per continuare."
        ),
        R::LineQuantityRange { name, max } => {
            format!("Scegli una quantità tra 1 e {max} per {name}.")
        }
        R::MixedCurrency => {
            "Non è possibile acquistare insieme pezzi con prezzi in valute diverse.".into()
        }
        R::UnsupportedCountry { country } => {
            format!("Non effettuiamo ancora consegne in questo paese ({country}).")
        }
        R::UnknownShippingMethod => {
            "Questa opzione di consegna non esiste. Scegline un’altra.".into()
        }
        R::ShippingMethodUnavailable { name, country } => format!(
            "La consegna {name} non è disponibile per questo paese ({country}). Scegli un’altra opzione."
        ),
        R::CheckoutUnavailable => {
            "Il pagamento è momentaneamente non disponibile. Riprova più tardi.".into()
        }
        R::JustSoldOut { name } => format!(
            "Ci dispiace, {name} è appena andato esaurito. Rimuovilo dalla borsa per continuare."
        ),
        R::OnlyLeft { name, available } => format!(
            "Ci dispiace, restano solo {available} × {name}. Riduci la quantità per continuare."
        ),
        R::OrderNotFound => "Non abbiamo trovato questo ordine.".into(),
        R::OrderClosed { status } => {
            format!("Questo ordine è chiuso ({status}) e non può più essere pagato.")
        }
        R::OrderMovedOn { state } => moved_on(*state).into(),
        R::TrackingMissing => "Indica il corriere e il numero di tracciamento.".into(),
        R::ReturnNotDelivered => "I resi si aprono dopo la consegna dell’ordine.".into(),
        R::ReturnWindowClosed { days } => format!(
            "I resi sono accettati entro {days} giorni dalla consegna, e questo termine è scaduto."
        ),
        R::ReturnFinalSale { name } => {
            format!("{name} è stato venduto come vendita finale e non può essere reso.")
        }
        R::ReturnQuantity { name, max: 0 } => format!("{name} è già stato reso per intero."),
        R::ReturnQuantity { name, max } => format!("Puoi rendere al massimo {max} di {name}."),
        R::ReturnReasonMissing => "Scegli il motivo del reso.".into(),
        R::ReturnConditionMissing => "Scegli lo stato del capo.".into(),
        R::ReturnNothingChosen => "Scegli almeno un capo da rendere.".into(),
        R::NotificationNotFound => "Non abbiamo trovato questa notifica.".into(),
        R::SizeAdviceNotFound => "Non abbiamo trovato questo suggerimento di taglia.".into(),
        R::LookNotFound => "Non abbiamo trovato questo look.".into(),
        R::SizeNotOffered => "Scegli una delle taglie di questo capo.".into(),
        R::ReviewNotFound => "Non abbiamo trovato questa recensione.".into(),
        R::ReviewNotPurchased => {
            "Le recensioni sono scritte dai clienti che hanno acquistato il capo; quando il tuo ordine sarà pagato potrai scrivere la tua.".into()
        }
        R::ReviewExists => "Hai già recensito questo capo; puoi modificare la tua recensione.".into(),
        R::RatingRange => "Scegli una valutazione da una a cinque stelle.".into(),
        R::ReviewTextMissing => "Racconta il capo in poche parole agli altri clienti.".into(),
        R::FitUnknown => "Scegli dall’elenco come veste il capo.".into(),
        R::PhotoNotImage => "Questo file non è una foto: scegli un’immagine JPEG, PNG o WebP.".into(),
        R::PhotoTooLarge { max_mb } => format!("Questa foto è troppo pesante: al massimo {max_mb} MB ciascuna."),
        R::PhotoDimensions { max_px } => {
            format!("Questa foto è troppo grande: al massimo {max_px} pixel di larghezza e di altezza.")
        }
        R::TooManyPhotos { max } => format!("Aggiungi al massimo {max} foto."),
        R::OwnReviewVote => "Non puoi votare la tua recensione.".into(),
        R::ReportReasonMissing => "Indica perché segnali questa recensione.".into(),
        R::PersonalisationOff => {
            "La personalizzazione è disattivata nelle impostazioni: non conserviamo alcun profilo di stile.".into()
        }
        R::StyleChoiceUnknown => "Scegli tra le opzioni proposte.".into(),
        R::BudgetInvalid => "Inserisci un importo in dollari, ad esempio 500.".into(),
        R::BudgetOrder => {
            "Il prezzo minimo deve restare sotto il massimo, e il tuo prezzo ideale tra i due.".into()
        }
        R::SizeUnknown => "Scegli una taglia dall’elenco.".into(),
        R::AnchorIncomplete => "Indica sia la maison sia la taglia che porti.".into(),
        R::WishlistNotFound => "Non abbiamo trovato questa lista.".into(),
        R::TooManyWishlists { max } => format!("Puoi tenere al massimo {max} liste."),
        R::WishlistFull { max } => format!("Una lista contiene al massimo {max} capi."),
        R::AdjustmentReasonMissing => "Indica perché cambia lo stock.".into(),
        R::CouponMissing => "Inserisci un codice promozionale.".into(),
        R::Coupon(refusal) => coupon(refusal),
        R::CardDeclined { reason } => decline(*reason).into(),
        R::PaymentRefused => "Il pagamento è stato rifiutato. Prova con un’altra carta.".into(),
        R::NoPaymentYet => "Questo ordine non ha ancora un pagamento da confermare.".into(),
        R::CurrencyNotChargeable { currency } => {
            format!("Non possiamo accettare pagamenti in {currency}.")
        }
        R::TestCardsOnly => "Le carte di prova sono accettate solo in modalità di prova.".into(),
        R::NotRefundable => "Questo ordine non ha pagamenti completati da rimborsare.".into(),
        R::RefundTooLarge { refundable } => {
            format!("È più dei {refundable} ancora rimborsabili.")
        }
        R::UnknownUser => "Non esiste un account con questa email.".into(),
        R::UnknownRole { role } => format!("Ruolo sconosciuto «{role}»."),
        R::SuperAdminOnly => {
            "Solo un super amministratore può assegnare o revocare i ruoli di amministratore."
                .into()
        }
        R::Unreachable => "Impossibile raggiungere LuxeVerse. Riprova.".into(),
        R::CrossSite => {
            "Questa richiesta proveniva da un altro sito, quindi LuxeVerse l’ha rifiutata. Apri direttamente il negozio e riprova."
                .into()
        }
        R::UnsupportedContent => {
            "LuxeVerse non è riuscito a leggere questa richiesta. Ricarica la pagina e riprova."
                .into()
        }
        R::MalformedRequest => "La richiesta era incompleta. Aggiorna la pagina e riprova.".into(),
        R::RequestTooLarge => "Questa richiesta è troppo grande per LuxeVerse.".into(),
        R::Busy => "LuxeVerse è molto occupato in questo momento. Riprova tra poco.".into(),
        R::FilterInvalid { param } => format!(
            "Non è stato possibile applicare il filtro “{param}”. Cancella i filtri e riprova."
        ),
        R::TooManyValues { param, max } => format!("Scegli al massimo {max} valori per “{param}”."),
        R::TooManyPendingOrders { max } => format!(
            "Hai già {max} ordini in attesa di pagamento. Pagane uno, o attendi qualche minuto che scadano, prima di effettuarne un altro."
        ),
    }
}

fn decline(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::Generic => "La tua carta è stata rifiutata. Usa un’altra carta.",
        DeclineReason::InsufficientFunds => {
            "La tua carta è stata rifiutata: fondi insufficienti. Usa un’altra carta."
        }
        DeclineReason::LostOrStolen => {
            "La tua carta è stata rifiutata. Contatta la tua banca o usa un’altra carta."
        }
        DeclineReason::Expired => "La tua carta è stata rifiutata: è scaduta.",
        DeclineReason::IncorrectCvc => {
            "La tua carta è stata rifiutata: il codice di sicurezza non è corretto."
        }
        DeclineReason::ProcessingError => {
            "Non è stato possibile elaborare la tua carta. Riprova tra un momento."
        }
        DeclineReason::TooManyAttempts => {
            "La tua carta è stata rifiutata dopo troppi tentativi. Usa un’altra carta."
        }
    }
}

fn coupon(refusal: &CouponRefusal) -> String {
    use CouponRefusal as C;
    match refusal {
        C::NotFound { code } => {
            format!("Non riconosciamo il codice {code}. Controlla l’ortografia e riprova.")
        }
        C::NotYetValid { code, starts } => format!(
            "Il codice {code} è utilizzabile dal {}.",
            super::long_date(starts, MONTHS)
        ),
        C::Expired { code, ended } => format!(
            "Il codice {code} è scaduto il {}.",
            super::long_date(ended, MONTHS)
        ),
        C::UsageLimitReached { code } => {
            format!("Il codice {code} è stato interamente utilizzato.")
        }
        C::SignInRequired { code } => format!("Accedi per usare il codice {code}."),
        C::MembershipRequired { code, tiers } => format!(
            "Il codice {code} è riservato ai membri {}.",
            super::list(tiers, "e")
        ),
        C::FirstPurchaseOnly { code } => {
            format!("Il codice {code} è valido solo per un primo ordine.")
        }
        C::PerUserLimitReached { code, limit } => {
            format!("Hai già usato il codice {code} il numero massimo di volte ({limit}).")
        }
        C::NoEligibleItems { code } => {
            format!("Il codice {code} non si applica ad alcun pezzo nella tua borsa.")
        }
        C::MinimumNotMet {
            code,
            minimum,
            short_by,
            currency,
        } => format!(
            "Il codice {code} richiede un subtotale di {}; aggiungi ancora {} per usarlo.",
            format_price(minimum, currency, Locale::It),
            format_price(short_by, currency, Locale::It)
        ),
        C::Unsupported { code } => format!("Il codice {code} non può essere usato al momento."),
    }
}

fn email(error: EmailError) -> &'static str {
    match error {
        EmailError::Empty => "Inserisci il tuo indirizzo email.",
        EmailError::TooLong => "Questo indirizzo email è troppo lungo (al massimo 254 caratteri).",
        EmailError::Malformed => "Inserisci un indirizzo email come nome@esempio.com.",
    }
}

fn password(error: PasswordError) -> &'static str {
    match error {
        PasswordError::Empty => "Scegli una password.",
        PasswordError::TooShort => "Usa almeno 10 caratteri.",
        PasswordError::TooLong => "Usa al massimo 128 caratteri.",
        PasswordError::TooCommon => {
            "Questa password è troppo facile da indovinare; prova una breve frase."
        }
        PasswordError::ContainsEmail => "La password non deve contenere il tuo indirizzo email.",
    }
}

/// Perché un ordine non può più essere modificato in questo modo.
fn moved_on(state: OrderState) -> &'static str {
    use OrderState as S;
    match state {
        S::Shipped | S::Delivered => {
            "Questo ordine è già stato spedito e non può più essere annullato. Quando arriva potrai richiedere un reso."
        }
        S::Cancelled => "Questo ordine è già stato annullato.",
        S::Refunded | S::Returned => "Questo ordine è già stato rimborsato.",
        _ => "Nel frattempo questo ordine è cambiato. Aggiorna la pagina per vedere a che punto è.",
    }
}

//! Français.

use domain::email::EmailError;
use domain::money::format_price;
use domain::password::PasswordError;
use domain::read::orders::OrderState;
use domain::{CouponRefusal, DeclineReason, Locale, Refusal};

pub(crate) const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub(super) fn refusal(refusal: &Refusal) -> String {
    use Refusal as R;
    match refusal {
        R::SignInRequired => "Veuillez vous connecter pour continuer.".into(),
        R::Forbidden => "Vous n’avez pas accès à cette page.".into(),
        R::Internal => "Un incident est survenu de notre côté. Veuillez réessayer.".into(),
        R::RateLimited { seconds } => {
            format!("Trop de tentatives. Réessayez dans {seconds} secondes.")
        }
        R::Email(error) => email(*error).into(),
        R::Password(error) => password(*error).into(),
        R::WrongCredentials => {
            "Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.".into()
        }
        R::EmailTaken => {
            "Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou réinitialisez votre mot de passe."
                .into()
        }
        R::NameMissing => "Indiquez votre nom.".into(),
        R::NameCharacters => "Utilisez uniquement des lettres, des espaces et de la ponctuation.".into(),
        R::LinkInvalid => "Ce lien n’est pas valide. Veuillez en demander un nouveau.".into(),
        R::LinkExpired => "Ce lien a expiré. Veuillez en demander un nouveau.".into(),
        R::LinkUsed => "Ce lien a déjà été utilisé. Veuillez en demander un nouveau.".into(),
        R::UnverifiedProviderEmail => {
            "Ce compte n’a pas d’adresse e-mail vérifiée. Créez plutôt un compte avec votre adresse e-mail."
                .into()
        }
        R::OAuthCancelled => "La connexion avec ce service a été annulée.".into(),
        R::OAuthStateInvalid => "Ce lien de connexion a expiré ou ne provient pas de ce navigateur. Veuillez réessayer.".into(),
        R::OAuthLinkRequired => "Un compte existe déjà avec cette adresse e-mail. Connectez-vous avec votre mot de passe, puis associez ce service depuis vos paramètres.".into(),
        R::OAuthUnavailable => "Ce service de connexion n’est pas disponible.".into(),
        R::OAuthFailed => "Nous n’avons pas pu vous connecter avec ce service. Veuillez réessayer.".into(),
        R::MailUnavailable => {
            "Nous n’avons pas pu envoyer l’e-mail. Veuillez réessayer dans un instant.".into()
        }
        R::NoPasswordToChange => {
            "Votre compte se connecte via un compte associé : il n’a pas de mot de passe à modifier."
                .into()
        }
        R::CurrentPasswordMissing => "Saisissez votre mot de passe actuel.".into(),
        R::CurrentPasswordWrong => "Ce n’est pas votre mot de passe actuel.".into(),
        R::SamePassword => "Choisissez un mot de passe différent de l’actuel.".into(),
        R::PhoneCharacters => {
            "Utilisez uniquement des chiffres et des espaces, avec un + facultatif au début.".into()
        }
        R::PhoneLength => "Utilisez de 7 à 20 chiffres.".into(),
        R::CurrencyUnknown => {
            "Choisissez le dollar US, l’euro, la livre sterling, le franc suisse ou le yen.".into()
        }
        R::LanguageUnknown => "Choisissez l’anglais, le français ou l’italien.".into(),
        R::TimezoneMissing => "Choisissez un fuseau horaire, comme Europe/Paris ou UTC.".into(),
        R::TimezoneUnknown => "Utilisez un nom de fuseau horaire comme Europe/Paris ou UTC.".into(),
        R::TooLong { max } => format!("Utilisez {max} caractères au maximum."),
        R::TextCharacters => {
            "Utilisez uniquement des lettres, des chiffres, des espaces et de la ponctuation.".into()
        }
        R::AddressKindUnknown => "Choisissez livraison ou facturation.".into(),
        R::FirstNameMissing => "Saisissez un prénom.".into(),
        R::LastNameMissing => "Saisissez un nom.".into(),
        R::StreetMissing => "Saisissez l’adresse.".into(),
        R::CityMissing => "Saisissez une ville.".into(),
        R::PostcodeMissing => "Saisissez un code postal.".into(),
        R::PostcodeCharacters => {
            "Utilisez uniquement des lettres, des chiffres, des espaces et des tirets.".into()
        }
        R::CountryMissing => "Choisissez un pays.".into(),
        R::CountryUnknown => "Choisissez un pays dans la liste.".into(),
        R::TooManyAddresses { max } => format!(
            "Vous pouvez conserver jusqu’à {max} adresses. Supprimez-en une pour en ajouter une autre."
        ),
        R::AddressNotFound => "Nous n’avons pas trouvé cette adresse.".into(),
        R::AddressNotInBook => {
            "Cette adresse ne figure pas dans votre carnet d’adresses. Choisissez-en une autre ou saisissez-en une nouvelle."
                .into()
        }
        R::PieceGone => "Cette pièce n’existe plus.".into(),
        R::PieceUnavailable { name } => {
            format!("{name} n’est pas disponible à l’achat pour le moment.")
        }
        R::SoldOut { name } => format!("Désolés, {name} est épuisé."),
        R::NotEnoughStock {
            name,
            available,
            in_bag,
        } if *in_bag > 0 => format!(
            "Seulement {available} × {name} disponible(s), et votre panier en contient déjà {in_bag}."
        ),
        R::NotEnoughStock {
            name, available, ..
        } => format!("Seulement {available} × {name} disponible(s)."),
        R::QuantityRange { max } => format!("Choisissez une quantité entre 1 et {max}."),
        R::LineLimit { name, max } => {
            format!("Votre panier peut contenir au plus {max} × {name}.")
        }
        R::NotInBag => "Cette pièce n’est plus dans votre panier.".into(),
        R::SessionExpired => {
            "Votre session a expiré. Veuillez actualiser la page et réessayer.".into()
        }
        R::EmptyBag => "Votre panier est vide.".into(),
        R::UnknownItem => {
            "L’une des pièces de votre panier n’existe plus. Veuillez la retirer pour continuer."
                .into()
        }
        R::NoLongerAvailable { name } => format!(
            "{name} n’est plus disponible. Veuillez le retirer de votre panier pour continuer."
        ),
        R::LineQuantityRange { name, max } => {
            format!("Choisissez une quantité entre 1 et {max} pour {name}.")
        }
        R::MixedCurrency => {
            "Des pièces affichées dans des devises différentes ne peuvent pas être achetées ensemble."
                .into()
        }
        R::UnsupportedCountry { country } => {
            format!("Nous ne livrons pas encore vers ce pays ({country}).")
        }
        R::UnknownShippingMethod => {
            "Ce mode de livraison n’existe pas. Veuillez en choisir un autre.".into()
        }
        R::ShippingMethodUnavailable { name, country } => format!(
            "La livraison {name} n’est pas disponible vers ce pays ({country}). Veuillez choisir une autre option."
        ),
        R::CheckoutUnavailable => {
            "Le paiement est temporairement indisponible. Veuillez réessayer plus tard.".into()
        }
        R::JustSoldOut { name } => format!(
            "Désolés, {name} vient d’être épuisé. Retirez-le de votre panier pour continuer."
        ),
        R::OnlyLeft { name, available } => format!(
            "Désolés, il ne reste que {available} × {name}. Réduisez la quantité pour continuer."
        ),
        R::OrderNotFound => "Nous n’avons pas trouvé cette commande.".into(),
        R::OrderClosed { status } => {
            format!("Cette commande est close ({status}) et ne peut plus être payée.")
        }
        R::OrderMovedOn { state } => moved_on(*state).into(),
        R::TrackingMissing => "Indiquez le transporteur et le numéro de suivi.".into(),
        R::ReturnNotDelivered => "Les retours s’ouvrent une fois votre commande livrée.".into(),
        R::ReturnWindowClosed { days } => format!(
            "Les retours sont acceptés dans les {days} jours suivant la livraison, et ce délai est passé."
        ),
        R::ReturnFinalSale { name } => {
            format!("{name} a été vendu sans possibilité de retour (vente finale).")
        }
        R::ReturnQuantity { name, max: 0 } => format!("{name} a déjà été entièrement retourné."),
        R::ReturnQuantity { name, max } => {
            format!("Vous pouvez retourner au plus {max} exemplaire(s) de {name}.")
        }
        R::ReturnReasonMissing => "Indiquez pourquoi la pièce est retournée.".into(),
        R::ReturnConditionMissing => "Indiquez l’état de la pièce.".into(),
        R::ReturnNothingChosen => "Choisissez au moins une pièce à retourner.".into(),
        R::NotificationNotFound => "Nous n’avons pas trouvé cette notification.".into(),
        R::SizeAdviceNotFound => "Nous n’avons pas trouvé cette suggestion de taille.".into(),
        R::LookNotFound => "Nous n’avons pas trouvé cette tenue.".into(),
        R::SizeNotOffered => "Choisissez l’une des tailles de cette pièce.".into(),
        R::ReviewNotFound => "Nous n’avons pas trouvé cet avis.".into(),
        R::ReviewNotPurchased => {
            "Les avis sont écrits par les clients qui ont acheté la pièce ; une fois votre commande payée, vous pourrez donner le vôtre.".into()
        }
        R::ReviewExists => "Vous avez déjà donné votre avis sur cette pièce ; vous pouvez le modifier.".into(),
        R::RatingRange => "Choisissez une note de une à cinq étoiles.".into(),
        R::ReviewTextMissing => "Décrivez la pièce en quelques mots pour les autres clients.".into(),
        R::FitUnknown => "Choisissez dans la liste comment la pièce taille.".into(),
        R::PhotoNotImage => "Ce fichier n’est pas une photo : choisissez une image JPEG, PNG ou WebP.".into(),
        R::PhotoTooLarge { max_mb } => format!("Cette photo est trop lourde : {max_mb} Mo au plus chacune."),
        R::PhotoDimensions { max_px } => {
            format!("Cette photo est trop grande : {max_px} pixels au plus en largeur et en hauteur.")
        }
        R::TooManyPhotos { max } => format!("Ajoutez au plus {max} photos."),
        R::OwnReviewVote => "Vous ne pouvez pas voter pour votre propre avis.".into(),
        R::ReportReasonMissing => "Indiquez pourquoi vous signalez cet avis.".into(),
        R::PersonalisationOff => {
            "La personnalisation est désactivée dans vos réglages : nous ne gardons aucun profil de style.".into()
        }
        R::StyleChoiceUnknown => "Choisissez parmi les options proposées.".into(),
        R::BudgetInvalid => "Indiquez un montant en dollars, par exemple 500.".into(),
        R::BudgetOrder => {
            "Le prix minimum doit rester sous le maximum, et votre prix idéal entre les deux.".into()
        }
        R::SizeUnknown => "Choisissez une taille dans la liste.".into(),
        R::AnchorIncomplete => "Indiquez à la fois la maison et la taille que vous y portez.".into(),
        R::WishlistNotFound => "Nous n’avons pas trouvé cette liste.".into(),
        R::TooManyWishlists { max } => format!("Vous pouvez garder au plus {max} listes."),
        R::WishlistFull { max } => format!("Une liste contient au plus {max} pièces."),
        R::AdjustmentReasonMissing => "Indiquez pourquoi le stock change.".into(),
        R::CouponMissing => "Saisissez un code promotionnel.".into(),
        R::Coupon(refusal) => coupon(refusal),
        R::CardDeclined { reason } => decline(*reason).into(),
        R::PaymentRefused => "Le paiement a été refusé. Veuillez essayer une autre carte.".into(),
        R::NoPaymentYet => "Cette commande n’a pas encore de paiement à confirmer.".into(),
        R::CurrencyNotChargeable { currency } => {
            format!("Nous ne pouvons pas encaisser de paiement en {currency}.")
        }
        R::TestCardsOnly => "Les cartes de test ne sont acceptées qu’en mode test.".into(),
        R::NotRefundable => "Cette commande n’a aucun paiement abouti à rembourser.".into(),
        R::RefundTooLarge { refundable } => {
            format!("C’est plus que les {refundable} encore remboursables.")
        }
        R::UnknownUser => "Aucun compte n’existe avec cette adresse e-mail.".into(),
        R::UnknownRole { role } => format!("Rôle inconnu « {role} »."),
        R::SuperAdminOnly => {
            "Seul un super administrateur peut accorder ou retirer un rôle d’administrateur."
                .into()
        }
        R::Unreachable => "Impossible de joindre LuxeVerse. Veuillez réessayer.".into(),
        R::CrossSite => {
            "Cette demande venait d’un autre site : LuxeVerse l’a refusée. Ouvrez la boutique directement et réessayez."
                .into()
        }
        R::UnsupportedContent => {
            "LuxeVerse n’a pas pu lire cette demande. Rechargez la page et réessayez.".into()
        }
        R::MalformedRequest => "Cette demande était incomplète. Actualisez la page et réessayez.".into(),
        R::RequestTooLarge => "Cette demande est trop volumineuse pour LuxeVerse.".into(),
        R::Busy => {
            "LuxeVerse est très sollicitée en ce moment. Réessayez dans un instant.".into()
        }
        R::FilterInvalid { param } => format!(
            "Nous n’avons pas pu appliquer le filtre « {param} ». Effacez les filtres et réessayez."
        ),
        R::TooManyValues { param, max } => {
            format!("Choisissez au plus {max} valeurs pour « {param} ».")
        }
        R::TooManyPendingOrders { max } => format!(
            "Vous avez déjà {max} commandes en attente de paiement. Réglez-en une, ou attendez quelques minutes qu’elles expirent, avant d’en passer une autre."
        ),
    }
}

fn decline(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::Generic => "Votre carte a été refusée. Veuillez utiliser une autre carte.",
        DeclineReason::InsufficientFunds => {
            "Votre carte a été refusée : provision insuffisante. Veuillez utiliser une autre carte."
        }
        DeclineReason::LostOrStolen => {
            "Votre carte a été refusée. Contactez votre banque ou utilisez une autre carte."
        }
        DeclineReason::Expired => "Votre carte a été refusée : elle a expiré.",
        DeclineReason::IncorrectCvc => "Votre carte a été refusée : le cryptogramme est incorrect.",
        DeclineReason::ProcessingError => {
            "Votre carte n’a pas pu être traitée. Veuillez réessayer dans un instant."
        }
        DeclineReason::TooManyAttempts => {
            "Votre carte a été refusée après trop de tentatives. Veuillez utiliser une autre carte."
        }
    }
}

fn coupon(refusal: &CouponRefusal) -> String {
    use CouponRefusal as C;
    match refusal {
        C::NotFound { code } => format!(
            "Nous ne reconnaissons pas le code {code}. Vérifiez l’orthographe et réessayez."
        ),
        C::NotYetValid { code, starts } => format!(
            "Le code {code} est utilisable à partir du {}.",
            super::long_date(starts, MONTHS)
        ),
        C::Expired { code, ended } => format!(
            "Le code {code} a expiré le {}.",
            super::long_date(ended, MONTHS)
        ),
        C::UsageLimitReached { code } => format!("Le code {code} a été entièrement utilisé."),
        C::SignInRequired { code } => format!("Connectez-vous pour utiliser le code {code}."),
        C::MembershipRequired { code, tiers } => format!(
            "Le code {code} est réservé aux membres {}.",
            super::list(tiers, "et")
        ),
        C::FirstPurchaseOnly { code } => {
            format!("Le code {code} est réservé à une première commande.")
        }
        C::PerUserLimitReached { code, limit } => {
            format!("Vous avez déjà utilisé le code {code} le nombre maximal de fois ({limit}).")
        }
        C::NoEligibleItems { code } => {
            format!("Le code {code} ne s’applique à aucune pièce de votre panier.")
        }
        C::MinimumNotMet {
            code,
            minimum,
            short_by,
            currency,
        } => format!(
            "Le code {code} demande un sous-total de {} ; ajoutez encore {} pour l’utiliser.",
            format_price(minimum, currency, Locale::Fr),
            format_price(short_by, currency, Locale::Fr)
        ),
        C::Unsupported { code } => {
            format!("Le code {code} ne peut pas être utilisé pour le moment.")
        }
    }
}

fn email(error: EmailError) -> &'static str {
    match error {
        EmailError::Empty => "Saisissez votre adresse e-mail.",
        EmailError::TooLong => "Cette adresse e-mail est trop longue (254 caractères au maximum).",
        EmailError::Malformed => "Saisissez une adresse e-mail comme nom@exemple.com.",
    }
}

fn password(error: PasswordError) -> &'static str {
    match error {
        PasswordError::Empty => "Choisissez un mot de passe.",
        PasswordError::TooShort => "Utilisez au moins 10 caractères.",
        PasswordError::TooLong => "Utilisez 128 caractères au maximum.",
        PasswordError::TooCommon => {
            "Ce mot de passe est trop facile à deviner ; essayez plutôt une courte phrase."
        }
        PasswordError::ContainsEmail => {
            "Votre mot de passe ne doit pas contenir votre adresse e-mail."
        }
    }
}

/// Pourquoi une commande ne peut plus faire l’objet de cette démarche.
fn moved_on(state: OrderState) -> &'static str {
    use OrderState as S;
    match state {
        S::Shipped | S::Delivered => {
            "Cette commande a déjà été expédiée et ne peut plus être annulée. Dès sa réception, vous pourrez demander un retour."
        }
        S::Cancelled => "Cette commande a déjà été annulée.",
        S::Refunded | S::Returned => "Cette commande a déjà été remboursée.",
        _ => "Cette commande a évolué entre-temps. Actualisez la page pour voir où elle en est.",
    }
}

//! English.

use domain::email::EmailError;
use domain::password::PasswordError;
use domain::read::orders::OrderState;
use domain::{CouponRefusal, DeclineReason, Refusal};

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) fn refusal(refusal: &Refusal) -> String {
    use Refusal as R;
    match refusal {
        R::SignInRequired => "Please sign in to continue.".into(),
        R::Forbidden => "You do not have access to this.".into(),
        R::Internal => "Something went wrong on our side. Please try again.".into(),
        R::RateLimited { seconds } => {
            format!("Too many attempts. Try again in {seconds} seconds.")
        }
        R::Email(error) => email(*error).into(),
        R::Password(error) => password(*error).into(),
        R::WrongCredentials => "That email and password do not match an account.".into(),
        R::EmailTaken => {
            "An account with this email already exists. Sign in instead, or reset your password."
                .into()
        }
        R::NameMissing => "Tell us your name.".into(),
        R::NameCharacters => "Use letters, spaces and punctuation only.".into(),
        R::LinkInvalid => "This link is not valid. Please request a new one.".into(),
        R::LinkExpired => "This link has expired. Please request a new one.".into(),
        R::LinkUsed => "This link has already been used. Please request a new one.".into(),
        R::UnverifiedProviderEmail => {
            "That account has no verified email address. Create an account with your email instead."
                .into()
        }
        R::OAuthCancelled => "Sign-in with that provider was cancelled.".into(),
        R::OAuthStateInvalid => {
            "That sign-in link expired or did not come from this browser. Please try again.".into()
        }
        R::OAuthLinkRequired => "An account with that email already exists. Sign in with your password, then connect the provider from your settings.".into(),
        R::OAuthUnavailable => "That sign-in provider is not available.".into(),
        R::OAuthFailed => "We could not sign you in with that provider. Please try again.".into(),
        R::MailUnavailable => "We could not send the email. Please try again in a moment.".into(),
        R::NoPasswordToChange => {
            "Your account signs in through a connected account, so it has no password to change."
                .into()
        }
        R::CurrentPasswordMissing => "Enter your current password.".into(),
        R::CurrentPasswordWrong => "That is not your current password.".into(),
        R::SamePassword => "Choose a password different from your current one.".into(),
        R::PhoneCharacters => "Use digits and spaces only, with an optional + at the start.".into(),
        R::PhoneLength => "Use 7 to 20 digits.".into(),
        R::CurrencyUnknown => "Choose US dollar, euro, pound sterling, Swiss franc or yen.".into(),
        R::LanguageUnknown => "Choose English, French or Italian.".into(),
        R::TimezoneMissing => "Choose a time zone, like Europe/Paris or UTC.".into(),
        R::TimezoneUnknown => "Use a time zone name like Europe/Paris or UTC.".into(),
        R::TooLong { max } => format!("Use at most {max} characters."),
        R::TextCharacters => "Use letters, digits, spaces and punctuation only.".into(),
        R::AddressKindUnknown => "Choose shipping or billing.".into(),
        R::FirstNameMissing => "Enter a first name.".into(),
        R::LastNameMissing => "Enter a last name.".into(),
        R::StreetMissing => "Enter the street address.".into(),
        R::CityMissing => "Enter a town or city.".into(),
        R::PostcodeMissing => "Enter a postcode.".into(),
        R::PostcodeCharacters => "Use letters, digits, spaces and hyphens only.".into(),
        R::CountryMissing => "Choose a country.".into(),
        R::CountryUnknown => "Choose a country from the list.".into(),
        R::TooManyAddresses { max } => {
            format!("You can keep up to {max} addresses. Delete one to add another.")
        }
        R::AddressNotFound => "We could not find that address.".into(),
        R::AddressNotInBook => {
            "We could not find that address in your address book. Choose another or enter a new one."
                .into()
        }
        R::PieceGone => "That piece no longer exists.".into(),
        R::PieceUnavailable { name } => format!("{name} is not available to buy right now."),
        R::SoldOut { name } => format!("Sorry, {name} is sold out."),
        R::NotEnoughStock {
            name,
            available,
            in_bag,
        } if *in_bag > 0 => format!(
            "Only {available} of {name} available, and your bag already has {in_bag}."
        ),
        R::NotEnoughStock {
            name, available, ..
        } => format!("Only {available} of {name} available."),
        R::QuantityRange { max } => format!("Choose a quantity between 1 and {max}."),
        R::LineLimit { name, max } => format!("You can have at most {max} of {name} in your bag."),
        R::NotInBag => "That piece is no longer in your bag.".into(),
        R::SessionExpired => {
            "Your session has expired. Please refresh the page and try again.".into()
        }
        R::EmptyBag => "Your bag is empty.".into(),
        R::UnknownItem => {
            "One of the pieces in your bag no longer exists. Please remove it to continue.".into()
        }
        R::NoLongerAvailable { name } => {
            format!("{name} is no longer available. Please remove it from your bag to continue.")
        }
        R::LineQuantityRange { name, max } => {
            format!("Choose a quantity between 1 and {max} for {name}.")
        }
        R::MixedCurrency => {
            "Pieces priced in different currencies cannot be bought together.".into()
        }
        R::UnsupportedCountry { country } => format!("We do not deliver to {country} yet."),
        R::UnknownShippingMethod => {
            "That delivery option does not exist. Please choose another.".into()
        }
        R::ShippingMethodUnavailable { name, country } => format!(
            "{name} delivery is not available to {country}. Please choose another option."
        ),
        R::CheckoutUnavailable => {
            "Checkout is temporarily unavailable. Please try again later.".into()
        }
        R::JustSoldOut { name } => {
            format!("Sorry, {name} has just sold out. Remove it from your bag to continue.")
        }
        R::OnlyLeft { name, available } => {
            format!("Sorry, only {available} of {name} left. Lower the quantity to continue.")
        }
        R::OrderNotFound => "We could not find that order.".into(),
        R::OrderClosed { status } => {
            format!("This order was {status} and can no longer be paid.")
        }
        R::OrderMovedOn { state } => moved_on(*state).into(),
        R::TrackingMissing => "Enter the carrier and the tracking number.".into(),
        R::ReturnNotDelivered => "Returns open once your order has been delivered.".into(),
        R::ReturnWindowClosed { days } => {
            format!("Returns are accepted within {days} days of delivery, and that time has passed.")
        }
        R::ReturnFinalSale { name } => format!("{name} was a final sale and cannot be returned."),
        R::ReturnQuantity { name, max: 0 } => format!("{name} has already been returned in full."),
        R::ReturnQuantity { name, max } => format!("You can return at most {max} of {name}."),
        R::ReturnReasonMissing => "Choose why it is going back.".into(),
        R::ReturnConditionMissing => "Choose the state it is in.".into(),
        R::ReturnNothingChosen => "Choose at least one piece to return.".into(),
        R::NotificationNotFound => "We could not find that notification.".into(),
        R::SizeAdviceNotFound => "We could not find that size suggestion.".into(),
        R::LookNotFound => "We could not find that look.".into(),
        R::SizeNotOffered => "Choose one of the sizes this piece is made in.".into(),
        R::ReviewNotFound => "We could not find that review.".into(),
        R::ReviewNotPurchased => {
            "Reviews are written by clients who bought the piece; once your order is paid, you can share yours.".into()
        }
        R::ReviewExists => "You have reviewed this piece already; you can edit your review instead.".into(),
        R::RatingRange => "Choose a rating from one to five stars.".into(),
        R::ReviewTextMissing => "Tell other clients about the piece in a few words.".into(),
        R::FitUnknown => "Choose how the piece fits from the list.".into(),
        R::PhotoNotImage => "That file is not a photo: choose a JPEG, PNG or WebP picture.".into(),
        R::PhotoTooLarge { max_mb } => format!("That photo is too large: up to {max_mb} MB each."),
        R::PhotoDimensions { max_px } => {
            format!("That photo is too big: up to {max_px} pixels wide and high.")
        }
        R::TooManyPhotos { max } => format!("Add at most {max} photos."),
        R::OwnReviewVote => "You cannot vote on your own review.".into(),
        R::ReportReasonMissing => "Choose why you are reporting this review.".into(),
        R::PersonalisationOff => {
            "Personalisation is off in your settings, so we keep no style profile.".into()
        }
        R::StyleChoiceUnknown => "Choose from the options offered.".into(),
        R::BudgetInvalid => "Enter an amount in dollars, such as 500.".into(),
        R::BudgetOrder => {
            "Keep the lowest price below the highest, and your sweet spot between them.".into()
        }
        R::SizeUnknown => "Choose a size from the list.".into(),
        R::AnchorIncomplete => "Give both the designer and the size you wear in it.".into(),
        R::WishlistNotFound => "We could not find that list.".into(),
        R::TooManyWishlists { max } => format!("You can keep at most {max} lists."),
        R::WishlistFull { max } => format!("A list holds at most {max} pieces."),
        R::AdjustmentReasonMissing => "Say why the stock changes.".into(),
        R::CouponMissing => "Enter a promo code.".into(),
        R::Coupon(refusal) => coupon(refusal),
        R::CardDeclined { reason } => decline(*reason).into(),
        R::PaymentRefused => "The payment was refused. Please try another card.".into(),
        R::NoPaymentYet => "This order has no payment to confirm yet.".into(),
        R::CurrencyNotChargeable { currency } => {
            format!("We cannot take payments in {currency}.")
        }
        R::TestCardsOnly => "Test cards are only accepted in test mode.".into(),
        R::NotRefundable => "This order has no completed payment to refund.".into(),
        R::RefundTooLarge { refundable } => {
            format!("That is more than the {refundable} still refundable.")
        }
        R::UnknownUser => "There is no account with that email.".into(),
        R::UnknownRole { role } => format!("Unknown role `{role}`."),
        R::SuperAdminOnly => "Only a super admin can grant or remove admin roles.".into(),
        R::Unreachable => "We could not reach LuxeVerse. Please try again.".into(),
        R::CrossSite => {
            "This request came from another site, so LuxeVerse refused it. Open the store directly and try again."
                .into()
        }
        R::UnsupportedContent => {
            "LuxeVerse could not read this request. Please reload the page and try again.".into()
        }
        R::MalformedRequest => "That request was incomplete. Refresh the page and try again.".into(),
        R::RequestTooLarge => "This request is too large for LuxeVerse to accept.".into(),
        R::Busy => "LuxeVerse is very busy right now. Please try again in a moment.".into(),
        R::FilterInvalid { param } => {
            format!("We could not apply the “{param}” filter. Clear the filters and try again.")
        }
        R::TooManyValues { param, max } => format!("Choose at most {max} values for “{param}”."),
        R::TooManyPendingOrders { max } => format!(
            "You already have {max} orders awaiting payment. Pay for one, or wait a few minutes for them to lapse, before placing another."
        ),
    }
}

fn decline(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::Generic => "Your card was declined. Please use another card.",
        DeclineReason::InsufficientFunds => {
            "Your card was declined: insufficient funds. Please use another card."
        }
        DeclineReason::LostOrStolen => {
            "Your card was declined. Please contact your bank or use another card."
        }
        DeclineReason::Expired => "Your card was declined: it has expired.",
        DeclineReason::IncorrectCvc => "Your card was declined: the security code is incorrect.",
        DeclineReason::ProcessingError => {
            "Your card could not be processed. Please try again in a moment."
        }
        DeclineReason::TooManyAttempts => {
            "Your card was declined after too many attempts. Please use another card."
        }
    }
}

fn coupon(refusal: &CouponRefusal) -> String {
    use CouponRefusal as C;
    match refusal {
        C::NotFound { code } => {
            format!("We do not recognise the code {code}. Check the spelling and try again.")
        }
        C::NotYetValid { code, starts } => format!(
            "The code {code} can be used from {}.",
            super::long_date(starts, MONTHS)
        ),
        C::Expired { code, ended } => format!(
            "The code {code} expired on {}.",
            super::long_date(ended, MONTHS)
        ),
        C::UsageLimitReached { code } => format!("The code {code} has been fully redeemed."),
        C::SignInRequired { code } => format!("Sign in to use the code {code}."),
        C::MembershipRequired { code, tiers } => format!(
            "The code {code} is reserved for {} members.",
            super::list(tiers, "and")
        ),
        C::FirstPurchaseOnly { code } => format!("The code {code} is only for a first order."),
        C::PerUserLimitReached { code, limit } => {
            format!("You have already used the code {code} the maximum number of times ({limit}).")
        }
        C::NoEligibleItems { code } => {
            format!("The code {code} does not apply to any piece in your bag.")
        }
        C::MinimumNotMet {
            code,
            minimum,
            short_by,
            currency,
        } => format!(
            "The code {code} needs a subtotal of {minimum} {currency}; add {short_by} {currency} more to use it."
        ),
        C::Unsupported { code } => format!("The code {code} cannot be used right now."),
    }
}

fn email(error: EmailError) -> &'static str {
    match error {
        EmailError::Empty => "Enter your email address.",
        EmailError::TooLong => "That email address is too long (254 characters at most).",
        EmailError::Malformed => "Enter an email address like name@example.com.",
    }
}

fn password(error: PasswordError) -> &'static str {
    match error {
        PasswordError::Empty => "Choose a password.",
        PasswordError::TooShort => "Use at least 10 characters.",
        PasswordError::TooLong => "Use at most 128 characters.",
        PasswordError::TooCommon => {
            "That password is too easy to guess; try a short phrase instead."
        }
        PasswordError::ContainsEmail => "Your password must not contain your email address.",
    }
}

/// Why an order can no longer take the step asked for.
fn moved_on(state: OrderState) -> &'static str {
    use OrderState as S;
    match state {
        S::Shipped | S::Delivered => {
            "This order has already shipped, so it can no longer be cancelled. Once it arrives you can request a return."
        }
        S::Cancelled => "This order has already been cancelled.",
        S::Refunded | S::Returned => "This order has already been refunded.",
        _ => "This order has moved on in the meantime. Refresh the page to see where it stands.",
    }
}

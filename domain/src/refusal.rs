//! Why the store said no, as typed codes. Services return them inside their errors, server
//! functions send them to the page, and `app::i18n::errors` words each one in the
//! shopper's language with an exhaustive match: a new refusal without its English, French
//! and Italian text does not compile.

use serde::{Deserialize, Serialize};

use crate::email::EmailError;
use crate::password::PasswordError;

/// A reason the store refuses a request, with what the shopper needs to act on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    // Access.
    /// Signed out where an account is needed (401).
    SignInRequired,
    /// Signed in without the role (403).
    Forbidden,
    /// Something went wrong on our side; the details are in the server's log.
    Internal,
    /// Too many attempts: wait this long.
    RateLimited {
        seconds: u64,
    },

    // Accounts.
    Email(EmailError),
    Password(PasswordError),
    WrongCredentials,
    EmailTaken,
    NameMissing,
    /// A name with control characters.
    NameCharacters,
    LinkInvalid,
    LinkExpired,
    LinkUsed,
    UnverifiedProviderEmail,
    /// Social sign-in: the shopper cancelled at the provider.
    OAuthCancelled,
    /// Social sign-in: the link expired or came from another browser.
    OAuthStateInvalid,
    /// Social sign-in: an account with that email exists; sign in with the password first.
    OAuthLinkRequired,
    OAuthUnavailable,
    OAuthFailed,
    MailUnavailable,
    NoPasswordToChange,
    CurrentPasswordMissing,
    CurrentPasswordWrong,
    SamePassword,
    PhoneCharacters,
    PhoneLength,
    CurrencyUnknown,
    LanguageUnknown,
    TimezoneMissing,
    TimezoneUnknown,

    // Any text field.
    TooLong {
        max: u32,
    },
    /// Text with control characters.
    TextCharacters,

    // Addresses.
    AddressKindUnknown,
    FirstNameMissing,
    LastNameMissing,
    StreetMissing,
    CityMissing,
    PostcodeMissing,
    PostcodeCharacters,
    CountryMissing,
    CountryUnknown,
    TooManyAddresses {
        max: u32,
    },
    AddressNotFound,
    /// A saved address picked at checkout that is not in the shopper's book.
    AddressNotInBook,

    // The bag.
    PieceGone,
    PieceUnavailable {
        name: String,
    },
    SoldOut {
        name: String,
    },
    NotEnoughStock {
        name: String,
        available: i32,
        in_bag: i32,
    },
    QuantityRange {
        max: i32,
    },
    LineLimit {
        name: String,
        max: i32,
    },
    NotInBag,
    SessionExpired,

    // Checkout.
    EmptyBag,
    UnknownItem,
    NoLongerAvailable {
        name: String,
    },
    LineQuantityRange {
        name: String,
        max: i32,
    },
    MixedCurrency,
    UnsupportedCountry {
        country: String,
    },
    UnknownShippingMethod,
    ShippingMethodUnavailable {
        name: String,
        country: String,
    },
    CheckoutUnavailable,
    /// A line of the order sold out while the shopper checked out.
    JustSoldOut {
        name: String,
    },
    /// Fewer left than the line asks for.
    OnlyLeft {
        name: String,
        available: i32,
    },
    OrderNotFound,
    OrderClosed {
        status: String,
    },
    /// The order moved on (shipped, cancelled, ...) before this step (409).
    OrderMovedOn {
        state: crate::read::orders::OrderState,
    },
    /// Shipping without a carrier or tracking number.
    TrackingMissing,
    /// Returns open once the order has been delivered.
    ReturnNotDelivered,
    /// The return window (`days` from delivery) has closed.
    ReturnWindowClosed {
        days: i64,
    },
    /// A final-sale (or made-to-order) piece cannot be sent back.
    ReturnFinalSale {
        name: String,
    },
    /// More of a piece than is left to send back (`max` may be 0).
    ReturnQuantity {
        name: String,
        max: i32,
    },
    ReturnReasonMissing,
    ReturnConditionMissing,
    /// A return request without any piece in it.
    ReturnNothingChosen,
    NotificationNotFound,
    /// A size suggestion that is not the shopper's own, or no longer there.
    SizeAdviceNotFound,
    /// A size the piece is not made in.
    SizeNotOffered,
    /// A look that is not the shopper's own, or no longer there.
    LookNotFound,
    WishlistNotFound,
    TooManyWishlists {
        max: u32,
    },
    WishlistFull {
        max: u32,
    },
    // Reviews.
    ReviewNotFound,
    /// Reviews are written by clients who bought the piece (paid or delivered).
    ReviewNotPurchased,
    /// One review per piece: the shopper has written this one already.
    ReviewExists,
    /// A rating outside one to five stars.
    RatingRange,
    ReviewTextMissing,
    FitUnknown,
    /// A file that is not a JPEG, PNG or WebP picture.
    PhotoNotImage,
    /// A picture over `max_mb` megabytes.
    PhotoTooLarge {
        max_mb: u32,
    },
    /// A picture wider or taller than `max_px` pixels.
    PhotoDimensions {
        max_px: u32,
    },
    TooManyPhotos {
        max: u32,
    },
    /// Voting on one's own review.
    OwnReviewVote,
    ReportReasonMissing,
    // Personalisation.
    /// The shopper turned personalisation off (`ai_consent`).
    PersonalisationOff,
    /// A quiz answer the quiz did not offer (an unknown designer, colour or piece).
    StyleChoiceUnknown,
    /// A budget that is not an amount in dollars.
    BudgetInvalid,
    /// A budget whose lowest price is above its highest, or a sweet spot outside it.
    BudgetOrder,
    /// A usual size that its sizing system does not have.
    SizeUnknown,
    /// "I wear … in …" with only the designer or only the size.
    AnchorIncomplete,
    /// A stock adjustment without its reason.
    AdjustmentReasonMissing,
    CouponMissing,
    Coupon(CouponRefusal),

    // Payments.
    /// The bank said no; the reason picks the advice.
    CardDeclined {
        reason: DeclineReason,
    },
    /// The payment service refused the payment for another reason.
    PaymentRefused,
    /// Confirming before the payment was started.
    NoPaymentYet,
    /// A currency the payment service cannot charge.
    CurrencyNotChargeable {
        currency: String,
    },
    /// Stripe's test cards outside test mode.
    TestCardsOnly,
    /// A refund for an order without a completed payment.
    NotRefundable,
    /// More than is left to refund; `refundable` is a plain decimal.
    RefundTooLarge {
        refundable: String,
    },

    // Administration.
    UnknownUser,
    UnknownRole {
        role: String,
    },
    SuperAdminOnly,

    /// The browser could not reach the store, or could not read its answer.
    Unreachable,

    // Requests refused before any feature runs.
    /// A state-changing request sent by a page on another site (403).
    CrossSite,
    /// A body in an encoding the endpoint is not written for (415).
    UnsupportedContent,
    /// A body over the size limit (413).
    RequestTooLarge,
    /// A request whose fields are missing or malformed (400).
    MalformedRequest,
    /// The server is at its limit (too many requests at once, or one took too long; 503).
    Busy,

    // Listings.
    /// A listing filter that cannot be applied (400).
    FilterInvalid {
        param: String,
    },
    /// More values for one filter than a listing takes (400).
    TooManyValues {
        param: String,
        max: u32,
    },

    /// Too many orders awaiting payment for one shopper (429).
    TooManyPendingOrders {
        max: u32,
    },
}

/// Why a card was declined, from Stripe's `decline_code`: what the shopper can do next
/// differs (another card, call the bank, check the digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeclineReason {
    Generic,
    InsufficientFunds,
    LostOrStolen,
    Expired,
    IncorrectCvc,
    ProcessingError,
    TooManyAttempts,
}

impl DeclineReason {
    /// Stripe's `decline_code` (or the error `code`); unknown codes are generic.
    pub fn from_code(code: Option<&str>) -> Self {
        match code.unwrap_or_default() {
            "insufficient_funds" => Self::InsufficientFunds,
            "lost_card" | "stolen_card" | "pickup_card" => Self::LostOrStolen,
            "expired_card" => Self::Expired,
            "incorrect_cvc" | "invalid_cvc" => Self::IncorrectCvc,
            "processing_error" => Self::ProcessingError,
            "card_velocity_exceeded" | "withdrawal_count_limit_exceeded" => Self::TooManyAttempts,
            _ => Self::Generic,
        }
    }
}

/// Why a promo code does not apply. Dates are ISO (`2027-01-31`), amounts plain decimals
/// (`"250.00"`) in `currency`: the UI formats both for the shopper's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CouponRefusal {
    NotFound {
        code: String,
    },
    NotYetValid {
        code: String,
        starts: String,
    },
    Expired {
        code: String,
        ended: String,
    },
    UsageLimitReached {
        code: String,
    },
    SignInRequired {
        code: String,
    },
    MembershipRequired {
        code: String,
        tiers: Vec<String>,
    },
    FirstPurchaseOnly {
        code: String,
    },
    PerUserLimitReached {
        code: String,
        limit: i32,
    },
    NoEligibleItems {
        code: String,
    },
    MinimumNotMet {
        code: String,
        minimum: String,
        short_by: String,
        currency: String,
    },
    Unsupported {
        code: String,
    },
}

impl From<EmailError> for Refusal {
    fn from(error: EmailError) -> Self {
        Refusal::Email(error)
    }
}

impl From<PasswordError> for Refusal {
    fn from(error: PasswordError) -> Self {
        Refusal::Password(error)
    }
}

impl From<CouponRefusal> for Refusal {
    fn from(refusal: CouponRefusal) -> Self {
        Refusal::Coupon(refusal)
    }
}

/// A refusal for one form field (by its name, as the form posts it) or the whole form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Option<String>,
    pub refusal: Refusal,
    /// The refusal worded in the request's language, for clients that do not render
    /// codes themselves (plain forms, API callers, logs).
    pub message: String,
}

/// Every refusal of one form submission.
pub type FieldErrors = Vec<FieldError>;

/// The message of the first refusal for `field`, or for the whole form when `field` is
/// `None`.
pub fn message_for(errors: &[FieldError], field: Option<&str>) -> Option<String> {
    errors
        .iter()
        .find(|error| error.field.as_deref() == field)
        .map(|error| error.message.clone())
}

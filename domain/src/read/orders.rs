//! A shopper's orders as the account pages show them: the list, one order with its
//! timeline, and what "buy again" managed. Dates arrive already worded in the shopper's
//! language and time zone (the server knows both); `*_iso` keeps the instant for
//! `<time datetime>`.

use serde::{Deserialize, Serialize};

use crate::read::checkout::TotalsDto;
use crate::{Money, Refusal};

/// Where an order stands, in the shopper's terms (one per `OrderStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderState {
    AwaitingPayment,
    PaymentProcessing,
    PaymentFailed,
    Confirmed,
    Processing,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
    Returned,
}

/// Where the order's payment stands (one per `PaymentStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentState {
    Pending,
    Processing,
    Paid,
    Failed,
    Refunded,
    PartiallyRefunded,
}

/// The order list's filter: groups of states a shopper thinks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderFilter {
    /// Placed and not yet shipped (awaiting payment, confirmed, being prepared).
    Open,
    Shipped,
    Delivered,
    Cancelled,
    /// Refunded or returned.
    Returned,
}

impl OrderFilter {
    pub const ALL: [OrderFilter; 5] = [
        OrderFilter::Open,
        OrderFilter::Shipped,
        OrderFilter::Delivered,
        OrderFilter::Cancelled,
        OrderFilter::Returned,
    ];

    /// The filter's code in URLs (`?status=open`).
    pub fn code(self) -> &'static str {
        match self {
            OrderFilter::Open => "open",
            OrderFilter::Shipped => "shipped",
            OrderFilter::Delivered => "delivered",
            OrderFilter::Cancelled => "cancelled",
            OrderFilter::Returned => "returned",
        }
    }

    /// The filter named `code` (case-insensitive); `None` for anything else.
    pub fn parse(code: &str) -> Option<OrderFilter> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|filter| filter.code().eq_ignore_ascii_case(code))
    }

    /// Whether an order in `state` is listed under this filter.
    pub fn includes(self, state: OrderState) -> bool {
        use OrderState as S;
        match self {
            OrderFilter::Open => matches!(
                state,
                S::AwaitingPayment
                    | S::PaymentProcessing
                    | S::PaymentFailed
                    | S::Confirmed
                    | S::Processing
            ),
            OrderFilter::Shipped => state == S::Shipped,
            OrderFilter::Delivered => state == S::Delivered,
            OrderFilter::Cancelled => state == S::Cancelled,
            OrderFilter::Returned => matches!(state, S::Refunded | S::Returned),
        }
    }
}

/// One order in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderCardDto {
    pub order_number: String,
    pub placed_on: String,
    pub placed_iso: String,
    pub state: OrderState,
    pub item_count: i32,
    pub total: Money,
    /// The first pieces' names and pictures (at most three).
    pub pieces: Vec<OrderPieceDto>,
}

/// A piece's name and picture, for thumbnails.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPieceDto {
    pub name: String,
    pub image: Option<String>,
}

/// A page of the shopper's orders, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPageDto {
    pub orders: Vec<OrderCardDto>,
    /// Pass back as `after` for the next page; `None` on the last one.
    pub next: Option<String>,
    /// How many orders the shopper has in all (any filter), for the empty state.
    pub any_orders: bool,
}

/// One line of an order, at the price paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineDto {
    pub product_name: String,
    /// Where the piece can be seen again, while it is still in the catalogue.
    pub product_slug: Option<String>,
    pub variant_title: Option<String>,
    pub sku: String,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub quantity: i32,
    pub unit_price: Money,
    pub line_total: Money,
    pub returned_quantity: i32,
    pub refunded_quantity: i32,
    /// The order line's id, naming the line in a return request.
    pub item_id: String,
    /// How many may still be sent back now (zero outside the return window).
    pub returnable: i32,
    /// Already asked to send back, waiting for the atelier to receive them.
    pub return_requested: i32,
    /// Final sale (or made to order): never returnable.
    pub final_sale: bool,
    /// The expected refund for sending back 1, 2, … `returnable` units.
    pub return_refunds: Vec<Money>,
}

/// What happened, in order, on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEvent {
    /// The order moved to this state (from `order_status_history`).
    State(OrderState),
    /// The card was charged.
    Paid(Money),
    /// A charge attempt failed.
    PaymentFailed,
    /// Money went back to the card.
    Refunded(Money),
    /// The shopper asked to send pieces back; the expected refund.
    ReturnRequested { pieces: i32, refund: Money },
}

/// One step of the order's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntryDto {
    pub event: TimelineEvent,
    pub at: String,
    pub at_iso: String,
    /// The carrier and tracking number, on the shipped step.
    pub detail: Option<String>,
}

/// One order in full, for its page and its printed receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetailDto {
    pub order_number: String,
    pub placed_on: String,
    pub placed_iso: String,
    pub email: String,
    pub state: OrderState,
    pub payment: PaymentState,
    pub lines: Vec<OrderLineDto>,
    pub totals: TotalsDto,
    /// Refunded so far (zero when nothing was).
    pub refunded: Money,
    pub address: Vec<String>,
    pub shipping_method: Option<String>,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub estimated_delivery: Option<String>,
    pub delivered_on: Option<String>,
    /// Oldest first.
    pub timeline: Vec<TimelineEntryDto>,
    /// The shopper may still cancel it (it has not shipped).
    pub cancellable: bool,
    pub returns: ReturnWindow,
}

impl OrderDetailDto {
    /// Paid and not cancelled or refunded: its pieces can be reviewed (the server checks
    /// the same when the review is sent, `services::reviews::purchased_line`).
    pub fn reviewable(&self) -> bool {
        matches!(
            self.state,
            OrderState::Confirmed
                | OrderState::Processing
                | OrderState::Shipped
                | OrderState::Delivered
        ) && matches!(
            self.payment,
            PaymentState::Paid | PaymentState::PartiallyRefunded
        )
    }
}

/// Whether pieces of a delivered order can be sent back, counted from delivery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnWindow {
    /// Not delivered yet (or cancelled): nothing to return.
    NotDelivered,
    /// Open until this day (worded), `days` after delivery.
    Open { until: String, days: i64 },
    /// Closed on this day.
    Closed { on: String, days: i64 },
}

/// Why a piece goes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReturnReason {
    TooSmall,
    TooLarge,
    NotAsPictured,
    Faulty,
    ArrivedLate,
    ChangedMind,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 6] = [
        ReturnReason::TooSmall,
        ReturnReason::TooLarge,
        ReturnReason::NotAsPictured,
        ReturnReason::Faulty,
        ReturnReason::ArrivedLate,
        ReturnReason::ChangedMind,
    ];

    /// The reason's code in forms and in the stored request.
    pub fn code(self) -> &'static str {
        match self {
            ReturnReason::TooSmall => "too_small",
            ReturnReason::TooLarge => "too_large",
            ReturnReason::NotAsPictured => "not_as_pictured",
            ReturnReason::Faulty => "faulty",
            ReturnReason::ArrivedLate => "arrived_late",
            ReturnReason::ChangedMind => "changed_mind",
        }
    }

    pub fn parse(code: &str) -> Option<ReturnReason> {
        Self::ALL
            .into_iter()
            .find(|reason| reason.code() == code.trim())
    }
}

/// The state a piece goes back in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReturnCondition {
    /// Unworn, with its tags and packaging.
    Unworn,
    /// Tried on only.
    TriedOn,
    /// Arrived damaged or developed a fault.
    Damaged,
}

impl ReturnCondition {
    pub const ALL: [ReturnCondition; 3] = [
        ReturnCondition::Unworn,
        ReturnCondition::TriedOn,
        ReturnCondition::Damaged,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReturnCondition::Unworn => "unworn",
            ReturnCondition::TriedOn => "tried_on",
            ReturnCondition::Damaged => "damaged",
        }
    }

    pub fn parse(code: &str) -> Option<ReturnCondition> {
        Self::ALL
            .into_iter()
            .find(|condition| condition.code() == code.trim())
    }
}

/// One line of a return form as posted: `quantity` 0 leaves the piece out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLineForm {
    pub item: String,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub condition: String,
}

/// What "buy again" put in the bag, and what it could not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyAgainDto {
    pub added: Vec<String>,
    /// Each piece left out, with why.
    pub skipped: Vec<(String, Refusal)>,
}

/// What cancelling came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelledDto {
    pub order_number: String,
    /// What goes back to the card (zero for an order never paid).
    pub refunded: Money,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_their_codes_and_group_states() {
        for filter in OrderFilter::ALL {
            assert_eq!(OrderFilter::parse(filter.code()), Some(filter));
        }
        assert_eq!(OrderFilter::parse(" SHIPPED "), Some(OrderFilter::Shipped));
        assert_eq!(OrderFilter::parse("lost"), None);
        assert!(OrderFilter::Open.includes(OrderState::Processing));
        assert!(!OrderFilter::Open.includes(OrderState::Shipped));
        assert!(OrderFilter::Returned.includes(OrderState::Refunded));
        assert!(!OrderFilter::Cancelled.includes(OrderState::Refunded));
    }

    #[test]
    fn return_reasons_and_conditions_round_trip_their_codes() {
        for reason in ReturnReason::ALL {
            assert_eq!(ReturnReason::parse(reason.code()), Some(reason));
        }
        for condition in ReturnCondition::ALL {
            assert_eq!(ReturnCondition::parse(condition.code()), Some(condition));
        }
        assert_eq!(ReturnReason::parse("bored"), None);
        assert_eq!(ReturnCondition::parse(""), None);
    }
}

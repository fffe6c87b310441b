//! English.

use domain::read::orders::{
    OrderFilter, OrderState, PaymentState, ReturnCondition, ReturnReason, TimelineEvent,
};

use super::OrdersText;

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
            TimelineEvent::ReturnRequested { pieces, .. } => match pieces {
                1 => format!("Return requested for 1 piece · expected refund {amount}"),
                n => format!("Return requested for {n} pieces · expected refund {amount}"),
            },
        }
    },
    returns_heading: "Return pieces",
    returns_open: |until, days| {
        format!("Pieces can be sent back until {until} ({days} days from delivery).")
    },
    returns_closed: |on, days| format!("The {days}-day return window closed on {on}."),
    returns_intro: "Choose what goes back, why and in what state. Our client team receives the request and refunds you once the pieces arrive.",
    return_quantity: "Quantity to return",
    return_reason: "Reason",
    return_condition: "Condition",
    choose: "Choose…",
    reasons: |reason| match reason {
        ReturnReason::TooSmall => "Too small",
        ReturnReason::TooLarge => "Too large",
        ReturnReason::NotAsPictured => "Not as pictured",
        ReturnReason::Faulty => "Faulty or damaged",
        ReturnReason::ArrivedLate => "Arrived too late",
        ReturnReason::ChangedMind => "Changed my mind",
    },
    conditions: |condition| match condition {
        ReturnCondition::Unworn => "Unworn, with tags",
        ReturnCondition::TriedOn => "Tried on only",
        ReturnCondition::Damaged => "Damaged",
    },
    final_sale: "Final sale: not returnable",
    review_piece: |name| format!("Review {name}"),
    return_requested_units: |n| format!("Return requested for {n}"),
    expected_refund: "Expected refund",
    expected_refund_hint: "Your share of what was paid for the pieces, tax included; delivery is not refunded.",
    request_return: "Request the return",
    requesting_return: "Sending your request…",
    return_requested: "Your return request is in. We will refund you once the pieces arrive.",
};

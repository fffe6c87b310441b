//! English.

use domain::read::reviews::{FitFeedback, ReportReason, ReviewSort, ReviewState};

use super::{ReviewFormText, ReviewsText};

pub const EN: ReviewsText = ReviewsText {
    histogram: "Ratings",
    histogram_row: |stars, count| match (stars, count) {
        (1, 1) => "1 star: 1 review".into(),
        (1, n) => format!("1 star: {n} reviews"),
        (s, 1) => format!("{s} stars: 1 review"),
        (s, n) => format!("{s} stars: {n} reviews"),
    },
    sort_label: "Sort reviews",
    every_rating: "All ratings",
    stars_only: |stars| match stars {
        1 => "1 star".into(),
        n => format!("{n} stars"),
    },
    none_with_rating: "No reviews with this rating yet.",
    write_review: "Write a review",
    fit_label: "Fit",
    photos_of: |author| format!("Photos by {author}"),
    was_helpful: "Was this helpful?",
    helpful_yes: |count| format!("Yes ({count})"),
    helpful_no: |count| format!("No ({count})"),
    vote_saved: "Thank you for your vote.",
    vote_failed: "Your vote was not saved.",
    report: "Report",
    report_reason: "Why are you reporting this review?",
    choose_reason: "Choose a reason",
    send_report: "Send report",
    report_sent: "Thank you. Our team will look at this review.",
    loading_reviews: "Loading reviews…",

    sort: |sort| match sort {
        ReviewSort::Helpful => "Most helpful",
        ReviewSort::Newest => "Newest",
        ReviewSort::Highest => "Highest rated",
        ReviewSort::Lowest => "Lowest rated",
    },
    fit: |fit| match fit {
        FitFeedback::RunsSmall => "Runs small",
        FitFeedback::TrueToSize => "True to size",
        FitFeedback::RunsLarge => "Runs large",
    },
    report_reasons: |reason| match reason {
        ReportReason::Abusive => "Abusive or hateful",
        ReportReason::PersonalData => "Shares personal data",
        ReportReason::Unrelated => "Not about this piece",
        ReportReason::Fake => "Fake or paid for",
        ReportReason::Spam => "Advertising or spam",
    },
};

pub const EN_FORM: ReviewFormText = ReviewFormText {
    page_title: |name| format!("Review {name}"),
    intro: "Tell other clients how the piece feels, fits and wears. Our team reads every review before it is published.",
    not_bought: "Reviews come from clients who bought the piece. Once your order is paid, you can share yours here.",
    back_to_piece: "Back to the piece",
    your_rating: "Your rating",
    rating_option: |stars| match stars {
        1 => "1 star".into(),
        n => format!("{n} stars"),
    },
    title_label: "Title (optional)",
    title_hint: "Up to 150 characters.",
    content_label: "Your review",
    content_hint: "Up to 5,000 characters.",
    fit_question: "How does it fit?",
    fit_skip: "I would rather not say",
    photos_label: "Photos (optional)",
    photos_hint: "Up to 3 JPEG, PNG or WebP pictures, 10 MB and 8,000 pixels each at most. Location data is removed.",
    current_photos: "Your photos",
    keep_photo: |index| format!("Keep photo {index}"),
    submit_new: "Send review",
    submit_edit: "Save changes",
    sending: "Sending…",
    thanks: "Thank you. Your review is awaiting moderation and will appear once our team has read it.",
    your_review: "Your review",
    edit_review: "Edit your review",
    delete_review: "Delete review",
    delete_confirm: "Delete your review of this piece? This cannot be undone.",
    delete_yes: "Yes, delete it",
    deleted: "Your review has been deleted.",
    not_found: "We could not find this piece.",
    state: |state| match state {
        ReviewState::Pending => "Awaiting moderation",
        ReviewState::Published => "Published",
        ReviewState::Rejected => "Not published",
    },
};

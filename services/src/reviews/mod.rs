//! Reviews written by clients: one per piece, by someone who bought it; photos; fit
//! feedback; helpful votes; reports to the moderators.
//!
//! - Who may write: a shopper with a line of the piece in a paid order that was not
//!   cancelled or refunded (confirmed, being prepared, shipped or delivered). The server
//!   picks that line (a delivered one first) and sets `order_item_id` and
//!   `is_verified_purchase` from it; nothing the client sends decides either.
//! - New and edited reviews are `PENDING` until a moderator approves them. The product
//!   page shows `APPROVED` reviews and `FLAGGED` ones (approved, then reported: a report
//!   asks the moderators to look again; it does not let one shopper hide a review).
//! - Fit feedback has no column in `reviews`: it is an `audit_logs` row
//!   (`review.fit`, entity `review`/<id>, `{"fit", "product_id"}`), the latest per review
//!   counting, which the size advisor can read by product through the reviews.
//! - Reports are `audit_logs` rows too (`review.reported`, one per shopper and review).
//!
//! Parts: `write` (create, edit, delete), `votes` (helpful votes and reports), `photos`
//! (checking uploads).

mod photos;
mod votes;
mod write;

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, Statement};

use domain::Refusal;
use domain::read::reviews::{FitFeedback, ReviewState};
use entities::reviews;
use entities::sea_orm_active_enums::ReviewStatus;

pub use photos::{
    MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS, Photo, PhotoUpload, inspect, samples,
};
pub use votes::{REVIEW_REPORTED, report, vote};
pub use write::{ReviewDraft, create, delete, edit};

/// The `audit_logs.action` of a review's fit feedback.
pub const REVIEW_FIT: &str = "review.fit";
/// The folder of the media store that holds review photos.
pub const PHOTO_AREA: &str = "reviews";
pub const TITLE_MAX: usize = 150;
pub const CONTENT_MAX: usize = 5000;
/// Statuses the product page shows, as SQL.
pub const SHOWN_SQL: &str = "('APPROVED', 'FLAGGED')";

/// The review form's fields, as the form names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewField {
    Rating,
    Title,
    Content,
    Fit,
    Photos,
}

impl ReviewField {
    pub fn name(self) -> &'static str {
        match self {
            ReviewField::Rating => "rating",
            ReviewField::Title => "title",
            ReviewField::Content => "content",
            ReviewField::Fit => "fit",
            ReviewField::Photos => "photos",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("We could not find that review.")]
    NotFound,
    #[error("Reviews are written by clients who bought the piece.")]
    NotPurchased,
    #[error("This piece has a review by this shopper already.")]
    Exists,
    #[error("The review form has mistakes.")]
    Invalid(Vec<(ReviewField, Refusal)>),
    #[error("Shoppers cannot vote on their own review.")]
    OwnReview,
    #[error("The photos could not be stored: {0}")]
    Storage(#[from] std::io::Error),
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl ReviewError {
    pub fn refusal(&self) -> Refusal {
        match self {
            ReviewError::NotFound => Refusal::ReviewNotFound,
            ReviewError::NotPurchased => Refusal::ReviewNotPurchased,
            ReviewError::Exists => Refusal::ReviewExists,
            ReviewError::Invalid(issues) => issues
                .first()
                .map(|(_, refusal)| refusal.clone())
                .unwrap_or(Refusal::MalformedRequest),
            ReviewError::OwnReview => Refusal::OwnReviewVote,
            ReviewError::Storage(_) | ReviewError::Internal(_) => Refusal::Internal,
        }
    }
}

/// The order line a review of `product_id` by `user_id` rests on: the shopper's latest
/// line of the piece in a paid order that is not cancelled or refunded, delivered first.
pub async fn purchased_line(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    product_id: Uuid,
) -> Result<Option<Uuid>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT oi.id FROM order_items oi JOIN orders o ON o.id = oi.order_id
             WHERE o.user_id = $1 AND oi.product_id = $2
               AND o.status IN ('CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED')
               AND o.payment_status IN ('COMPLETED', 'PARTIALLY_REFUNDED')
               AND oi.refunded_quantity < oi.quantity
             ORDER BY (o.status = 'DELIVERED') DESC, o.created_at DESC, oi.id
             LIMIT 1",
            [user_id.into(), product_id.into()],
        ))
        .await?;
    row.map(|row| row.try_get::<Uuid>("", "id")).transpose()
}

/// The shopper's own review of a piece, with its latest fit feedback.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnReview {
    pub review: reviews::Model,
    pub fit: Option<FitFeedback>,
}

impl OwnReview {
    pub fn state(&self) -> ReviewState {
        match self.review.status {
            ReviewStatus::Pending => ReviewState::Pending,
            ReviewStatus::Approved | ReviewStatus::Flagged => ReviewState::Published,
            ReviewStatus::Rejected => ReviewState::Rejected,
        }
    }
}

pub async fn own_review(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    product_id: Uuid,
) -> Result<Option<OwnReview>, DbErr> {
    let Some(review) = reviews::Entity::find()
        .filter(reviews::Column::UserId.eq(user_id))
        .filter(reviews::Column::ProductId.eq(product_id))
        .order_by_desc(reviews::Column::CreatedAt)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let fit = fit_of(db, review.id).await?;
    Ok(Some(OwnReview { review, fit }))
}

/// The latest fit feedback given with a review.
pub async fn fit_of(
    db: &impl ConnectionTrait,
    review_id: Uuid,
) -> Result<Option<FitFeedback>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT new_values->>'fit' AS fit FROM audit_logs
             WHERE entity_type = 'review' AND entity_id = $1 AND action = $2
             ORDER BY created_at DESC, id DESC LIMIT 1",
            [review_id.into(), REVIEW_FIT.into()],
        ))
        .await?;
    Ok(row
        .and_then(|row| row.try_get::<Option<String>>("", "fit").ok().flatten())
        .and_then(|code| FitFeedback::parse(&code)))
}

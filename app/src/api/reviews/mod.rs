//! Reviews as server functions: a product's reviews in the order and of the rating asked;
//! the review page (may the shopper review the piece, and their review); writing or
//! editing one with photos (a multipart form); deleting it; helpful votes and reports.
//! Each calls one service in `services::reviews` (the list, `catalog::product`);
//! someone else's review answers 404, and what decides a verified purchase is never read
//! from the request.

#[cfg(feature = "ssr")]
mod upload;

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use domain::FieldError;
pub use domain::read::reviews::*;

/// Where the review form posts: a larger body limit applies there (photos).
pub const WRITE_PATH: &str = "/api/reviews/write";
/// Reviews per page of the product page's list.
pub const REVIEWS_PAGE: u64 = 10;

/// What became of a review form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewOutcome {
    Saved(MyReviewDto),
    Refused(Vec<FieldError>),
}

impl ReviewOutcome {
    pub fn error_for(&self, field: &str) -> Option<String> {
        match self {
            ReviewOutcome::Refused(errors) => domain::refusal::message_for(errors, Some(field)),
            ReviewOutcome::Saved(_) => None,
        }
    }

    pub fn form_error(&self) -> Option<String> {
        match self {
            ReviewOutcome::Refused(errors) => domain::refusal::message_for(errors, None),
            ReviewOutcome::Saved(_) => None,
        }
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use domain::Refusal;
    use domain::read::reviews::{MyReviewDto, ReviewDto};
    use services::catalog::product::ReviewView;
    use services::reviews::OwnReview;

    use crate::api::ApiError;

    /// Unknown ids and other people's reviews look the same: 404.
    pub fn review_id(text: &str) -> Result<uuid::Uuid, ApiError> {
        uuid::Uuid::parse_str(text.trim()).map_err(|_| ApiError::new(Refusal::ReviewNotFound))
    }

    pub fn review(view: ReviewView) -> ReviewDto {
        ReviewDto {
            id: view.id.to_string(),
            author: view.author,
            rating: view.rating,
            title: view.title,
            content: view.content,
            is_verified_purchase: view.is_verified_purchase,
            helpful_count: view.helpful_count,
            not_helpful_count: view.not_helpful_count,
            photos: view.photos,
            fit: view.fit,
            date: view.created_at.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn mine(own: OwnReview) -> MyReviewDto {
        let state = own.state();
        let review = own.review;
        MyReviewDto {
            id: review.id.to_string(),
            rating: review.rating,
            title: review.title.unwrap_or_default(),
            content: review.content.unwrap_or_default(),
            fit: own.fit,
            photos: review.media_urls,
            state,
        }
    }
}

/// A page of a product's published reviews: `sort` and `rating` as the page's query
/// string has them (unknown values give the default list).
#[server(endpoint = "reviews/list")]
pub async fn product_reviews(
    product_id: String,
    sort: String,
    rating: String,
    offset: u64,
) -> Result<Vec<ReviewDto>, ApiError> {
    use services::catalog::product;

    let Ok(product_id) = uuid::Uuid::parse_str(product_id.trim()) else {
        return Ok(Vec::new());
    };
    let query = ReviewQuery::from_params(Some(&sort), Some(&rating));
    let ctx = crate::api::context::Ctx::load().await?;
    let reviews =
        product::approved_reviews(&ctx.services.db, product_id, query, REVIEWS_PAGE, offset)
            .await?;
    Ok(reviews.into_iter().map(server::review).collect())
}

/// The review page of the piece at `slug`: `None` when there is no such piece.
#[server(endpoint = "reviews/page")]
pub async fn review_page(slug: String) -> Result<Option<ReviewPageDto>, ApiError> {
    use services::catalog::product;

    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let db = &ctx.services.db;
    let Some(detail) = product::product_detail(db, &slug, Some(ctx.locale.code())).await? else {
        return Ok(None);
    };
    let may_review = services::reviews::purchased_line(db, user.id, detail.id)
        .await?
        .is_some();
    let mine = services::reviews::own_review(db, user.id, detail.id).await?;
    Ok(Some(ReviewPageDto {
        product_id: detail.id.to_string(),
        slug: detail.slug,
        name: detail.name,
        brand: detail.brand.map(|brand| brand.name),
        image: detail.gallery.into_iter().next().map(|media| media.url),
        may_review,
        mine: mine.map(server::mine),
    }))
}

/// Writes the shopper's review of a piece, or edits it (`review_id` set): a multipart
/// form with `product_id`, `review_id`, `rating`, `title`, `content`, `fit`,
/// `keep_photo` (repeated: stored photos to keep) and `photos` (files).
#[server(endpoint = "reviews/write", input = MultipartFormData)]
pub async fn write_review(data: MultipartData) -> Result<ReviewOutcome, ApiError> {
    use services::reviews::{self, ReviewError};

    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let form = upload::read_form(data).await?;
    let services = &ctx.services;
    let saved = match form.review_id {
        Some(id) => {
            let id = server::review_id(&id)?;
            reviews::edit(&services.db, &services.media, user.id, id, &form.draft).await
        }
        None => {
            let product = uuid::Uuid::parse_str(form.product_id.trim())
                .map_err(|_| ApiError::new(domain::Refusal::PieceGone))?;
            reviews::create(&services.db, &services.media, user.id, product, &form.draft).await
        }
    };
    match saved {
        Ok(review) => {
            let own = reviews::own_review(&services.db, user.id, review.product_id)
                .await?
                .ok_or_else(|| ApiError::new(domain::Refusal::ReviewNotFound))?;
            Ok(ReviewOutcome::Saved(server::mine(own)))
        }
        Err(ReviewError::Invalid(issues)) => Ok(ReviewOutcome::Refused(
            issues
                .into_iter()
                .map(|(field, refusal)| crate::api::error::field_error(Some(field.name()), refusal))
                .collect(),
        )),
        Err(error) => Err(error.into()),
    }
}

/// Deletes the shopper's review.
#[server(endpoint = "reviews/delete")]
pub async fn delete_review(review_id: String) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = server::review_id(&review_id)?;
    Ok(services::reviews::delete(&ctx.services.db, user.id, id).await?)
}

/// "Was this helpful?": the shopper's vote, and the counts as stored.
#[server(endpoint = "reviews/vote")]
pub async fn vote_review(review_id: String, helpful: bool) -> Result<VoteCounts, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = server::review_id(&review_id)?;
    Ok(services::reviews::vote(&ctx.services.db, user.id, id, helpful).await?)
}

/// Reports a review to the moderators, with a reason (`ReportReason` code).
#[server(endpoint = "reviews/report")]
pub async fn report_review(review_id: String, reason: String) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let id = server::review_id(&review_id)?;
    let reason = ReportReason::parse(&reason)
        .ok_or_else(|| ApiError::new(domain::Refusal::ReportReasonMissing))?;
    Ok(services::reviews::report(&ctx.services.db, user.id, id, reason).await?)
}

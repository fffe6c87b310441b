//! Writing, editing and deleting one's own review.

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    QueryFilter, QuerySelect, SqlErr, TransactionTrait,
};
use serde_json::json;

use super::photos::{MAX_PHOTOS, Photo, PhotoUpload, inspect};
use super::{
    CONTENT_MAX, PHOTO_AREA, REVIEW_FIT, ReviewError, ReviewField, TITLE_MAX, fit_of,
    purchased_line,
};
use crate::media::MediaStore;
use crate::text;
use domain::Refusal;
use domain::read::reviews::FitFeedback;
use entities::sea_orm_active_enums::ReviewStatus;
use entities::{audit_logs, reviews};

/// The review form as it was sent: text as typed, photos as uploaded.
#[derive(Clone, Debug, Default)]
pub struct ReviewDraft {
    pub rating: String,
    pub title: String,
    pub content: String,
    /// A `FitFeedback` code, or empty for none.
    pub fit: String,
    /// When editing: the stored photos (their URLs) to keep. Others are dropped.
    pub keep_photos: Vec<String>,
    pub photos: Vec<PhotoUpload>,
}

/// A draft that passed every check.
struct Checked {
    rating: i32,
    title: Option<String>,
    content: String,
    fit: Option<FitFeedback>,
    photos: Vec<Photo>,
}

/// Every field's refusal at once, so the form can show them all.
fn check(draft: &ReviewDraft, photos_kept: usize) -> Result<Checked, ReviewError> {
    let mut issues = Vec::new();
    let rating = draft
        .rating
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|rating| (1..=5).contains(rating));
    if rating.is_none() {
        issues.push((ReviewField::Rating, Refusal::RatingRange));
    }
    let title = text::line(&draft.title, TITLE_MAX)
        .map_err(|refusal| issues.push((ReviewField::Title, refusal)))
        .ok()
        .flatten();
    let content = match text::paragraphs(&draft.content, CONTENT_MAX) {
        Ok(Some(content)) => Some(content),
        Ok(None) => {
            issues.push((ReviewField::Content, Refusal::ReviewTextMissing));
            None
        }
        Err(refusal) => {
            issues.push((ReviewField::Content, refusal));
            None
        }
    };
    let fit = match draft.fit.trim() {
        "" => None,
        code => {
            let fit = FitFeedback::parse(code);
            if fit.is_none() {
                issues.push((ReviewField::Fit, Refusal::FitUnknown));
            }
            fit
        }
    };
    let mut photos = Vec::new();
    if photos_kept + draft.photos.len() > MAX_PHOTOS {
        issues.push((
            ReviewField::Photos,
            Refusal::TooManyPhotos {
                max: MAX_PHOTOS as u32,
            },
        ));
    } else {
        match draft
            .photos
            .iter()
            .map(inspect)
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(checked) => photos = checked,
            Err(refusal) => issues.push((ReviewField::Photos, refusal)),
        }
    }
    match (rating, content) {
        (Some(rating), Some(content)) if issues.is_empty() => Ok(Checked {
            rating,
            title,
            content,
            fit,
            photos,
        }),
        _ => Err(ReviewError::Invalid(issues)),
    }
}

async fn store(media: &MediaStore, photos: &[Photo]) -> Result<Vec<String>, ReviewError> {
    let mut urls = Vec::with_capacity(photos.len());
    for photo in photos {
        urls.push(
            media
                .save(PHOTO_AREA, &photo.bytes, photo.extension)
                .await?,
        );
    }
    Ok(urls)
}

async fn record_fit(
    txn: &DatabaseTransaction,
    user_id: Uuid,
    review: &reviews::Model,
    fit: Option<FitFeedback>,
) -> Result<(), DbErr> {
    audit_logs::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(Some(user_id)),
        action: Set(REVIEW_FIT.into()),
        entity_type: Set("review".into()),
        entity_id: Set(review.id),
        new_values: Set(Some(json!({
            "fit": fit.map(FitFeedback::code),
            "product_id": review.product_id,
        }))),
        created_at: Set(Utc::now().into()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// A new review of `product_id`, `PENDING` until moderated. Only a shopper who bought the
/// piece may write one, once.
pub async fn create(
    db: &DatabaseConnection,
    media: &MediaStore,
    user_id: Uuid,
    product_id: Uuid,
    draft: &ReviewDraft,
) -> Result<reviews::Model, ReviewError> {
    let line = purchased_line(db, user_id, product_id)
        .await?
        .ok_or(ReviewError::NotPurchased)?;
    if super::own_review(db, user_id, product_id).await?.is_some() {
        return Err(ReviewError::Exists);
    }
    let checked = check(draft, 0)?;
    let urls = store(media, &checked.photos).await?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let review = reviews::ActiveModel {
        id: Set(Uuid::new_v4()),
        product_id: Set(product_id),
        user_id: Set(user_id),
        order_item_id: Set(Some(line)),
        rating: Set(checked.rating),
        title: Set(checked.title),
        content: Set(Some(checked.content)),
        is_verified_purchase: Set(true),
        helpful_count: Set(0),
        not_helpful_count: Set(0),
        status: Set(ReviewStatus::Pending),
        media_urls: Set(urls),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|error| match error.sql_err() {
        // Two submissions at once: the unique (product, user) key lets one through.
        Some(SqlErr::UniqueConstraintViolation(_)) => ReviewError::Exists,
        _ => ReviewError::Internal(error),
    })?;
    if checked.fit.is_some() {
        record_fit(&txn, user_id, &review, checked.fit).await?;
    }
    txn.commit().await?;
    Ok(review)
}

/// The shopper's review `review_id`, changed as the draft says; back to `PENDING`, since
/// the moderators have not read the new words. Someone else's review is not found.
pub async fn edit(
    db: &DatabaseConnection,
    media: &MediaStore,
    user_id: Uuid,
    review_id: Uuid,
    draft: &ReviewDraft,
) -> Result<reviews::Model, ReviewError> {
    let txn = db.begin().await?;
    let review = reviews::Entity::find_by_id(review_id)
        .filter(reviews::Column::UserId.eq(user_id))
        .lock(LockType::Update)
        .one(&txn)
        .await?
        .ok_or(ReviewError::NotFound)?;
    // Only photos the review already has can be kept: a URL the client makes up is dropped.
    let kept: Vec<String> = review
        .media_urls
        .iter()
        .filter(|url| draft.keep_photos.contains(url))
        .cloned()
        .collect();
    let checked = check(draft, kept.len())?;
    let urls = store(media, &checked.photos).await?;
    let fit_before = fit_of(&txn, review.id).await?;
    let mut row: reviews::ActiveModel = review.into();
    row.rating = Set(checked.rating);
    row.title = Set(checked.title);
    row.content = Set(Some(checked.content));
    row.media_urls = Set(kept.into_iter().chain(urls).collect());
    row.status = Set(ReviewStatus::Pending);
    row.updated_at = Set(Utc::now().into());
    let review = row.update(&txn).await?;
    if checked.fit != fit_before {
        record_fit(&txn, user_id, &review, checked.fit).await?;
    }
    txn.commit().await?;
    Ok(review)
}

/// Deletes the shopper's review (its votes go with it). Someone else's is not found.
pub async fn delete(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    review_id: Uuid,
) -> Result<(), ReviewError> {
    let deleted = reviews::Entity::delete_many()
        .filter(reviews::Column::Id.eq(review_id))
        .filter(reviews::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ReviewError::NotFound);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::samples::png;
    use super::*;

    fn draft() -> ReviewDraft {
        ReviewDraft {
            rating: "5".into(),
            title: "Perfect".into(),
            content: "Soft and warm.\r\nWorth it.".into(),
            fit: "true_to_size".into(),
            ..Default::default()
        }
    }

    fn issues(draft: &ReviewDraft, kept: usize) -> Vec<(ReviewField, Refusal)> {
        match check(draft, kept) {
            Err(ReviewError::Invalid(issues)) => issues,
            Err(other) => panic!("unexpected {other}"),
            Ok(_) => Vec::new(),
        }
    }

    #[test]
    fn a_complete_draft_passes() {
        let checked = check(&draft(), 0).map_err(|e| e.to_string()).unwrap();
        assert_eq!(checked.rating, 5);
        assert_eq!(checked.content, "Soft and warm.\nWorth it.");
        assert_eq!(checked.fit, Some(FitFeedback::TrueToSize));
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = ReviewDraft {
            rating: "6".into(),
            title: "x".repeat(151),
            content: "  ".into(),
            fit: "snug".into(),
            photos: vec![PhotoUpload::new(b"not a photo".to_vec())],
            ..Default::default()
        };
        assert_eq!(
            issues(&bad, 0),
            vec![
                (ReviewField::Rating, Refusal::RatingRange),
                (ReviewField::Title, Refusal::TooLong { max: 150 }),
                (ReviewField::Content, Refusal::ReviewTextMissing),
                (ReviewField::Fit, Refusal::FitUnknown),
                (ReviewField::Photos, Refusal::PhotoNotImage),
            ]
        );
    }

    #[test]
    fn photos_count_with_the_ones_kept() {
        let mut with_photos = draft();
        with_photos.photos = vec![PhotoUpload::new(png(10, 10)); 2];
        assert!(issues(&with_photos, 1).is_empty());
        assert_eq!(
            issues(&with_photos, 2),
            vec![(ReviewField::Photos, Refusal::TooManyPhotos { max: 3 })]
        );
    }
}

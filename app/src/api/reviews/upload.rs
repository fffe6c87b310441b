//! Reading the review form's multipart body: text fields up to a bound, photos up to
//! the photo limit (past it the rest is read and dropped, so the answer is a field
//! message rather than a broken connection), and nothing else. Fields the form does not
//! have (a client's `is_verified_purchase`, say) are read past and ignored.

use leptos::server_fn::codec::MultipartData;
use services::reviews::{MAX_PHOTO_BYTES, MAX_PHOTOS, PhotoUpload, ReviewDraft};

use crate::api::ApiError;
use domain::Refusal;

/// Text fields are cut here; the service refuses anything over its own, smaller limits.
const TEXT_MAX_BYTES: usize = 64 * 1024;

pub struct ReviewForm {
    pub product_id: String,
    pub review_id: Option<String>,
    pub draft: ReviewDraft,
}

pub async fn read_form(data: MultipartData) -> Result<ReviewForm, ApiError> {
    let mut multipart = data
        .into_inner()
        .ok_or_else(|| ApiError::new(Refusal::MalformedRequest))?;
    let mut form = ReviewForm {
        product_id: String::new(),
        review_id: None,
        draft: ReviewDraft::default(),
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        let is_file = field.file_name().is_some();
        let limit = if name == "photos" {
            MAX_PHOTO_BYTES + 1
        } else {
            TEXT_MAX_BYTES
        };
        let mut bytes = Vec::new();
        let mut size = 0usize;
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            size += chunk.len();
            let room = limit.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "product_id" => form.product_id = text(),
            "review_id" => form.review_id = Some(text()).filter(|id| !id.trim().is_empty()),
            "rating" => form.draft.rating = text(),
            "title" => form.draft.title = text(),
            "content" => form.draft.content = text(),
            "fit" => form.draft.fit = text(),
            "keep_photo" => form.draft.keep_photos.push(text()),
            // A file input left empty still sends a part, without bytes. Past the limit
            // only the count matters: more photos are refused anyway.
            "photos" if is_file && size > 0 && form.draft.photos.len() <= MAX_PHOTOS => {
                form.draft.photos.push(PhotoUpload { bytes, size });
            }
            _ => {}
        }
    }
    Ok(form)
}

/// A body cut off at the size limit is too large; anything else is malformed.
fn unreadable(error: impl std::fmt::Display) -> ApiError {
    let error = error.to_string();
    tracing::debug!(%error, "review form could not be read");
    if error.contains("length limit") || error.contains("size limit") {
        ApiError::new(Refusal::RequestTooLarge)
    } else {
        ApiError::new(Refusal::MalformedRequest)
    }
}

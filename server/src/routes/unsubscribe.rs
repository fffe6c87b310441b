//! `POST /notifications/unsubscribe/one-click?token=…`: the one-click unsubscribe of
//! RFC 8058, posted by mail clients from the `List-Unsubscribe` header (body
//! `List-Unsubscribe=One-Click`, from no page, so it is exempt from the cross-site
//! check: the signed token is the authority). 200 when applied (again or not), 400 for
//! a token that is not ours. People follow the link in the email body to the page of
//! the same path without `/one-click`, which asks before applying it.

use app::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use services::notifications::NotificationError;
use services::notifications::outbox::unsubscribe;

#[derive(Deserialize)]
pub struct Link {
    #[serde(default)]
    token: String,
}

pub async fn one_click(State(state): State<AppState>, Query(link): Query<Link>) -> StatusCode {
    let services = &state.services;
    match unsubscribe(&services.db, &services.signer, &link.token).await {
        Ok(topics) => {
            tracing::info!(?topics, "unsubscribed by one-click link");
            StatusCode::OK
        }
        Err(NotificationError::Internal(error)) => {
            tracing::error!(%error, "one-click unsubscribe failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
        Err(_) => StatusCode::BAD_REQUEST,
    }
}

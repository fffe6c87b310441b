//! The style quiz and "For you": server functions over `services::personal`.

use domain::read::feed::ForYou;
use domain::read::style::{StyleAnswers, StyleQuiz};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::account::SaveOutcome;

/// The quiz as the caller (an account, a guest or a visitor) left it, and its choices.
#[server(endpoint = "style/quiz")]
pub async fn load_style_quiz() -> Result<StyleQuiz, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.session_user().map(|user| user.id);
    Ok(services::personal::style::quiz(&ctx.services.db, user).await?)
}

/// Saves the caller's quiz (a visitor becomes a guest, whose profile follows them to the
/// account they sign in to). Refusals come back by field.
#[server(endpoint = "style/save")]
pub async fn save_style(answers: StyleAnswers) -> Result<SaveOutcome, ApiError> {
    use crate::api::error::field_error;
    use services::personal::style::{StyleError, save};
    let mut ctx = crate::api::context::Ctx::load().await?;
    let shopper = ctx
        .shopper(true)
        .await?
        .ok_or_else(|| ApiError::internal("a guest was not started"))?;
    let services = &ctx.services;
    match save(&services.db, &services.embedder, shopper.user.id, &answers).await {
        Ok(_) => Ok(SaveOutcome::Saved),
        Err(StyleError::Invalid(problems)) => Ok(SaveOutcome::Refused(
            problems
                .into_iter()
                .map(|(field, refusal)| field_error(field.as_deref(), refusal))
                .collect(),
        )),
        Err(error) => Err(error.into()),
    }
}

/// Turns personalisation on (`on=true`) or off (no `on`, as an unticked box sends) for
/// the signed-in caller.
#[server(endpoint = "style/consent")]
pub async fn set_personalisation(#[server(default)] on: bool) -> Result<SaveOutcome, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    services::personal::style::set_consent(&ctx.services.db, user.id, on).await?;
    Ok(SaveOutcome::Saved)
}

/// The caller's "For you" row, or `None` when the feature is off for them.
#[server(endpoint = "style/for_you")]
pub async fn load_for_you() -> Result<Option<ForYou>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.session_user().map(|user| user.id);
    let services = &ctx.services;
    Ok(services::personal::feed::shown(&services.db, &services.editorial_row, user).await?)
}

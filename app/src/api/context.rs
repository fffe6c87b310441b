//! `Ctx`: what every server function starts from. `Ctx::load()` gathers the services
//! handle, the caller (resolved once per request by the caller middleware, see
//! `server::middleware`), the shopper's language and the request's address and agent.
//! Authorisation is decided here, in one place: `ctx.user()?` is a signed-in account or
//! 401, `Ctx::admin()` an admin or 401/403, `ctx.shopper(create_guest)` whose bag this is.
//!
//! A server function reads: `let ctx = Ctx::load().await?;`, call one service, `?`.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::header::USER_AGENT;
use leptos::prelude::*;

use crate::api::cookies;
use crate::api::error::ApiError;
use crate::state::AppState;
use domain::{Locale, Refusal};
use entities::sea_orm_active_enums::UserRole;
use entities::{sessions as session_rows, users};
use services::Services;
use services::auth::RequestContext;
use services::auth::sessions::{self, SessionToken};
use services::cart::CartOwner;

/// Who sent the request: the session their cookie names, and its user (a `GUEST` user
/// for a guest's bag). Put in the request's extensions by the caller middleware.
#[derive(Clone, Debug, Default)]
pub struct Caller {
    pub token: Option<SessionToken>,
    pub session: Option<(session_rows::Model, users::Model)>,
    /// The client's address (through trusted proxies only; see `server::middleware`).
    pub ip: Option<std::net::IpAddr>,
}

impl Caller {
    /// Looks the request's session cookie up (no query without one); `secure`: the site
    /// is served over https (the cookie's name differs).
    pub async fn resolve(
        services: &Services,
        headers: &http::HeaderMap,
        secure: bool,
    ) -> Result<Caller, sea_orm::DbErr> {
        let Some(token) = cookies::session_token(headers, secure) else {
            return Ok(Caller::default());
        };
        let session = sessions::resolve(&services.db, &token).await?;
        Ok(Caller {
            token: Some(token),
            session,
            ip: None,
        })
    }
}

/// Whose bag a request is about, and the user behind it (a `GUEST` for guests).
#[derive(Clone, Debug)]
pub struct Shopper {
    pub owner: CartOwner,
    pub user: users::Model,
}

impl Shopper {
    pub fn is_guest(&self) -> bool {
        self.user.role == UserRole::Guest
    }

    fn of(session: &session_rows::Model, user: &users::Model) -> Self {
        let owner = match user.role {
            UserRole::Guest => CartOwner::Session(session.id),
            _ => CartOwner::User(user.id),
        };
        Shopper {
            owner,
            user: user.clone(),
        }
    }
}

/// The per-request context of a server function.
pub struct Ctx {
    pub services: Services,
    pub locale: Locale,
    pub request: RequestContext,
    pub caller: Caller,
    secure_cookies: bool,
    headers: http::HeaderMap,
}

impl Ctx {
    /// The context of the current request.
    pub async fn load() -> Result<Ctx, ApiError> {
        let state = use_context::<AppState>()
            .ok_or_else(|| ApiError::internal("application state is missing"))?;
        let parts = use_context::<http::request::Parts>()
            .ok_or_else(|| ApiError::internal("request parts are missing"))?;
        let caller = match parts.extensions.get::<Caller>() {
            Some(caller) => caller.clone(),
            // Outside the routed paths (the not-found fallback) no middleware ran.
            None => Caller::resolve(&state.services, &parts.headers, state.secure_cookies)
                .await
                .map_err(ApiError::internal)?,
        };
        let request = RequestContext {
            ip: caller.ip.or_else(|| {
                parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|info| info.0.ip())
            }),
            user_agent: parts
                .headers
                .get(USER_AGENT)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
        };
        Ok(Ctx {
            locale: crate::i18n::locale_for_request(&parts.headers),
            services: state.services,
            secure_cookies: state.secure_cookies,
            request,
            caller,
            headers: parts.headers,
        })
    }

    /// The context of a request by a signed-in admin, else 401 (signed out) or 403.
    pub async fn admin() -> Result<Ctx, ApiError> {
        let ctx = Ctx::load().await?;
        let user = ctx.user()?;
        if matches!(user.role, UserRole::Admin | UserRole::SuperAdmin) {
            Ok(ctx)
        } else {
            Err(ApiError::new(Refusal::Forbidden))
        }
    }

    /// The signed-in account (not a guest), else 401.
    pub fn user(&self) -> Result<&users::Model, ApiError> {
        self.account()
            .ok_or_else(|| ApiError::new(Refusal::SignInRequired))
    }

    /// The signed-in account, if any (never a guest).
    pub fn account(&self) -> Option<&users::Model> {
        self.caller
            .session
            .as_ref()
            .map(|(_, user)| user)
            .filter(|user| user.role != UserRole::Guest)
    }

    /// The user behind the session, a guest's included.
    pub fn session_user(&self) -> Option<&users::Model> {
        self.caller.session.as_ref().map(|(_, user)| user)
    }

    /// The session token the browser sent, if well formed.
    pub fn session_token(&self) -> Option<&SessionToken> {
        self.caller.token.as_ref()
    }

    /// Whose bag this is; with `create_guest`, a visitor without a session gets a guest
    /// session (and its cookie) and becomes that guest for the rest of the request.
    pub async fn shopper(&mut self, create_guest: bool) -> Result<Option<Shopper>, ApiError> {
        if let Some((session, user)) = &self.caller.session {
            return Ok(Some(Shopper::of(session, user)));
        }
        if !create_guest {
            return Ok(None);
        }
        let db = &self.services.db;
        let (_, token) = sessions::start_guest(db, &self.request).await?;
        let session = sessions::resolve(db, &token)
            .await?
            .ok_or_else(|| ApiError::internal("a new guest session did not resolve"))?;
        self.start_session(&token);
        let shopper = Shopper::of(&session.0, &session.1);
        self.caller = Caller {
            token: Some(token),
            session: Some(session),
            ip: self.caller.ip,
        };
        Ok(Some(shopper))
    }

    /// Gives the browser `token` as its session from the next request on.
    pub fn start_session(&self, token: &SessionToken) {
        cookies::send(&cookies::session(token, self.secure_cookies));
    }

    /// Removes the browser's session cookie.
    pub fn end_session(&self) {
        cookies::send(&cookies::clear_session(self.secure_cookies));
    }

    /// Makes `language` (a stored `preferred_language`) the shopper's language from the
    /// next page on; codes the storefront does not speak are ignored.
    pub fn remember_locale(&self, language: &str) {
        if let Some(locale) = Locale::parse(language) {
            cookies::send(&cookies::locale(locale, self.secure_cookies));
        }
    }

    /// Leaves the guest-bag merge report for the next bag read.
    pub fn leave_bag_notice(&self, lines: &[String]) {
        cookies::send(&cookies::set_bag_notice(lines, self.secure_cookies));
    }

    /// The merge report the browser sent, cleared so it is shown once.
    pub fn take_bag_notice(&self) -> Vec<String> {
        let lines = cookies::bag_notice(&self.headers);
        if cookies::read(&self.headers, cookies::BAG_NOTICE).is_some() {
            cookies::send(&cookies::clear_bag_notice(self.secure_cookies));
        }
        lines
    }

    /// This language's UI text.
    pub fn text(&self) -> &'static crate::i18n::Messages {
        crate::i18n::messages(self.locale)
    }
}

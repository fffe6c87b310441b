//! The fake's HTTP endpoints.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::objects::{self, CardResult, Reply};
use super::{FakeEvent, Shared};

pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v1/payment_intents", post(create_intent))
        .route("/v1/payment_intents/{id}", get(retrieve_intent))
        .route("/v1/payment_intents/{id}/confirm", post(confirm_intent))
        .route("/v1/refunds", post(create_refund))
        .fallback(unknown_endpoint)
        .with_state(shared)
}

/// Form parameters, Stripe-style (`metadata[order_id]=...`).
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(body: &[u8]) -> Self {
        Self(form_urlencoded::parse(body).into_owned().collect())
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn integer(&self, name: &str) -> Result<Option<i64>, Reply> {
        self.get(name)
            .map(|value| {
                value.parse::<i64>().map_err(|_| {
                    objects::invalid_request(
                        Some("parameter_invalid_integer"),
                        &format!("Invalid integer: {value}"),
                        Some(name),
                    )
                })
            })
            .transpose()
    }

    fn hash(&self, name: &str) -> HashMap<String, String> {
        let prefix = format!("{name}[");
        self.0
            .iter()
            .filter_map(|(key, value)| {
                let inner = key.strip_prefix(&prefix)?.strip_suffix(']')?;
                Some((inner.to_string(), value.clone()))
            })
            .collect()
    }

    /// Identifies "the same request" for idempotency.
    fn fingerprint(&self, endpoint: &str) -> String {
        let mut pairs = self.0.clone();
        pairs.sort();
        format!("{endpoint}?{pairs:?}")
    }
}

/// What an endpoint did: its reply and the events (type, object) to emit.
type Outcome = (Reply, Vec<(&'static str, Value)>);

/// Auth, idempotency, events and the HTTP response around one endpoint.
fn respond(
    shared: &Shared,
    headers: &HeaderMap,
    endpoint: &str,
    params: Params,
    run: impl FnOnce(&mut objects::State, &Params) -> Result<Outcome, Reply>,
) -> Response {
    if let Err(reply) = authorize(shared, headers) {
        return into_response(reply, false);
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    let fingerprint = params.fingerprint(endpoint);
    let request_id = objects::new_id("req");
    let api_version = headers
        .get("stripe-version")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("2025-01-27.acacia")
        .to_string();
    let mut state = shared.state();
    if let Some(key) = &key
        && let Some((seen, reply)) = state.idempotency.get(key)
    {
        if *seen == fingerprint {
            return into_response(reply.clone(), true);
        }
        let reply = objects::error(
            StatusCode::BAD_REQUEST,
            "idempotency_error",
            Some("idempotency_key_in_use"),
            &format!(
                "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."
            ),
        );
        return into_response(reply, false);
    }
    let (reply, events) = run(&mut state, &params).unwrap_or_else(|reply| (reply, Vec::new()));
    if let Some(key) = &key {
        state
            .idempotency
            .insert(key.clone(), (fingerprint, reply.clone()));
    }
    for (kind, object) in events {
        let id = objects::new_id("evt");
        let payload = json!({
            "id": id,
            "object": "event",
            "api_version": api_version,
            "created": objects::now_unix(),
            "data": { "object": object },
            "livemode": false,
            "pending_webhooks": 1,
            "request": { "id": request_id, "idempotency_key": key },
            "type": kind,
        })
        .to_string();
        let event = FakeEvent {
            id,
            kind: kind.to_string(),
            payload,
        };
        state.events.push(event.clone());
        // The delivery task lives as long as the fake.
        let _ = shared.outbox.send(event);
    }
    drop(state);
    into_response(reply, false)
}

fn authorize(shared: &Shared, headers: &HeaderMap) -> Result<(), Reply> {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
    else {
        return Err(objects::error(
            StatusCode::UNAUTHORIZED,
            "invalid_request_error",
            None,
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ));
    };
    let given = value.strip_prefix("Bearer ").unwrap_or_default();
    if given != shared.secret_key {
        let shown: String = given.chars().take(8).collect();
        return Err(objects::error(
            StatusCode::UNAUTHORIZED,
            "invalid_request_error",
            Some("api_key_invalid"),
            &format!("Invalid API Key provided: {shown}***"),
        ));
    }
    Ok(())
}

fn into_response(reply: Reply, replayed: bool) -> Response {
    let mut response = (reply.status, axum::Json(reply.body)).into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

async fn create_intent(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    respond(
        &shared,
        &headers,
        "POST /v1/payment_intents",
        Params::parse(&body),
        create_intent_in,
    )
}

fn create_intent_in(state: &mut objects::State, params: &Params) -> Result<Outcome, Reply> {
    let amount = params
        .integer("amount")?
        .ok_or_else(|| objects::missing_param("amount"))?;
    if amount < 1 {
        return Err(objects::invalid_request(
            Some("amount_too_small"),
            "This value must be greater than or equal to 1.",
            Some("amount"),
        ));
    }
    let currency = params
        .get("currency")
        .ok_or_else(|| objects::missing_param("currency"))?;
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(objects::invalid_request(
            Some("parameter_invalid_string"),
            &format!("Invalid currency: {currency}."),
            Some("currency"),
        ));
    }
    let id = objects::new_id("pi");
    let intent = objects::payment_intent(
        &id,
        amount,
        currency,
        params.hash("metadata"),
        params.get("description").map(str::to_string),
        params.get("receipt_email").map(str::to_string),
    );
    state.intents.insert(id.clone(), intent.clone());
    let mut events = vec![("payment_intent.created", intent.clone())];
    if params.get("confirm") == Some("true") {
        let (reply, more) = confirm_in(state, &id, params)?;
        events.extend(more);
        return Ok((reply, events));
    }
    if let Some(payment_method) = params.get("payment_method") {
        let intent = state.intents.get_mut(&id).expect("just inserted");
        intent["payment_method"] = json!(payment_method);
        intent["status"] = json!("requires_confirmation");
        return Ok((Reply::ok(intent.clone()), events));
    }
    Ok((Reply::ok(intent), events))
}

async fn retrieve_intent(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(reply) = authorize(&shared, &headers) {
        return into_response(reply, false);
    }
    let intent = shared.state().intents.get(&id).cloned();
    match intent {
        Some(intent) => into_response(Reply::ok(intent), false),
        None => into_response(objects::no_such("payment_intent", &id, "intent"), false),
    }
}

async fn confirm_intent(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let endpoint = format!("POST /v1/payment_intents/{id}/confirm");
    respond(
        &shared,
        &headers,
        &endpoint,
        Params::parse(&body),
        |state, params| confirm_in(state, &id, params),
    )
}

fn confirm_in(state: &mut objects::State, id: &str, params: &Params) -> Result<Outcome, Reply> {
    let intent = state
        .intents
        .get_mut(id)
        .ok_or_else(|| objects::no_such("payment_intent", id, "intent"))?;
    let status = intent["status"].as_str().unwrap_or_default().to_string();
    if status != "requires_payment_method" && status != "requires_confirmation" {
        return Err(objects::invalid_request(
            Some("payment_intent_unexpected_state"),
            &format!(
                "You cannot confirm this PaymentIntent because it has a status of {status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_action, requires_payment_method."
            ),
            None,
        ));
    }
    let payment_method = params
        .get("payment_method")
        .map(str::to_string)
        .or_else(|| intent["payment_method"].as_str().map(str::to_string))
        .ok_or_else(|| {
            objects::invalid_request(
                Some("payment_intent_unexpected_state"),
                "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, pass a payment_method parameter.",
                None,
            )
        })?;
    let result = objects::test_card(&payment_method).ok_or_else(|| {
        objects::invalid_request(
            Some("resource_missing"),
            &format!("No such PaymentMethod: '{payment_method}'"),
            Some("payment_method"),
        )
    })?;
    let charge_id = objects::new_id("ch");
    intent["latest_charge"] = json!(charge_id);
    match result {
        CardResult::Succeeds => {
            intent["status"] = json!("succeeded");
            intent["amount_received"] = intent["amount"].clone();
            intent["payment_method"] = json!(payment_method);
            intent["last_payment_error"] = Value::Null;
            let intent = intent.clone();
            Ok((
                Reply::ok(intent.clone()),
                vec![("payment_intent.succeeded", intent)],
            ))
        }
        CardResult::Declined {
            decline_code,
            message,
        } => {
            intent["status"] = json!("requires_payment_method");
            intent["payment_method"] = Value::Null;
            intent["last_payment_error"] = json!({
                "type": "card_error",
                "code": "card_declined",
                "decline_code": decline_code,
                "message": message,
                "charge": charge_id,
                "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            });
            let intent = intent.clone();
            Ok((
                objects::card_declined(&intent, decline_code, message, &charge_id),
                vec![("payment_intent.payment_failed", intent)],
            ))
        }
    }
}

async fn create_refund(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    respond(
        &shared,
        &headers,
        "POST /v1/refunds",
        Params::parse(&body),
        refund_in,
    )
}

fn refund_in(state: &mut objects::State, params: &Params) -> Result<Outcome, Reply> {
    let intent_id = match (params.get("payment_intent"), params.get("charge")) {
        (Some(intent), _) => intent.to_string(),
        (None, Some(charge)) => state
            .intents
            .values()
            .find(|intent| intent["latest_charge"] == json!(charge))
            .and_then(|intent| intent["id"].as_str().map(str::to_string))
            .ok_or_else(|| objects::no_such("charge", charge, "charge"))?,
        (None, None) => {
            return Err(objects::invalid_request(
                Some("parameter_missing"),
                "One of the following params should be provided for this request: payment_intent or charge.",
                None,
            ));
        }
    };
    let intent = state
        .intents
        .get(&intent_id)
        .cloned()
        .ok_or_else(|| objects::no_such("payment_intent", &intent_id, "payment_intent"))?;
    if intent["status"] != json!("succeeded") {
        return Err(objects::invalid_request(
            Some("charge_not_refundable"),
            &format!(
                "This PaymentIntent ({intent_id}) does not have a successful charge to refund."
            ),
            Some("payment_intent"),
        ));
    }
    let charged = intent["amount"].as_i64().unwrap_or_default();
    let refunded = state.refunded.get(&intent_id).copied().unwrap_or_default();
    let remaining = charged - refunded;
    if remaining <= 0 {
        return Err(objects::invalid_request(
            Some("charge_already_refunded"),
            &format!(
                "Charge {} has already been refunded.",
                intent["latest_charge"].as_str().unwrap_or_default()
            ),
            None,
        ));
    }
    let amount = params.integer("amount")?.unwrap_or(remaining);
    if amount < 1 {
        return Err(objects::invalid_request(
            Some("parameter_invalid_integer"),
            "This value must be greater than or equal to 1.",
            Some("amount"),
        ));
    }
    if amount > remaining {
        return Err(objects::invalid_request(
            Some("amount_too_large"),
            &format!(
                "Refund amount ({}.{:02}) is greater than unrefunded amount on charge ({}.{:02})",
                amount / 100,
                amount % 100,
                remaining / 100,
                remaining % 100
            ),
            Some("amount"),
        ));
    }
    let id = objects::new_id("re");
    let refund = objects::refund(&id, &intent, amount, params.hash("metadata"));
    state.refunds.insert(id, refund.clone());
    let refunded = refunded + amount;
    state.refunded.insert(intent_id, refunded);
    Ok((
        Reply::ok(refund),
        vec![("charge.refunded", objects::charge(&intent, refunded))],
    ))
}

async fn unknown_endpoint(uri: axum::http::Uri) -> Response {
    let reply = objects::error(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        None,
        &format!(
            "Unrecognized request URL ({uri}). The local Stripe fake implements only the endpoints LuxeVerse calls."
        ),
    );
    into_response(reply, false)
}

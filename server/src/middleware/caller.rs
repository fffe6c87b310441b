//! The caller is resolved once per request, before any page or server function runs, and
//! travels in the request's extensions (`app::api::context::Caller`): the session its
//! cookie names, and the client's address.
//!
//! The address is the connection's, unless the connection comes from a trusted reverse
//! proxy (`TRUSTED_PROXIES`, none by default): then `X-Forwarded-For` is read from the
//! right, and the first address that is not itself a trusted proxy is the client. A
//! client cannot choose its address by sending the header itself.

use std::net::{IpAddr, SocketAddr};

use app::api::context::Caller;
use app::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderMap;
use sea_orm::prelude::IpNetwork;

/// Looks the session cookie up once (no query without one) and leaves the caller in the
/// request's extensions for `Ctx::load()` and the plain routes. When the database cannot
/// answer, nothing is inserted and `Ctx::load()` tries again and reports the fault.
pub async fn resolve_caller(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let ip = peer.map(|peer| client_ip(peer, request.headers(), &state.trusted_proxies));
    match Caller::resolve(&state.services, request.headers(), state.secure_cookies).await {
        Ok(caller) => {
            request.extensions_mut().insert(Caller { ip, ..caller });
        }
        Err(error) => tracing::error!(%error, "could not resolve the caller's session"),
    }
    next.run(request).await
}

/// The client's address: see the module documentation.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNetwork]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|network| network.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    let mut client = peer;
    for hop in forwarded.iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            break;
        };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        let stranger: IpAddr = "203.0.113.9".parse().unwrap();
        let trusted: Vec<IpNetwork> = vec!["10.0.0.0/8".parse().unwrap()];
        let header = forwarded("198.51.100.1, 192.0.2.7, 10.0.0.4");
        // By default nothing is trusted: the connection's address is the client's.
        assert_eq!(client_ip(proxy, &header, &[]), proxy);
        // A client sending the header itself changes nothing.
        assert_eq!(client_ip(stranger, &header, &trusted), stranger);
        // Behind the proxy: the rightmost address that is not a proxy.
        assert_eq!(
            client_ip(proxy, &header, &trusted),
            "192.0.2.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(proxy, &HeaderMap::new(), &trusted), proxy);
        assert_eq!(
            client_ip(proxy, &forwarded("garbage, 192.0.2.7"), &trusted),
            "192.0.2.7".parse::<IpAddr>().unwrap()
        );
    }
}

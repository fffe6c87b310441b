//! Talking to the app over HTTP as a browser would: pages, server functions (forms that
//! answer JSON), the session cookie, and a cookie jar for journeys that carry every cookie.

use serde_json::Value;

use super::spawn::TestApp;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "lv_session";

impl TestApp {
    /// Calls the server function `/api/{path}` with the jar's cookies (keeping those it
    /// sets): the status and the JSON answer (the body as a string when it is not JSON).
    pub async fn call(
        &self,
        jar: &mut Jar,
        path: &str,
        form: &[(&str, &str)],
    ) -> (reqwest::StatusCode, Value) {
        let response = self
            .post_form_with_jar(jar, &format!("/api/{path}"), form)
            .await;
        let status = response.status();
        let body = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request is sent")
    }

    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .header(reqwest::header::COOKIE, cookie)
            .send()
            .await
            .expect("request is sent")
    }

    pub async fn get_health(&self) -> reqwest::Response {
        self.get("/health").await
    }

    /// Posts a form as a server function call, with the session token `cookie` if any.
    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}{path}", self.address))
            .header("accept", "application/json")
            .form(form);
        if let Some(cookie) = cookie {
            request = request.header("cookie", format!("{SESSION_COOKIE}={cookie}"));
        }
        request.send().await.expect("request is sent")
    }

    /// Posts a form and reads the JSON answer.
    pub async fn post_json(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Value {
        self.post_form(path, form, cookie)
            .await
            .json()
            .await
            .unwrap()
    }

    /// Posts a form with the jar's cookies and takes the answer's cookies into the jar.
    pub async fn post_form_with_jar(
        &self,
        jar: &mut Jar,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}{path}", self.address))
            .header("accept", "application/json")
            .form(form);
        if !jar.is_empty() {
            request = request.header("cookie", jar.header());
        }
        let response = request.send().await.expect("request is sent");
        jar.absorb(&response);
        response
    }

    pub async fn register(&self, name: &str, email: &str, password: &str) -> reqwest::Response {
        self.post_form(
            "/api/auth/register",
            &[("name", name), ("email", email), ("password", password)],
            None,
        )
        .await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form(
            "/api/auth/sign_in",
            &[("email", email), ("password", password)],
            None,
        )
        .await
    }

    pub async fn me(&self, session: Option<&str>) -> Value {
        self.post_form("/api/auth/me", &[], session)
            .await
            .json()
            .await
            .unwrap()
    }
}

/// Every `Set-Cookie` header of a response, whole.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .map(str::to_owned)
        .collect()
}

/// The `Set-Cookie` header that sets `name`, attributes and all.
pub fn set_cookie_header(response: &reqwest::Response, name: &str) -> Option<String> {
    set_cookies(response)
        .into_iter()
        .find(|cookie| cookie.starts_with(&format!("{name}=")))
}

/// The `Set-Cookie` header of the session cookie, if the response sets it.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    set_cookie_header(response, SESSION_COOKIE)
}

/// `name=value` of the cookie a response sets, as a browser would send it back.
pub fn cookie_pair(response: &reqwest::Response, name: &str) -> Option<String> {
    set_cookie_header(response, name).and_then(|cookie| cookie.split(';').next().map(str::to_owned))
}

/// The value in a `Set-Cookie` header (`name=value; attributes`).
pub fn cookie_value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, value)| value.to_string())
        .unwrap()
}

/// The session token a response sets (registering or signing in does).
pub fn session_token(response: &reqwest::Response) -> String {
    cookie_value(&session_cookie(response).expect("a session cookie is set"))
}

/// The browser's cookies, as `name=value` pairs.
#[derive(Default, Clone)]
pub struct Jar(Vec<(String, String)>);

impl Jar {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `Cookie` header a browser would send.
    pub fn header(&self) -> String {
        self.0
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Sets a cookie as the browser would keep it (a language chosen earlier, say).
    pub fn set(&mut self, name: &str, value: &str) {
        self.0.retain(|(known, _)| known != name);
        self.0.push((name.to_string(), value.to_string()));
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, value)| value.as_str())
    }

    /// Applies a response's `Set-Cookie` headers.
    pub fn absorb(&mut self, response: &reqwest::Response) {
        for cookie in response.headers().get_all("set-cookie") {
            let cookie = cookie.to_str().unwrap();
            let (pair, attributes) = cookie.split_once(';').unwrap_or((cookie, ""));
            let (name, value) = pair.split_once('=').unwrap();
            self.0.retain(|(known, _)| known != name);
            if !attributes.contains("Max-Age=0") {
                self.0.push((name.to_string(), value.to_string()));
            }
        }
    }
}

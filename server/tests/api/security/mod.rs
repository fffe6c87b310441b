//! The store tried as an attacker would, over HTTP against the running app, one file per
//! topic; what they share is here.

mod cross_site;
mod guests;
mod headers;
mod hoarding;
mod input;
mod redirects;
mod sign_in;
mod webhook;

use std::time::Duration;

use entities::sea_orm_active_enums::UserRole;
use entities::users;
use sea_orm::QueryFilter;
use sea_orm::prelude::*;
use serde_json::Value;
use tokio::io::AsyncReadExt;

use crate::helpers::TestApp;

pub(super) const PASSWORD: &str = "velvet evenings in florence";
pub(super) const EVIL: &str = "https://evil.example";

/// Form fields or headers, as name and value.
pub(super) type Pairs<'a> = &'a [(&'a str, &'a str)];

impl TestApp {
    /// Posts a form to a server function as a page on `origin` would make the browser.
    async fn post_from(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}{path}", self.address))
            .header("accept", "application/json")
            .form(form);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("request is sent")
    }

    async fn guests(&self) -> u64 {
        users::Entity::find()
            .filter(users::Column::Role.eq(UserRole::Guest))
            .count(&self.db)
            .await
            .unwrap()
    }
}

impl TestApp {
    fn host(&self) -> &str {
        self.address.trim_start_matches("http://")
    }

    /// A raw connection, for requests no well-behaved client would send.
    async fn connect(&self) -> tokio::net::TcpStream {
        tokio::net::TcpStream::connect(self.host()).await.unwrap()
    }
}

/// The first bytes of the answer on a raw connection (status line, headers, body start).
pub(super) async fn read_answer(stream: &mut tokio::net::TcpStream) -> String {
    let mut answer = vec![0; 2048];
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("the request is answered")
        .unwrap();
    String::from_utf8_lossy(&answer[..read]).into_owned()
}

pub(super) async fn refusal(response: reqwest::Response) -> Value {
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

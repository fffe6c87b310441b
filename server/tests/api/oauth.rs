//! Social sign-in through the browser routes, against a local OAuth2 provider that speaks
//! the real protocol (authorize, token with PKCE, userinfo).

use entities::{prelude::*, *};
use sea_orm::QueryFilter;
use sea_orm::prelude::*;

use crate::helpers::fakes::{FakeOAuth, FakeUser};
use crate::helpers::{ProductBuilder, TestApp, cookie_pair, free_port, spawn_app_with};

async fn app_with_provider(user: FakeUser) -> (TestApp, FakeOAuth) {
    let fake = FakeOAuth::start(user).await;
    let port = free_port();
    let mut settings = fake.settings("fake", &format!("http://127.0.0.1:{port}"));
    settings.insert("LEPTOS_SITE_ADDR".into(), format!("127.0.0.1:{port}"));
    (spawn_app_with(settings).await, fake)
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

/// Start → provider → back to the callback URL the provider chose (not yet followed).
async fn to_callback(app: &TestApp) -> (String, String) {
    let start = app.get("/auth/oauth/fake/start").await;
    assert_eq!(start.status(), 303);
    let pending = cookie_pair(&start, "lv_oauth").expect("the pending login cookie");
    let authorize = app.client.get(location(&start)).send().await.unwrap();
    assert_eq!(authorize.status(), 302, "the fake provider approves");
    (location(&authorize), pending)
}

async fn follow_callback(app: &TestApp, url: &str, cookies: &str) -> reqwest::Response {
    app.client
        .get(url)
        .header("cookie", cookies)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_shopper_signs_up_with_the_provider_and_comes_back_to_the_same_account() {
    let (app, fake) = app_with_provider(FakeUser::ada()).await;
    let (callback, pending) = to_callback(&app).await;

    let done = follow_callback(&app, &callback, &pending).await;

    assert_eq!(done.status(), 303);
    assert_eq!(location(&done), "/account");
    let session = cookie_pair(&done, "lv_session").expect("signed in");
    let me = app
        .me(Some(session.trim_start_matches("lv_session=")))
        .await;
    assert_eq!(me["email"], FakeUser::ada().email);
    let user = Users::find()
        .filter(users::Column::Email.eq(FakeUser::ada().email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(user.email_verified.is_some());
    assert!(user.password_hash.is_none());
    assert_eq!(OauthAccounts::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(fake.token_calls(), 1);

    // Signing in again finds the same account.
    let (callback, pending) = to_callback(&app).await;
    assert_eq!(
        follow_callback(&app, &callback, &pending).await.status(),
        303
    );
    assert_eq!(Users::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(OauthAccounts::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn a_forged_state_is_refused_before_any_token_exchange() {
    let (app, fake) = app_with_provider(FakeUser::ada()).await;
    let (callback, pending) = to_callback(&app).await;
    let (base, query) = callback.split_once('?').unwrap();
    let forged: String = query
        .split('&')
        .map(|pair| {
            if pair.starts_with("state=") {
                "state=forged-by-an-attacker".to_string()
            } else {
                pair.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("&");

    let refused = follow_callback(&app, &format!("{base}?{forged}"), &pending).await;

    assert_eq!(refused.status(), 303);
    assert_eq!(location(&refused), "/login?oauth_error=state");
    assert!(cookie_pair(&refused, "lv_session").is_none());
    assert_eq!(fake.token_calls(), 0);
    assert_eq!(Users::find().count(&app.db).await.unwrap(), 0);

    // Without the pending-login cookie the callback is refused too.
    let no_cookie = follow_callback(&app, &callback, "").await;
    assert_eq!(location(&no_cookie), "/login?oauth_error=state");
    assert_eq!(Users::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn an_existing_password_account_is_linked_only_after_its_owner_signs_in() {
    let (app, _fake) = app_with_provider(FakeUser::ada()).await;
    let email = FakeUser::ada().email;
    let registered = app
        .register("Ada", &email, "velvet evenings in florence")
        .await;
    let session = cookie_pair(&registered, "lv_session").unwrap();

    // Signed out: the provider's word alone does not take over the account.
    let (callback, pending) = to_callback(&app).await;
    let refused = follow_callback(&app, &callback, &pending).await;
    assert_eq!(location(&refused), "/login?oauth_error=link_required");
    assert_eq!(OauthAccounts::find().count(&app.db).await.unwrap(), 0);

    // Signed in with the password: connecting links the provider.
    let (callback, pending) = to_callback(&app).await;
    let linked = follow_callback(&app, &callback, &format!("{pending}; {session}")).await;
    assert_eq!(location(&linked), "/account");
    let user = Users::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let links = OauthAccounts::find()
        .filter(oauth_accounts::Column::UserId.eq(user.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(links, 1);
}

#[tokio::test]
async fn a_guest_bag_follows_the_shopper_into_a_social_sign_in() {
    let (app, _fake) = app_with_provider(FakeUser::ada()).await;
    let variant = ProductBuilder::new("Cashmere Sweater", "420.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let added = app
        .client
        .post(format!("{}/api/cart/add", app.address))
        .header("accept", "application/json")
        .form(&[
            ("variant_id", variant.id.to_string().as_str()),
            ("quantity", "2"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 200);
    let guest = cookie_pair(&added, "lv_session").expect("the guest's session");

    let (callback, pending) = to_callback(&app).await;
    let done = follow_callback(&app, &callback, &format!("{pending}; {guest}")).await;
    assert_eq!(done.status(), 303);

    // The provider is linked to the shopper's own new account, never to the guest...
    let user = Users::find()
        .filter(users::Column::Email.eq(FakeUser::ada().email))
        .one(&app.db)
        .await
        .unwrap()
        .expect("an account for the provider's email");
    let linked = OauthAccounts::find().all(&app.db).await.unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].user_id, user.id);
    // ...and the guest's bag is now the shopper's.
    let cart = Carts::find()
        .filter(carts::Column::UserId.eq(user.id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the shopper has a bag");
    let items = CartItems::find()
        .filter(cart_items::Column::CartId.eq(cart.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].variant_id, items[0].quantity), (variant.id, 2));
}

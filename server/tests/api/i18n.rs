//! Languages over HTTP: which language a page is rendered in (switcher cookie, then
//! `Accept-Language`, then English), the switcher's server function and the account
//! preference, and translated catalog content falling back to the base text field by field.

use entities::sea_orm_active_enums::TranslationStatus;
use entities::{categories, category_translations, product_translations, products, users};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::helpers::{
    TestApp, cookie_pair, escaped, heading, set_cookie_header, spawn_app, spawn_seeded_app,
};

const PASSWORD: &str = "velvet evenings in florence";

async fn page(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("request is sent");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_page_language_is_the_choice_then_the_browser_then_english() {
    let app = spawn_app().await;

    let (_, html) = page(&app, "/", &[]).await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Quiet luxury, intelligently curated"));

    let (_, html) = page(
        &app,
        "/",
        &[("accept-language", "de-DE,fr-CA;q=0.9,en;q=0.5")],
    )
    .await;
    assert!(
        html.contains(r#"<html lang="fr""#),
        "Accept-Language picks French"
    );
    assert!(html.contains("Le luxe discret, choisi avec intelligence"));
    assert!(
        html.contains("Aller au contenu"),
        "the skip link is translated too"
    );
    assert!(!html.contains("Quiet luxury"));

    let (_, html) = page(
        &app,
        "/",
        &[("accept-language", "fr"), ("cookie", "lv_lang=it")],
    )
    .await;
    assert!(
        html.contains(r#"<html lang="it""#),
        "the switcher's cookie wins"
    );
    assert!(html.contains("Lusso discreto, scelto con intelligenza"));

    let (_, html) = page(&app, "/", &[("accept-language", "de, es;q=0.5")]).await;
    assert!(
        html.contains(r#"<html lang="en""#),
        "unsupported languages fall back to English"
    );

    let (status, html) = page(&app, "/no-such-page", &[("cookie", "lv_lang=fr")]).await;
    assert_eq!(status, 404);
    assert!(html.contains("Cette page s’est éclipsée"));
}

#[tokio::test]
async fn the_switcher_remembers_the_language_and_the_account_keeps_it() {
    let app = spawn_app().await;

    // A guest: the cookie only.
    let response = app
        .post_form("/api/locale/set", &[("locale", "it")], None)
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(
        cookie_pair(&response, "lv_lang").as_deref(),
        Some("lv_lang=it")
    );
    let cookie = set_cookie_header(&response, "lv_lang").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));

    // A language the house does not speak is refused and changes nothing.
    let response = app
        .post_form("/api/locale/set", &[("locale", "de")], None)
        .await;
    assert!(!response.status().is_success());
    assert!(cookie_pair(&response, "lv_lang").is_none());
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Choose English, French or Italian")
    );

    // A signed-in shopper: stored on the account as well.
    let registered = app
        .register("Ada Lovelace", "ada@example.com", PASSWORD)
        .await;
    let session = cookie_pair(&registered, "lv_session")
        .expect("registering signs in")
        .trim_start_matches("lv_session=")
        .to_owned();
    let response = app
        .post_form("/api/locale/set", &[("locale", "fr")], Some(&session))
        .await;
    assert!(response.status().is_success());
    let user = users::Entity::find()
        .filter(users::Column::Email.eq("ada@example.com"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.preferred_language, "fr");

    // On another browser, signing in brings the account's language back.
    let response = app.sign_in("ada@example.com", PASSWORD).await;
    assert_eq!(
        cookie_pair(&response, "lv_lang").as_deref(),
        Some("lv_lang=fr")
    );
}

#[tokio::test]
async fn a_form_post_without_javascript_returns_to_the_page_it_came_from() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/locale/set", app.address))
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", format!("{}/products?sort=newest", app.address))
        .form(&[("locale", "fr")])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.ends_with("/products?sort=newest"), "{location}");
    assert_eq!(
        cookie_pair(&response, "lv_lang").as_deref(),
        Some("lv_lang=fr")
    );
}

#[tokio::test]
async fn catalog_content_is_translated_field_by_field_with_fallback() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    // A category page in French: its approved translation's name and description.
    let women = categories::Entity::find()
        .filter(categories::Column::Slug.eq("women"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let french = category_translations::Entity::find()
        .filter(category_translations::Column::CategoryId.eq(women.id))
        .filter(category_translations::Column::LanguageCode.eq("fr"))
        .one(db)
        .await
        .unwrap()
        .expect("the demo catalog translates categories");
    let french_name = french.name.clone().unwrap();
    assert_ne!(french_name, women.name);
    let (status, html) = page(&app, "/categories/women", &[("cookie", "lv_lang=fr")]).await;
    assert_eq!(status, 200);
    assert!(
        heading(&html) == escaped(&french_name),
        "translated heading"
    );
    assert!(html.contains("Trier par"), "translated filters");

    // A translation without a description keeps the base description; an unapproved one
    // is not used at all.
    let mut edited = french.clone().into_active_model();
    edited.description = Set(None);
    edited.update(db).await.unwrap();
    let (_, html) = page(&app, "/categories/women", &[("cookie", "lv_lang=fr")]).await;
    assert!(html.contains(&escaped(&french_name)));
    assert!(html.contains(&escaped(women.description.as_deref().unwrap())));
    let mut pending = french.into_active_model();
    pending.status = Set(TranslationStatus::Pending);
    pending.update(db).await.unwrap();
    let (_, html) = page(&app, "/categories/women", &[("cookie", "lv_lang=fr")]).await;
    assert!(heading(&html) == escaped(&women.name), "pending falls back");

    // A product page in Italian: name translated, a missing description falls back.
    let translation = product_translations::Entity::find()
        .filter(product_translations::Column::LanguageCode.eq("it"))
        .filter(product_translations::Column::Status.eq(TranslationStatus::Approved))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let product = products::Entity::find_by_id(translation.product_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let italian_name = translation.name.clone().unwrap();
    let mut edited = translation.into_active_model();
    edited.description = Set(None);
    edited.update(db).await.unwrap();
    let (status, html) = page(
        &app,
        &format!("/products/{}", product.slug),
        &[("accept-language", "it-IT")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="it""#));
    assert_eq!(heading(&html), escaped(&italian_name));
    assert!(html.contains(&escaped(product.description.as_deref().unwrap())));
    assert!(html.contains("Recensioni"), "translated UI");

    // A pending Italian translation is never shown.
    let pending = product_translations::Entity::find()
        .filter(product_translations::Column::LanguageCode.eq("it"))
        .filter(product_translations::Column::Status.eq(TranslationStatus::Pending))
        .one(db)
        .await
        .unwrap()
        .expect("the demo catalog leaves some Italian translations pending");
    let product = products::Entity::find_by_id(pending.product_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let (_, html) = page(
        &app,
        &format!("/products/{}", product.slug),
        &[("cookie", "lv_lang=it")],
    )
    .await;
    assert_eq!(heading(&html), escaped(&product.name));
    if let Some(name) = pending.name.filter(|name| name != &product.name) {
        assert!(!html.contains(&escaped(&name)));
    }

    // Listings carry translated product names too.
    let (_, html) = page(&app, "/products?sort=newest", &[("cookie", "lv_lang=it")]).await;
    assert!(html.contains("Ordina per"));
    assert!(html.contains(r#"<html lang="it""#));

    // No such category: 404, in the shopper's language.
    let (status, html) = page(
        &app,
        "/categories/no-such-thing",
        &[("cookie", "lv_lang=fr")],
    )
    .await;
    assert_eq!(status, 404);
    assert!(html.contains("Cette page s’est éclipsée"));
}

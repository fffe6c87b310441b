//! Every table of the data model, through its SeaORM entity: insert a row with every
//! column set (enums, arrays, JSONB, decimals, vectors, inet, dates) and read it back.
//! Generated from the data model alongside the entities, then reviewed.

use entities::{prelude::*, *};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel};
use serde_json::json;

use crate::helpers::spawn_app;

fn moment() -> DateTimeWithTimeZone {
    DateTimeWithTimeZone::parse_from_rfc3339("2026-11-25T10:30:00.123456+01:00").unwrap()
}

fn embedding(dimensions: usize) -> PgVector {
    PgVector::from(
        (0..dimensions)
            .map(|i| (i % 17) as f32 / 16.0 - 0.5)
            .collect::<Vec<f32>>(),
    )
}

/// Inserts the model and reads it back by primary key; both must equal what was written.
macro_rules! round_trip {
    ($db:expr, $module:ident, $key:expr, $model:expr) => {{
        let expected = $model;
        let inserted = expected
            .clone()
            .into_active_model()
            .insert($db)
            .await
            .unwrap_or_else(|error| panic!("insert into {}: {error}", stringify!($module)));
        assert_eq!(
            inserted,
            expected,
            "{} as returned by INSERT",
            stringify!($module)
        );
        let found = $module::Entity::find_by_id($key)
            .one($db)
            .await
            .unwrap_or_else(|error| panic!("select from {}: {error}", stringify!($module)))
            .unwrap_or_else(|| panic!("{}: row not found", stringify!($module)));
        assert_eq!(found, expected, "{} as read back", stringify!($module));
    }};
}

#[tokio::test]
async fn every_table_round_trips_through_its_entity() {
    let app = spawn_app().await;
    let db = &app.db;

    let users_key = Uuid::new_v4();
    round_trip!(
        db,
        users,
        users_key,
        users::Model {
            id: users_key,
            email: "ada@example.com".to_owned(),
            email_verified: Some(moment()),
            password_hash: Some("users.password_hash ✓".to_owned()),
            name: Some("users.name ✓".to_owned()),
            avatar_url: Some("users.avatar_url ✓".to_owned()),
            phone: Some("users.phone ✓".to_owned()),
            phone_verified: Some(moment()),
            role: UserRole::SuperAdmin,
            membership_tier: MembershipTier::Obsidian,
            membership_expires_at: Some(moment()),
            preferred_currency: "EUR".to_owned(),
            preferred_language: "preferred_".to_owned(),
            timezone: "users.timezone ✓".to_owned(),
            style_profile_completed: true,
            ai_consent: true,
            personalization_level: 7,
            feature_flags: Some(json!({"column": "feature_flags", "values": [1, 2.5, null]})),
            last_login_at: Some(moment()),
            login_count: 7,
            created_at: moment(),
            updated_at: moment(),
            deleted_at: Some(moment()),
        }
    );
    let oauth_accounts_key = Uuid::new_v4();
    round_trip!(
        db,
        oauth_accounts,
        oauth_accounts_key,
        oauth_accounts::Model {
            id: oauth_accounts_key,
            user_id: users_key,
            provider: "oauth_accounts.provider ✓".to_owned(),
            provider_account_id: "oauth_accounts.provider_account_id ✓".to_owned(),
            access_token: Some("oauth_accounts.access_token ✓".to_owned()),
            refresh_token: Some("oauth_accounts.refresh_token ✓".to_owned()),
            expires_at: Some(moment()),
            token_type: Some("oauth_accounts.token_type ✓".to_owned()),
            scope: Some("oauth_accounts.scope ✓".to_owned()),
            id_token: Some("oauth_accounts.id_token ✓".to_owned()),
            session_state: Some("oauth_accounts.session_state ✓".to_owned()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let sessions_key = Uuid::new_v4();
    round_trip!(
        db,
        sessions,
        sessions_key,
        sessions::Model {
            id: sessions_key,
            user_id: users_key,
            session_token: "sessions.session_token ✓".to_owned(),
            ip_address: Some("203.0.113.7".parse().unwrap()),
            user_agent: Some("sessions.user_agent ✓".to_owned()),
            expires_at: moment(),
            created_at: moment(),
        }
    );
    let style_profiles_key = Uuid::new_v4();
    round_trip!(
        db,
        style_profiles,
        style_profiles_key,
        style_profiles::Model {
            id: style_profiles_key,
            user_id: users_key,
            style_personas: vec!["first".to_owned(), "second, with comma".to_owned()],
            favorite_colors: vec!["first".to_owned(), "second, with comma".to_owned()],
            avoided_colors: vec!["first".to_owned(), "second, with comma".to_owned()],
            preferred_brands: vec!["first".to_owned(), "second, with comma".to_owned()],
            avoided_materials: vec!["first".to_owned(), "second, with comma".to_owned()],
            measurements: Some(json!({"column": "measurements", "values": [1, 2.5, null]})),
            typical_sizes: Some(json!({"column": "typical_sizes", "values": [1, 2.5, null]})),
            min_price_preference: Some(Decimal::new(123456, 2)),
            max_price_preference: Some(Decimal::new(123456, 2)),
            sweet_spot_price: Some(Decimal::new(123456, 2)),
            style_embedding: Some(embedding(384)),
            color_embedding: Some(embedding(512)),
            brand_embedding: Some(embedding(512)),
            prefers_sustainable: true,
            prefers_exclusive: true,
            early_adopter_score: Decimal::new(125, 2),
            luxury_affinity_score: Decimal::new(125, 2),
            style_history: Some(json!({"column": "style_history", "values": [1, 2.5, null]})),
            seasonal_preferences: Some(
                json!({"column": "seasonal_preferences", "values": [1, 2.5, null]})
            ),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let ai_interactions_key = Uuid::new_v4();
    round_trip!(
        db,
        ai_interactions,
        ai_interactions_key,
        ai_interactions::Model {
            id: ai_interactions_key,
            user_id: Some(users_key),
            session_id: Some(sessions_key),
            interaction_type: AiInteractionType::SizeAdvisor,
            input_data: Some(json!({"column": "input_data", "values": [1, 2.5, null]})),
            output_data: Some(json!({"column": "output_data", "values": [1, 2.5, null]})),
            response_time_ms: Some(7),
            confidence_score: Some(Decimal::new(125, 2)),
            user_satisfaction: Some(7),
            model_version: Some("ai_interactions.model_version ✓".to_owned()),
            created_at: moment(),
        }
    );
    let categories_key = Uuid::new_v4();
    round_trip!(
        db,
        categories,
        categories_key,
        categories::Model {
            id: categories_key,
            parent_id: None,
            slug: "categories.slug ✓".to_owned(),
            name: "categories.name ✓".to_owned(),
            description: Some("categories.description ✓".to_owned()),
            image_url: Some("categories.image_url ✓".to_owned()),
            meta_title: Some("categories.meta_title ✓".to_owned()),
            meta_description: Some("categories.meta_description ✓".to_owned()),
            display_order: 7,
            is_featured: true,
            is_active: true,
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let brands_key = Uuid::new_v4();
    round_trip!(
        db,
        brands,
        brands_key,
        brands::Model {
            id: brands_key,
            slug: "brands.slug ✓".to_owned(),
            name: "brands.name ✓".to_owned(),
            logo_url: Some("brands.logo_url ✓".to_owned()),
            description: Some("brands.description ✓".to_owned()),
            story: Some("brands.story ✓".to_owned()),
            is_verified: true,
            verified_at: Some(moment()),
            sustainability_score: Some(7),
            certifications: vec!["first".to_owned(), "second, with comma".to_owned()],
            website_url: Some("brands.website_url ✓".to_owned()),
            instagram_handle: Some("brands.instagram_handle ✓".to_owned()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let products_key = Uuid::new_v4();
    round_trip!(
        db,
        products,
        products_key,
        products::Model {
            id: products_key,
            sku: "products.sku ✓".to_owned(),
            slug: "products.slug ✓".to_owned(),
            name: "products.name ✓".to_owned(),
            description: Some("products.description ✓".to_owned()),
            story: Some("products.story ✓".to_owned()),
            category_id: categories_key,
            brand_id: Some(brands_key),
            price: Decimal::new(123456, 2),
            compare_at_price: Some(Decimal::new(123456, 2)),
            cost: Some(Decimal::new(123456, 2)),
            currency: "EUR".to_owned(),
            status: ProductStatus::Archived,
            published_at: Some(moment()),
            featured_at: Some(moment()),
            ai_description: Some("products.ai_description ✓".to_owned()),
            product_embedding: Some(embedding(384)),
            color_analysis: Some(json!({"column": "color_analysis", "values": [1, 2.5, null]})),
            style_tags: vec!["first".to_owned(), "second, with comma".to_owned()],
            model_3d_url: Some("products.model_3d_url ✓".to_owned()),
            ar_enabled: true,
            virtual_try_on_enabled: true,
            meta_title: Some("products.meta_title ✓".to_owned()),
            meta_description: Some("products.meta_description ✓".to_owned()),
            materials: Some(json!({"column": "materials", "values": [1, 2.5, null]})),
            carbon_footprint: Some(Decimal::new(123456, 2)),
            recyclable: true,
            view_count: 7,
            purchase_count: 7,
            wishlist_count: 7,
            is_featured: true,
            is_exclusive: true,
            is_limited_edition: true,
            launch_date: Some(moment()),
            pre_order_enabled: true,
            pre_order_end_date: Some(moment()),
            created_at: moment(),
            updated_at: moment(),
            deleted_at: Some(moment()),
        }
    );
    let product_variants_key = Uuid::new_v4();
    round_trip!(
        db,
        product_variants,
        product_variants_key,
        product_variants::Model {
            id: product_variants_key,
            product_id: products_key,
            sku: "product_variants.sku ✓".to_owned(),
            size: Some("product_variants.size ✓".to_owned()),
            color: Some("product_variants.color ✓".to_owned()),
            material: Some("product_variants.material ✓".to_owned()),
            price: Some(Decimal::new(123456, 2)),
            compare_at_price: Some(Decimal::new(123456, 2)),
            inventory_quantity: 7,
            inventory_reserved: 7,
            low_stock_threshold: 7,
            weight_value: Some(Decimal::new(12345, 3)),
            weight_unit: "weight_uni".to_owned(),
            dimensions: Some(json!({"column": "dimensions", "values": [1, 2.5, null]})),
            is_available: true,
            available_at: Some(moment()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let product_media_key = Uuid::new_v4();
    round_trip!(
        db,
        product_media,
        product_media_key,
        product_media::Model {
            id: product_media_key,
            product_id: products_key,
            variant_id: Some(product_variants_key),
            media_type: "media_type".to_owned(),
            url: "product_media.url ✓".to_owned(),
            thumbnail_url: Some("product_media.thumbnail_url ✓".to_owned()),
            alt_text: Some("product_media.alt_text ✓".to_owned()),
            width: Some(7),
            height: Some(7),
            duration_seconds: Some(7),
            model_format: Some("model_format".to_owned()),
            file_size_bytes: Some(7_000_000_000),
            is_360_image: true,
            sequence_index: Some(7),
            display_order: 7,
            is_primary: true,
            created_at: moment(),
        }
    );
    let collections_key = Uuid::new_v4();
    round_trip!(
        db,
        collections,
        collections_key,
        collections::Model {
            id: collections_key,
            slug: "collections.slug ✓".to_owned(),
            name: "collections.name ✓".to_owned(),
            description: Some("collections.description ✓".to_owned()),
            hero_image_url: Some("collections.hero_image_url ✓".to_owned()),
            hero_video_url: Some("collections.hero_video_url ✓".to_owned()),
            color_theme: Some(json!({"column": "color_theme", "values": [1, 2.5, null]})),
            is_manual: true,
            rules: Some(json!({"column": "rules", "values": [1, 2.5, null]})),
            is_active: true,
            display_order: 7,
            featured_until: Some(moment()),
            meta_title: Some("collections.meta_title ✓".to_owned()),
            meta_description: Some("collections.meta_description ✓".to_owned()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    round_trip!(
        db,
        collection_products,
        (collections_key, products_key),
        collection_products::Model {
            collection_id: collections_key,
            product_id: products_key,
            display_order: 7,
            added_at: moment(),
        }
    );
    let carts_key = Uuid::new_v4();
    round_trip!(
        db,
        carts,
        carts_key,
        carts::Model {
            id: carts_key,
            user_id: Some(users_key),
            session_id: Some(sessions_key),
            is_abandoned: true,
            abandoned_at: Some(moment()),
            reminder_sent_at: Some(moment()),
            currency: "EUR".to_owned(),
            subtotal: Decimal::new(123456, 2),
            tax_amount: Decimal::new(123456, 2),
            shipping_amount: Decimal::new(123456, 2),
            discount_amount: Decimal::new(123456, 2),
            total: Decimal::new(123456, 2),
            coupon_code: Some("carts.coupon_code ✓".to_owned()),
            gift_card_codes: vec!["first".to_owned(), "second, with comma".to_owned()],
            expires_at: moment(),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let cart_items_key = Uuid::new_v4();
    round_trip!(
        db,
        cart_items,
        cart_items_key,
        cart_items::Model {
            id: cart_items_key,
            cart_id: carts_key,
            product_id: products_key,
            variant_id: product_variants_key,
            quantity: 7,
            price_at_time: Decimal::new(123456, 2),
            personalization: Some(json!({"column": "personalization", "values": [1, 2.5, null]})),
            added_from: Some("cart_items.added_from ✓".to_owned()),
            recommendation_score: Some(Decimal::new(125, 2)),
            added_at: moment(),
            updated_at: moment(),
        }
    );
    let wishlists_key = Uuid::new_v4();
    round_trip!(
        db,
        wishlists,
        wishlists_key,
        wishlists::Model {
            id: wishlists_key,
            user_id: users_key,
            name: "wishlists.name ✓".to_owned(),
            is_public: true,
            share_token: Some("wishlists.share_token ✓".to_owned()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let wishlist_items_key = Uuid::new_v4();
    round_trip!(
        db,
        wishlist_items,
        wishlist_items_key,
        wishlist_items::Model {
            id: wishlist_items_key,
            wishlist_id: wishlists_key,
            product_id: products_key,
            variant_id: Some(product_variants_key),
            notify_price_drop: true,
            notify_back_in_stock: true,
            price_when_added: Some(Decimal::new(123456, 2)),
            notes: Some("wishlist_items.notes ✓".to_owned()),
            added_at: moment(),
        }
    );
    let orders_key = Uuid::new_v4();
    round_trip!(
        db,
        orders,
        orders_key,
        orders::Model {
            id: orders_key,
            order_number: "order_number".to_owned(),
            user_id: users_key,
            status: OrderStatus::Returned,
            payment_status: PaymentStatus::PartiallyRefunded,
            customer_email: "orders.customer_email ✓".to_owned(),
            customer_phone: Some("orders.customer_phone ✓".to_owned()),
            currency: "EUR".to_owned(),
            subtotal: Decimal::new(123456, 2),
            tax_amount: Decimal::new(123456, 2),
            shipping_amount: Decimal::new(123456, 2),
            discount_amount: Decimal::new(123456, 2),
            total: Decimal::new(123456, 2),
            shipping_method: Some("orders.shipping_method ✓".to_owned()),
            shipping_carrier: Some("orders.shipping_carrier ✓".to_owned()),
            tracking_number: Some("orders.tracking_number ✓".to_owned()),
            estimated_delivery: Some(Date::from_ymd_opt(2026, 11, 25).unwrap()),
            delivered_at: Some(moment()),
            fraud_score: Some(Decimal::new(125, 2)),
            recommendation_influence: Some(Decimal::new(125, 2)),
            notes: Some("orders.notes ✓".to_owned()),
            admin_notes: Some("orders.admin_notes ✓".to_owned()),
            tags: vec!["first".to_owned(), "second, with comma".to_owned()],
            created_at: moment(),
            updated_at: moment(),
            cancelled_at: Some(moment()),
        }
    );
    let order_items_key = Uuid::new_v4();
    round_trip!(
        db,
        order_items,
        order_items_key,
        order_items::Model {
            id: order_items_key,
            order_id: orders_key,
            product_id: products_key,
            variant_id: product_variants_key,
            product_name: "order_items.product_name ✓".to_owned(),
            variant_title: Some("order_items.variant_title ✓".to_owned()),
            sku: "order_items.sku ✓".to_owned(),
            quantity: 7,
            unit_price: Decimal::new(123456, 2),
            total_price: Decimal::new(123456, 2),
            personalization: Some(json!({"column": "personalization", "values": [1, 2.5, null]})),
            fulfilled_quantity: 7,
            returned_quantity: 7,
            refunded_quantity: 7,
            created_at: moment(),
        }
    );
    let order_status_history_key = Uuid::new_v4();
    round_trip!(
        db,
        order_status_history,
        order_status_history_key,
        order_status_history::Model {
            id: order_status_history_key,
            order_id: orders_key,
            status: OrderStatus::Returned,
            notes: Some("order_status_history.notes ✓".to_owned()),
            created_by: Some(users_key),
            created_at: moment(),
        }
    );
    let addresses_key = Uuid::new_v4();
    round_trip!(
        db,
        addresses,
        addresses_key,
        addresses::Model {
            id: addresses_key,
            user_id: users_key,
            r#type: "addresses.type ✓".to_owned(),
            is_default: true,
            first_name: "addresses.first_name ✓".to_owned(),
            last_name: "addresses.last_name ✓".to_owned(),
            company: Some("addresses.company ✓".to_owned()),
            phone: Some("addresses.phone ✓".to_owned()),
            address_line1: "addresses.address_line1 ✓".to_owned(),
            address_line2: Some("addresses.address_line2 ✓".to_owned()),
            city: "addresses.city ✓".to_owned(),
            state_province: Some("addresses.state_province ✓".to_owned()),
            postal_code: "postal_code".to_owned(),
            country_code: "FR".to_owned(),
            latitude: Some(45.5),
            longitude: Some(9.19),
            is_validated: true,
            validated_at: Some(moment()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let payment_methods_key = Uuid::new_v4();
    round_trip!(
        db,
        payment_methods,
        payment_methods_key,
        payment_methods::Model {
            id: payment_methods_key,
            user_id: users_key,
            r#type: "payment_methods.type ✓".to_owned(),
            provider: "payment_methods.provider ✓".to_owned(),
            card_brand: Some("payment_methods.card_brand ✓".to_owned()),
            card_last4: Some("card".to_owned()),
            card_exp_month: Some(7),
            card_exp_year: Some(7),
            billing_address_id: Some(addresses_key),
            last_used_at: Some(moment()),
            last_used_ip: Some("203.0.113.7".parse().unwrap()),
            failed_attempts: 7,
            locked_until: Some(moment()),
            is_default: true,
            provider_customer_id: Some("payment_methods.provider_customer_id ✓".to_owned()),
            provider_payment_method_id: Some(
                "payment_methods.provider_payment_method_id ✓".to_owned()
            ),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let payment_transactions_key = Uuid::new_v4();
    round_trip!(
        db,
        payment_transactions,
        payment_transactions_key,
        payment_transactions::Model {
            id: payment_transactions_key,
            order_id: orders_key,
            payment_method_id: Some(payment_methods_key),
            r#type: "payment_transactions.type ✓".to_owned(),
            status: PaymentStatus::PartiallyRefunded,
            amount: Decimal::new(123456, 2),
            currency: "EUR".to_owned(),
            provider: "payment_transactions.provider ✓".to_owned(),
            provider_transaction_id: Some(
                "payment_transactions.provider_transaction_id ✓".to_owned()
            ),
            provider_response: Some(
                json!({"column": "provider_response", "values": [1, 2.5, null]})
            ),
            failure_reason: Some("payment_transactions.failure_reason ✓".to_owned()),
            processed_at: Some(moment()),
            created_at: moment(),
        }
    );
    let reviews_key = Uuid::new_v4();
    round_trip!(
        db,
        reviews,
        reviews_key,
        reviews::Model {
            id: reviews_key,
            product_id: products_key,
            user_id: users_key,
            order_item_id: Some(order_items_key),
            rating: 7,
            title: Some("reviews.title ✓".to_owned()),
            content: Some("reviews.content ✓".to_owned()),
            is_verified_purchase: true,
            helpful_count: 7,
            not_helpful_count: 7,
            sentiment_score: Some(Decimal::new(125, 2)),
            quality_score: Some(Decimal::new(125, 2)),
            status: ReviewStatus::Flagged,
            media_urls: vec!["first".to_owned(), "second, with comma".to_owned()],
            created_at: moment(),
            updated_at: moment(),
        }
    );
    round_trip!(
        db,
        review_interactions,
        (users_key, reviews_key),
        review_interactions::Model {
            user_id: users_key,
            review_id: reviews_key,
            is_helpful: true,
            created_at: moment(),
        }
    );
    let product_views_key = Uuid::new_v4();
    round_trip!(
        db,
        product_views,
        product_views_key,
        product_views::Model {
            id: product_views_key,
            product_id: products_key,
            user_id: Some(users_key),
            session_id: Some(sessions_key),
            source: Some("product_views.source ✓".to_owned()),
            search_query: Some("product_views.search_query ✓".to_owned()),
            recommendation_id: Some(Uuid::new_v4()),
            view_duration_seconds: Some(7),
            interactions: Some(json!({"column": "interactions", "values": [1, 2.5, null]})),
            created_at: moment(),
        }
    );
    let search_logs_key = Uuid::new_v4();
    round_trip!(
        db,
        search_logs,
        search_logs_key,
        search_logs::Model {
            id: search_logs_key,
            user_id: Some(users_key),
            session_id: Some(sessions_key),
            query: "search_logs.query ✓".to_owned(),
            filters: Some(json!({"column": "filters", "values": [1, 2.5, null]})),
            results_count: Some(7),
            clicked_position: Some(7),
            clicked_product_id: Some(products_key),
            response_time_ms: Some(7),
            search_method: Some("search_logs.search_method ✓".to_owned()),
            created_at: moment(),
        }
    );
    let email_campaigns_key = Uuid::new_v4();
    round_trip!(
        db,
        email_campaigns,
        email_campaigns_key,
        email_campaigns::Model {
            id: email_campaigns_key,
            name: "email_campaigns.name ✓".to_owned(),
            subject: "email_campaigns.subject ✓".to_owned(),
            r#type: "email_campaigns.type ✓".to_owned(),
            html_content: Some("email_campaigns.html_content ✓".to_owned()),
            text_content: Some("email_campaigns.text_content ✓".to_owned()),
            target_segment: Some(json!({"column": "target_segment", "values": [1, 2.5, null]})),
            status: "email_campaigns.status ✓".to_owned(),
            scheduled_at: Some(moment()),
            sent_at: Some(moment()),
            sent_count: 7,
            open_count: 7,
            click_count: 7,
            conversion_count: 7,
            revenue_generated: Decimal::new(123456, 2),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let coupons_key = Uuid::new_v4();
    round_trip!(
        db,
        coupons,
        coupons_key,
        coupons::Model {
            id: coupons_key,
            code: "coupons.code ✓".to_owned(),
            description: Some("coupons.description ✓".to_owned()),
            discount_type: "discount_type".to_owned(),
            discount_value: Decimal::new(123456, 2),
            minimum_amount: Some(Decimal::new(123456, 2)),
            applicable_products: vec![Uuid::new_v4(), Uuid::new_v4()],
            applicable_categories: vec![Uuid::new_v4(), Uuid::new_v4()],
            applicable_brands: vec![Uuid::new_v4(), Uuid::new_v4()],
            usage_limit: Some(7),
            usage_count: 7,
            usage_limit_per_user: Some(7),
            valid_from: moment(),
            valid_until: Some(moment()),
            first_purchase_only: true,
            membership_tiers: vec![MembershipTier::Sapphire, MembershipTier::Obsidian],
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let coupon_uses_key = Uuid::new_v4();
    round_trip!(
        db,
        coupon_uses,
        coupon_uses_key,
        coupon_uses::Model {
            id: coupon_uses_key,
            coupon_id: coupons_key,
            user_id: users_key,
            order_id: orders_key,
            discount_amount: Decimal::new(123456, 2),
            used_at: moment(),
        }
    );
    let notifications_key = Uuid::new_v4();
    round_trip!(
        db,
        notifications,
        notifications_key,
        notifications::Model {
            id: notifications_key,
            user_id: users_key,
            r#type: NotificationType::LiveEvent,
            title: "notifications.title ✓".to_owned(),
            message: "notifications.message ✓".to_owned(),
            order_id: Some(orders_key),
            product_id: Some(products_key),
            channels: vec!["first".to_owned(), "second, with comma".to_owned()],
            is_read: true,
            read_at: Some(moment()),
            action_url: Some("notifications.action_url ✓".to_owned()),
            action_label: Some("notifications.action_label ✓".to_owned()),
            expires_at: Some(moment()),
            created_at: moment(),
        }
    );
    let membership_transactions_key = Uuid::new_v4();
    round_trip!(
        db,
        membership_transactions,
        membership_transactions_key,
        membership_transactions::Model {
            id: membership_transactions_key,
            user_id: users_key,
            r#type: "membership_transactions.type ✓".to_owned(),
            from_tier: Some(MembershipTier::Obsidian),
            to_tier: MembershipTier::Obsidian,
            amount: Some(Decimal::new(123456, 2)),
            currency: "EUR".to_owned(),
            payment_transaction_id: Some(payment_transactions_key),
            starts_at: moment(),
            ends_at: Some(moment()),
            reason: Some("membership_transactions.reason ✓".to_owned()),
            created_at: moment(),
        }
    );
    let loyalty_points_key = Uuid::new_v4();
    round_trip!(
        db,
        loyalty_points,
        loyalty_points_key,
        loyalty_points::Model {
            id: loyalty_points_key,
            user_id: users_key,
            r#type: "loyalty_points.type ✓".to_owned(),
            points: 7,
            balance_after: 7,
            source: Some("loyalty_points.source ✓".to_owned()),
            order_id: Some(orders_key),
            expires_at: Some(moment()),
            description: Some("loyalty_points.description ✓".to_owned()),
            created_at: moment(),
        }
    );
    let inventory_transactions_key = Uuid::new_v4();
    round_trip!(
        db,
        inventory_transactions,
        inventory_transactions_key,
        inventory_transactions::Model {
            id: inventory_transactions_key,
            variant_id: product_variants_key,
            r#type: "inventory_transactions.type ✓".to_owned(),
            quantity: 7,
            balance_after: 7,
            order_item_id: Some(order_items_key),
            reason: Some("inventory_transactions.reason ✓".to_owned()),
            created_by: Some(users_key),
            created_at: moment(),
        }
    );
    let audit_logs_key = Uuid::new_v4();
    round_trip!(
        db,
        audit_logs,
        audit_logs_key,
        audit_logs::Model {
            id: audit_logs_key,
            user_id: Some(users_key),
            action: "audit_logs.action ✓".to_owned(),
            entity_type: "audit_logs.entity_type ✓".to_owned(),
            entity_id: Uuid::new_v4(),
            old_values: Some(json!({"column": "old_values", "values": [1, 2.5, null]})),
            new_values: Some(json!({"column": "new_values", "values": [1, 2.5, null]})),
            ip_address: Some("203.0.113.7".parse().unwrap()),
            user_agent: Some("audit_logs.user_agent ✓".to_owned()),
            created_at: moment(),
        }
    );
    let system_settings_key = "system_settings.key ✓".to_owned();
    round_trip!(
        db,
        system_settings,
        system_settings_key.clone(),
        system_settings::Model {
            key: system_settings_key.clone(),
            value: json!({"column": "value", "values": [1, 2.5, null]}),
            description: Some("system_settings.description ✓".to_owned()),
            updated_by: Some(users_key),
            updated_at: moment(),
        }
    );
    let virtual_closet_items_key = Uuid::new_v4();
    round_trip!(
        db,
        virtual_closet_items,
        virtual_closet_items_key,
        virtual_closet_items::Model {
            id: virtual_closet_items_key,
            user_id: users_key,
            product_id: products_key,
            variant_id: Some(product_variants_key),
            purchase_date: Some(moment()),
            order_id: Some(orders_key),
            acquisition_type: "virtual_closet_items.acquisition_type ✓".to_owned(),
            wear_count: 7,
            last_worn_date: Some(moment()),
            occasions: vec!["first".to_owned(), "second, with comma".to_owned()],
            custom_categories: vec!["first".to_owned(), "second, with comma".to_owned()],
            seasons: vec!["first".to_owned(), "second, with comma".to_owned()],
            colors: vec!["first".to_owned(), "second, with comma".to_owned()],
            cost_per_wear: Some(Decimal::new(123456, 2)),
            versatility_score: Some(Decimal::new(125, 2)),
            compatibility_scores: Some(
                json!({"column": "compatibility_scores", "values": [1, 2.5, null]})
            ),
            notes: Some("virtual_closet_items.notes ✓".to_owned()),
            rating: Some(7),
            is_active: true,
            donated_at: Some(moment()),
            sold_at: Some(moment()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let outfit_recommendations_key = Uuid::new_v4();
    round_trip!(
        db,
        outfit_recommendations,
        outfit_recommendations_key,
        outfit_recommendations::Model {
            id: outfit_recommendations_key,
            user_id: users_key,
            name: Some("outfit_recommendations.name ✓".to_owned()),
            base_product_id: products_key,
            style_score: Decimal::new(125, 2),
            occasion_tags: vec!["first".to_owned(), "second, with comma".to_owned()],
            season_tags: vec!["first".to_owned(), "second, with comma".to_owned()],
            color_harmony_score: Decimal::new(125, 2),
            liked: Some(true),
            saved: true,
            purchased: true,
            view_count: 7,
            share_count: 7,
            ai_reasoning: Some(json!({"column": "ai_reasoning", "values": [1, 2.5, null]})),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let outfit_recommendation_items_key = Uuid::new_v4();
    round_trip!(
        db,
        outfit_recommendation_items,
        outfit_recommendation_items_key,
        outfit_recommendation_items::Model {
            id: outfit_recommendation_items_key,
            recommendation_id: outfit_recommendations_key,
            product_id: products_key,
            item_type: "outfit_recommendation_items.itemType ✓".to_owned(),
            is_optional: true,
            alternative_rank: Some(7),
            match_score: Decimal::new(125, 2),
        }
    );
    let size_profiles_key = Uuid::new_v4();
    round_trip!(
        db,
        size_profiles,
        size_profiles_key,
        size_profiles::Model {
            id: size_profiles_key,
            user_id: users_key,
            measurements: json!({"column": "measurements", "values": [1, 2.5, null]}),
            measurement_unit: "measuremen".to_owned(),
            preferred_fit: "size_profiles.preferred_fit ✓".to_owned(),
            brand_sizes: Some(json!({"column": "brand_sizes", "values": [1, 2.5, null]})),
            body_type: Some("size_profiles.body_type ✓".to_owned()),
            fit_profile: Some(json!({"column": "fit_profile", "values": [1, 2.5, null]})),
            is_public: true,
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let size_recommendations_key = Uuid::new_v4();
    round_trip!(
        db,
        size_recommendations,
        size_recommendations_key,
        size_recommendations::Model {
            id: size_recommendations_key,
            size_profile_id: size_profiles_key,
            variant_id: product_variants_key,
            recommended_size: "size_recommendations.recommended_size ✓".to_owned(),
            confidence_score: Decimal::new(125, 2),
            fit_notes: Some(json!({"column": "fit_notes", "values": [1, 2.5, null]})),
            user_feedback: Some("size_recommendations.user_feedback ✓".to_owned()),
            actual_size_purchased: Some("size_recommendations.actual_size_purchased ✓".to_owned()),
            created_at: moment(),
        }
    );
    let live_shopping_events_key = Uuid::new_v4();
    round_trip!(
        db,
        live_shopping_events,
        live_shopping_events_key,
        live_shopping_events::Model {
            id: live_shopping_events_key,
            title: "live_shopping_events.title ✓".to_owned(),
            description: Some("live_shopping_events.description ✓".to_owned()),
            host_id: users_key,
            scheduled_start: moment(),
            scheduled_end: moment(),
            actual_start: Some(moment()),
            actual_end: Some(moment()),
            status: LiveEventStatus::Cancelled,
            stream_url: Some("live_shopping_events.stream_url ✓".to_owned()),
            stream_key: Some("live_shopping_events.stream_key ✓".to_owned()),
            recording_url: Some("live_shopping_events.recording_url ✓".to_owned()),
            thumbnail_url: Some("live_shopping_events.thumbnail_url ✓".to_owned()),
            banner_url: Some("live_shopping_events.banner_url ✓".to_owned()),
            chat_enabled: true,
            max_viewers: Some(7),
            viewer_count: 7,
            peak_viewers: 7,
            unique_viewers: 7,
            average_view_time: Some(7),
            total_sales: Decimal::new(123456, 2),
            conversion_rate: Some(Decimal::new(1250, 2)),
            exclusive_code: Some("live_shopping_events.exclusive_code ✓".to_owned()),
            discount_percentage: Some(7),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    round_trip!(
        db,
        live_event_products,
        (live_shopping_events_key, products_key),
        live_event_products::Model {
            event_id: live_shopping_events_key,
            product_id: products_key,
            display_order: 7,
            featured_at: Some(moment()),
            featured_duration: Some(7),
            event_price: Some(Decimal::new(123456, 2)),
            click_count: 7,
            purchase_count: 7,
        }
    );
    let live_event_participations_key = Uuid::new_v4();
    round_trip!(
        db,
        live_event_participations,
        live_event_participations_key,
        live_event_participations::Model {
            id: live_event_participations_key,
            event_id: live_shopping_events_key,
            user_id: users_key,
            joined_at: moment(),
            left_at: Some(moment()),
            watch_time_seconds: 7,
            chat_message_count: 7,
            reaction_count: 7,
            purchased_products: vec![Uuid::new_v4(), Uuid::new_v4()],
            total_spent: Decimal::new(123456, 2),
        }
    );
    let product_translations_key = Uuid::new_v4();
    round_trip!(
        db,
        product_translations,
        product_translations_key,
        product_translations::Model {
            id: product_translations_key,
            product_id: products_key,
            language_code: "language_c".to_owned(),
            name: Some("product_translations.name ✓".to_owned()),
            description: Some("product_translations.description ✓".to_owned()),
            story: Some("product_translations.story ✓".to_owned()),
            meta_title: Some("product_translations.meta_title ✓".to_owned()),
            meta_description: Some("product_translations.meta_description ✓".to_owned()),
            status: TranslationStatus::Rejected,
            is_auto_translated: true,
            translated_by: Some(Uuid::new_v4()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let category_translations_key = Uuid::new_v4();
    round_trip!(
        db,
        category_translations,
        category_translations_key,
        category_translations::Model {
            id: category_translations_key,
            category_id: categories_key,
            language_code: "language_c".to_owned(),
            name: Some("category_translations.name ✓".to_owned()),
            description: Some("category_translations.description ✓".to_owned()),
            meta_title: Some("category_translations.meta_title ✓".to_owned()),
            meta_description: Some("category_translations.meta_description ✓".to_owned()),
            status: TranslationStatus::Rejected,
            is_auto_translated: true,
            translated_by: Some(Uuid::new_v4()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let collection_translations_key = Uuid::new_v4();
    round_trip!(
        db,
        collection_translations,
        collection_translations_key,
        collection_translations::Model {
            id: collection_translations_key,
            collection_id: collections_key,
            language_code: "language_c".to_owned(),
            name: Some("collection_translations.name ✓".to_owned()),
            description: Some("collection_translations.description ✓".to_owned()),
            meta_title: Some("collection_translations.meta_title ✓".to_owned()),
            meta_description: Some("collection_translations.meta_description ✓".to_owned()),
            status: TranslationStatus::Rejected,
            is_auto_translated: true,
            translated_by: Some(Uuid::new_v4()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let brand_translations_key = Uuid::new_v4();
    round_trip!(
        db,
        brand_translations,
        brand_translations_key,
        brand_translations::Model {
            id: brand_translations_key,
            brand_id: brands_key,
            language_code: "language_c".to_owned(),
            description: Some("brand_translations.description ✓".to_owned()),
            story: Some("brand_translations.story ✓".to_owned()),
            status: TranslationStatus::Rejected,
            is_auto_translated: true,
            translated_by: Some(Uuid::new_v4()),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let feature_flags_key = "feature_flags.key ✓".to_owned();
    round_trip!(
        db,
        feature_flags,
        feature_flags_key.clone(),
        feature_flags::Model {
            key: feature_flags_key.clone(),
            enabled: true,
            rollout: Decimal::new(1250, 2),
            user_groups: vec!["first".to_owned(), "second, with comma".to_owned()],
            targeting_rules: Some(json!({"column": "targeting_rules", "values": [1, 2.5, null]})),
            description: Some("feature_flags.description ✓".to_owned()),
            metadata: Some(json!({"column": "metadata", "values": [1, 2.5, null]})),
            created_at: moment(),
            updated_at: moment(),
        }
    );
    let performance_metrics_key = Uuid::new_v4();
    round_trip!(
        db,
        performance_metrics,
        performance_metrics_key,
        performance_metrics::Model {
            id: performance_metrics_key,
            metric_type: "performance_metrics.metric_type ✓".to_owned(),
            value: Decimal::new(12345, 3),
            unit: Some("unit".to_owned()),
            page: Some("performance_metrics.page ✓".to_owned()),
            user_agent: Some("performance_metrics.user_agent ✓".to_owned()),
            metadata: Some(json!({"column": "metadata", "values": [1, 2.5, null]})),
            recorded_at: moment(),
        }
    );
}

async fn insert_user(db: &DatabaseConnection, email: &str) -> Uuid {
    users::ActiveModel {
        email: sea_orm::Set(email.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("a user with only an email is valid: the rest has defaults")
    .id
}

#[tokio::test]
async fn a_cascading_foreign_key_deletes_the_children() {
    let app = spawn_app().await;
    let db = &app.db;
    let user = insert_user(db, "cascade@example.com").await;
    oauth_accounts::ActiveModel {
        user_id: sea_orm::Set(user),
        provider: sea_orm::Set("github".to_owned()),
        provider_account_id: sea_orm::Set("42".to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();

    Users::delete_by_id(user).exec(db).await.unwrap();

    let left = OauthAccounts::find()
        .filter(oauth_accounts::Column::UserId.eq(user))
        .count(db)
        .await
        .unwrap();
    assert_eq!(left, 0, "oauth_accounts cascade with their user");
}

#[tokio::test]
async fn a_restricting_foreign_key_refuses_to_orphan_children() {
    let app = spawn_app().await;
    let db = &app.db;
    let user = insert_user(db, "restrict@example.com").await;
    let order = orders::ActiveModel {
        order_number: sea_orm::Set("LV-TEST-0001".to_owned()),
        user_id: sea_orm::Set(user),
        customer_email: sea_orm::Set("restrict@example.com".to_owned()),
        subtotal: sea_orm::Set(Decimal::new(10_000, 2)),
        total: sea_orm::Set(Decimal::new(10_000, 2)),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("an order with the required fields");

    let refused = Users::delete_by_id(user).exec(db).await;

    let error = refused.expect_err("orders.user_id restricts deleting the user");
    assert!(
        error.to_string().contains("orders_user_id_fkey"),
        "unexpected error: {error}"
    );
    assert!(Users::find_by_id(user).one(db).await.unwrap().is_some());
    assert!(
        Orders::find_by_id(order.id)
            .one(db)
            .await
            .unwrap()
            .is_some()
    );
}

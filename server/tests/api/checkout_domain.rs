//! Cart, pricing, checkout and inventory services against a real database: concurrent
//! checkouts never oversell, totals come from the database only, every coupon rule has
//! its own answer, guest bags merge on sign-in, and unpaid holds expire.

use chrono::{Duration, Utc};
use domain::Refusal;
use entities::sea_orm_active_enums::{MembershipTier, OrderStatus, PaymentStatus, UserRole};
use entities::{
    brands, cart_items, carts, coupons, inventory_transactions, loyalty_points, order_items,
    order_status_history, orders, product_variants, products, system_settings,
};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, DatabaseConnection, QueryFilter, Set, TransactionTrait};
use services::addresses::AddressForm;
use services::auth::{RequestContext, sessions};
use services::cart::{self, CartError, CartOwner, MergeOutcome};
use services::checkout::{
    self, CheckoutError, PlaceOrder, PlacedOrder, ShippingAddressInput, mark_paid,
    mark_payment_failed, place_order, shipping_address_of,
};
use services::inventory::{self, InventoryError};
use services::pricing::{
    self, CouponRejection, PricingError, QuoteLines, QuoteRequest, round_cents, shipping, tax,
};

use crate::helpers::builders::{CategoryBuilder, CouponBuilder};
use crate::helpers::{ProductBuilder, TestApp, UserBuilder, spawn_app_with};

fn d(text: &str) -> Decimal {
    text.parse().expect("a decimal literal")
}

/// A tiny catalogue: clothing > scarves, one brand, and helpers to add pieces.
struct Shop {
    app: TestApp,
    clothing: Uuid,
    scarves: Uuid,
    brand: Uuid,
}

impl Shop {
    async fn open() -> Shop {
        Shop::open_with(&[]).await
    }

    /// With extra settings, e.g. the reservation sweeper's.
    async fn open_with(settings: &[(&str, &str)]) -> Shop {
        let app = spawn_app_with(
            settings
                .iter()
                .map(|(name, value)| (String::from(*name), String::from(*value)))
                .collect(),
        )
        .await;
        let clothing = CategoryBuilder::new("clothing").insert(&app.db).await.id;
        let scarves = CategoryBuilder::new("scarves")
            .parent(clothing)
            .insert(&app.db)
            .await
            .id;
        let brand = brands::ActiveModel {
            id: Set(Uuid::new_v4()),
            slug: Set("maison-test".into()),
            name: Set("Maison Test".into()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap()
        .id;
        Shop {
            app,
            clothing,
            scarves,
            brand,
        }
    }

    fn db(&self) -> &DatabaseConnection {
        &self.app.db
    }

    /// An active product with one variant of `stock` units; returns the variant.
    async fn piece(
        &self,
        name: &str,
        price: &str,
        stock: i32,
        category: Uuid,
        brand: Option<Uuid>,
    ) -> product_variants::Model {
        ProductBuilder::new(name, price)
            .stock(stock)
            .category(category)
            .brand(brand)
            .insert(self.db())
            .await
    }

    async fn shopper(&self, tier: MembershipTier) -> Uuid {
        UserBuilder::new().customer(tier).insert(self.db()).await.id
    }

    /// A guest's session id.
    async fn guest(&self) -> Uuid {
        let (guest, token) = sessions::start_guest(self.db(), &RequestContext::default())
            .await
            .unwrap();
        let (session, user) = sessions::resolve(self.db(), &token)
            .await
            .unwrap()
            .expect("a live session");
        assert_eq!((user.id, user.role), (guest.id, UserRole::Guest));
        session.id
    }

    async fn coupon(
        &self,
        code: &str,
        kind: &str,
        value: &str,
        edit: impl FnOnce(&mut coupons::ActiveModel),
    ) {
        CouponBuilder::new(code, kind, value)
            .description(&format!("{code} test coupon"))
            .edit(edit)
            .insert(self.db())
            .await;
    }

    async fn add(&self, owner: CartOwner, variant: &product_variants::Model, quantity: i32) {
        cart::add_item(self.db(), owner, variant.id, quantity, Some("test"))
            .await
            .unwrap();
    }

    async fn variant(&self, id: Uuid) -> product_variants::Model {
        product_variants::Entity::find_by_id(id)
            .one(self.db())
            .await
            .unwrap()
            .unwrap()
    }

    async fn quote(
        &self,
        owner: CartOwner,
        country: &str,
        coupon: Option<&str>,
        user: Option<Uuid>,
    ) -> Result<pricing::Totals, PricingError> {
        let cart = cart::find_cart(self.db(), owner)
            .await
            .unwrap()
            .expect("a cart");
        pricing::quote(
            self.db(),
            &QuoteRequest {
                lines: QuoteLines::Cart(cart.id),
                destination_country: Some(country.into()),
                shipping_method: None,
                coupon_code: coupon.map(str::to_string),
                user_id: user,
            },
        )
        .await
    }

    async fn rejection(&self, owner: CartOwner, code: &str, user: Option<Uuid>) -> CouponRejection {
        match self.quote(owner, "US", Some(code), user).await {
            Err(PricingError::Coupon(rejection)) => rejection,
            other => panic!("{code} should be refused, got {other:?}"),
        }
    }

    async fn ledger(&self, variant: Uuid) -> Vec<inventory_transactions::Model> {
        inventory_transactions::Entity::find()
            .filter(inventory_transactions::Column::VariantId.eq(variant))
            .all(self.db())
            .await
            .unwrap()
    }

    async fn order(&self, id: Uuid) -> orders::Model {
        orders::Entity::find_by_id(id)
            .one(self.db())
            .await
            .unwrap()
            .unwrap()
    }
}

fn address(country: &str) -> AddressForm {
    AddressForm {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        phone: "+44 20 7946 0000".into(),
        address_line1: "12 St James's Square".into(),
        city: "London".into(),
        postal_code: "sw1y 4jh".into(),
        country_code: country.into(),
        ..Default::default()
    }
}

fn order_for(owner: CartOwner, country: &str, coupon: Option<&str>) -> PlaceOrder {
    PlaceOrder {
        cart: owner,
        contact_email: "Ada@Example.com".into(),
        shipping_address: ShippingAddressInput::New(Box::new(address(country))),
        shipping_method: None,
        coupon_code: coupon.map(str::to_string),
        context: Default::default(),
    }
}

async fn pay(db: &DatabaseConnection, order: Uuid) -> checkout::PaidOrder {
    let txn = db.begin().await.unwrap();
    let paid = mark_paid(&txn, order).await.unwrap();
    txn.commit().await.unwrap();
    paid
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_checkouts_sell_exactly_the_seven_in_stock() {
    let shop = Shop::open().await;
    let bag = shop
        .piece("Last Silk Scarf", "180.00", 7, shop.scarves, None)
        .await;
    let mut owners = Vec::new();
    for _ in 0..50 {
        let owner = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
        shop.add(owner, &bag, 1).await;
        owners.push(owner);
    }
    // A pool wide enough that the checkouts really race on the row lock.
    let pool = server::database::connect(&shop.app.db_url, 25)
        .await
        .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for (n, owner) in owners.into_iter().enumerate() {
        let pool = pool.clone();
        // Fifty different shoppers (one address each: unpaid orders are capped per email).
        let order = PlaceOrder {
            contact_email: format!("shopper{n}@example.test"),
            ..order_for(owner, "US", None)
        };
        tasks.spawn(async move { place_order(&pool, order).await });
    }
    let (mut placed, mut sold_out): (Vec<PlacedOrder>, Vec<String>) = (Vec::new(), Vec::new());
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(order) => placed.push(order),
            Err(error @ CheckoutError::SoldOut { .. }) => sold_out.push(error.to_string()),
            Err(other) => panic!("unexpected checkout error: {other:?}"),
        }
    }
    assert_eq!(placed.len(), 7);
    assert_eq!(sold_out.len(), 43);
    assert!(
        sold_out
            .iter()
            .all(|message| message.contains("Last Silk Scarf has just sold out")),
        "{sold_out:?}"
    );
    let held = shop.variant(bag.id).await;
    assert_eq!((held.inventory_quantity, held.inventory_reserved), (7, 7));
    assert_eq!(
        orders::Entity::find().count(shop.db()).await.unwrap(),
        7,
        "losers leave nothing behind"
    );

    for order in &placed {
        assert!(pay(&pool, order.order_id).await.newly_paid);
    }
    let sold = shop.variant(bag.id).await;
    assert_eq!((sold.inventory_quantity, sold.inventory_reserved), (0, 0));
    let ledger = shop.ledger(bag.id).await;
    assert_eq!(
        ledger
            .iter()
            .filter(|row| row.r#type == inventory::KIND_RESERVE)
            .count(),
        7
    );
    assert_eq!(
        ledger
            .iter()
            .filter(|row| row.r#type == inventory::KIND_SALE)
            .count(),
        7
    );
    let change = (sold.inventory_quantity - sold.inventory_reserved)
        - (bag.inventory_quantity - bag.inventory_reserved);
    assert_eq!(ledger.iter().map(|row| row.quantity).sum::<i32>(), change);
    assert_eq!(change, -7);
    assert!(
        ledger
            .iter()
            .all(|row| row.balance_after >= 0 && row.order_item_id.is_some())
    );
    for order in &placed {
        let row = shop.order(order.order_id).await;
        assert_eq!(
            (row.status, row.payment_status),
            (OrderStatus::Confirmed, PaymentStatus::Completed)
        );
        // Paying twice changes nothing.
        assert!(!pay(&pool, order.order_id).await.newly_paid);
    }
    assert_eq!(shop.ledger(bag.id).await.len(), 14);
    let numbers: std::collections::HashSet<_> =
        placed.iter().map(|o| o.order_number.clone()).collect();
    assert_eq!(numbers.len(), 7);
    assert!(
        numbers
            .iter()
            .all(|n| n.len() == 14 && n.starts_with(&format!("LV-{}-", Utc::now().format("%Y"))))
    );
}

#[tokio::test]
async fn totals_come_from_the_database_with_shipping_tax_and_cent_rounding() {
    let shop = Shop::open().await;
    let scarf = shop
        .piece("Cashmere Scarf", "33.33", 20, shop.scarves, None)
        .await;
    let coat = shop
        .piece("Camel Coat", "120.00", 10, shop.clothing, None)
        .await;
    let owner = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
    shop.add(owner, &scarf, 3).await;

    // US: 99.99 + 15.00 standard shipping + 8.75 % of 99.99 (8.749125 -> 8.75), shipping untaxed.
    let us = shop.quote(owner, "US", None, None).await.unwrap();
    assert_eq!(
        (us.subtotal, us.shipping, us.tax, us.total),
        (d("99.99"), d("15.00"), d("8.75"), d("123.74"))
    );
    assert_eq!(us.currency, "USD");
    // France: 20 % of (99.99 + 15.00) = 22.998 -> 23.00.
    let fr = shop.quote(owner, "FR", None, None).await.unwrap();
    assert_eq!((fr.tax, fr.total), (d("23.00"), d("137.99")));
    // Hong Kong: no tax in the table.
    assert_eq!(
        shop.quote(owner, "HK", None, None).await.unwrap().tax,
        d("0")
    );
    // Express and an unknown or unavailable method.
    let cart_id = cart::find_cart(shop.db(), owner).await.unwrap().unwrap().id;
    let request = |country: &str, method: &str| QuoteRequest {
        lines: QuoteLines::Cart(cart_id),
        destination_country: Some(country.into()),
        shipping_method: Some(method.into()),
        coupon_code: None,
        user_id: None,
    };
    assert_eq!(
        pricing::quote(shop.db(), &request("US", "express"))
            .await
            .unwrap()
            .shipping,
        d("35.00")
    );
    let refused = pricing::quote(shop.db(), &request("DE", "courier"))
        .await
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Same-day courier delivery is not available to DE. Please choose another option."
    );
    assert!(matches!(
        pricing::quote(shop.db(), &request("ZZ", "standard")).await,
        Err(PricingError::UnsupportedCountry { .. })
    ));

    // Free standard shipping from 500.00 of merchandise: 3 x 33.33 + 4 x 120.00 = 579.99.
    shop.add(owner, &coat, 4).await;
    let free = shop.quote(owner, "US", None, None).await.unwrap();
    assert_eq!((free.subtotal, free.shipping), (d("579.99"), d("0")));
    // 15 % of 579.99 = 86.9985 -> 87.00; free shipping is judged after the discount
    // (492.99 < 500), so shipping comes back.
    shop.coupon("ROUND15", "percentage", "15", |_| {}).await;
    let discounted = shop
        .quote(owner, "US", Some("round15"), None)
        .await
        .unwrap();
    assert_eq!(
        (discounted.discount, discounted.shipping),
        (d("87.00"), d("15.00"))
    );
    assert_eq!(discounted.tax, round_cents(d("492.99") * d("0.0875")));
    assert_eq!(
        discounted.total,
        discounted.subtotal - discounted.discount + discounted.shipping + discounted.tax
    );

    // What a tampering client could have stored is ignored: the bag's cached totals and
    // price_at_time never reach the order.
    carts::Entity::update_many()
        .col_expr(carts::Column::Total, Expr::value(d("1.00")))
        .col_expr(carts::Column::Subtotal, Expr::value(d("1.00")))
        .filter(carts::Column::Id.eq(cart_id))
        .exec(shop.db())
        .await
        .unwrap();
    cart_items::Entity::update_many()
        .col_expr(cart_items::Column::PriceAtTime, Expr::value(d("0.01")))
        .filter(cart_items::Column::CartId.eq(cart_id))
        .exec(shop.db())
        .await
        .unwrap();
    let placed = place_order(shop.db(), order_for(owner, "US", Some("ROUND15")))
        .await
        .unwrap();
    let order = shop.order(placed.order_id).await;
    assert_eq!(
        (
            order.subtotal,
            order.discount_amount,
            order.shipping_amount,
            order.tax_amount,
            order.total
        ),
        (
            d("579.99"),
            d("87.00"),
            d("15.00"),
            discounted.tax,
            discounted.total
        )
    );
    assert_eq!(order.customer_email, "ada@example.com");
    assert_eq!(order.customer_phone.as_deref(), Some("+442079460000"));
    assert_eq!(order.shipping_method.as_deref(), Some("standard"));
    let snapshot = shipping_address_of(&order).unwrap();
    assert_eq!(
        (snapshot.city.as_str(), snapshot.postal_code.as_str()),
        ("London", "SW1Y 4JH")
    );
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order.id))
        .all(shop.db())
        .await
        .unwrap();
    let scarf_item = items
        .iter()
        .find(|item| item.variant_id == scarf.id)
        .unwrap();
    assert_eq!(
        (
            scarf_item.product_name.as_str(),
            scarf_item.variant_title.as_deref(),
            scarf_item.unit_price,
            scarf_item.total_price
        ),
        ("Cashmere Scarf", Some("M"), d("33.33"), d("99.99"))
    );
    let history = order_status_history::Entity::find()
        .filter(order_status_history::Column::OrderId.eq(order.id))
        .all(shop.db())
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (order.status, history[0].status),
        (OrderStatus::Pending, OrderStatus::Pending)
    );
    let coupon = coupons::Entity::find()
        .filter(coupons::Column::Code.eq("ROUND15"))
        .one(shop.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(coupon.usage_count, 1);
}

#[tokio::test]
async fn each_coupon_kind_takes_off_what_it_says() {
    let shop = Shop::open().await;
    let scarf = shop
        .piece("Silk Scarf", "80.00", 10, shop.scarves, Some(shop.brand))
        .await;
    let coat = shop
        .piece("Wool Coat", "400.00", 10, shop.clothing, None)
        .await;
    let user = shop.shopper(MembershipTier::Diamond).await;
    let owner = CartOwner::User(user);
    shop.add(owner, &scarf, 1).await;
    shop.add(owner, &coat, 1).await;
    let coat_product = shop.variant(coat.id).await.product_id;

    shop.coupon("TEN", "percentage", "10", |_| {}).await;
    shop.coupon("FIFTY", "fixed", "50", |c| {
        c.minimum_amount = Set(Some(d("450")))
    })
    .await;
    shop.coupon("HUGE", "fixed", "1000", |c| {
        c.applicable_categories = Set(vec![shop.scarves])
    })
    .await;
    // The parent category covers its subcategory.
    shop.coupon("CLOTHES5", "percentage", "5", |c| {
        c.applicable_categories = Set(vec![shop.clothing])
    })
    .await;
    shop.coupon("BRAND20", "percentage", "20", |c| {
        c.applicable_brands = Set(vec![shop.brand])
    })
    .await;
    shop.coupon("COAT25", "percentage", "25", |c| {
        c.applicable_products = Set(vec![coat_product])
    })
    .await;
    shop.coupon("DIAMOND", "percentage", "12.5", |c| {
        c.membership_tiers = Set(vec![MembershipTier::Diamond]);
        c.first_purchase_only = Set(true);
        c.usage_limit_per_user = Set(Some(1));
        c.usage_limit = Set(Some(10));
    })
    .await;

    let discount = |code: &'static str| {
        let shop = &shop;
        async move {
            let totals = shop
                .quote(owner, "US", Some(code), Some(user))
                .await
                .unwrap();
            assert_eq!(totals.coupon.as_ref().unwrap().code, code);
            totals.discount
        }
    };
    assert_eq!(discount("TEN").await, d("48.00"));
    assert_eq!(discount("FIFTY").await, d("50.00"));
    assert_eq!(
        discount("HUGE").await,
        d("80.00"),
        "capped at the eligible scarf"
    );
    assert_eq!(discount("CLOTHES5").await, d("24.00"));
    assert_eq!(discount("BRAND20").await, d("16.00"));
    assert_eq!(discount("COAT25").await, d("100.00"));
    assert_eq!(discount("DIAMOND").await, d("60.00"));
    // Codes match whatever their case, stored or typed.
    shop.coupon("spring", "fixed", "7.5", |_| {}).await;
    assert_eq!(
        shop.quote(owner, "US", Some("SPRING"), None)
            .await
            .unwrap()
            .discount,
        d("7.50")
    );
    // Lower-case and padded codes are the same code.
    assert_eq!(
        shop.quote(owner, "US", Some("  ten "), None)
            .await
            .unwrap()
            .discount,
        d("48.00")
    );
}

#[tokio::test]
async fn each_coupon_rejection_has_its_own_reason() {
    let shop = Shop::open().await;
    let scarf = shop
        .piece("Silk Scarf", "80.00", 10, shop.scarves, None)
        .await;
    let owner_id = shop.shopper(MembershipTier::Pearl).await;
    let owner = CartOwner::User(owner_id);
    shop.add(owner, &scarf, 1).await;
    let guest = CartOwner::Session(shop.guest().await);
    shop.add(guest, &scarf, 1).await;

    shop.coupon("LATER", "percentage", "10", |c| {
        c.valid_from = Set((Utc::now() + Duration::days(3)).into())
    })
    .await;
    shop.coupon("GONE", "percentage", "10", |c| {
        c.valid_from = Set((Utc::now() - Duration::days(30)).into());
        c.valid_until = Set(Some((Utc::now() - Duration::days(2)).into()));
    })
    .await;
    shop.coupon("SPENT", "fixed", "10", |c| {
        c.usage_limit = Set(Some(100));
        c.usage_count = Set(100);
    })
    .await;
    shop.coupon("MEMBERS", "percentage", "10", |c| {
        c.membership_tiers = Set(vec![MembershipTier::Diamond, MembershipTier::Obsidian]);
    })
    .await;
    shop.coupon("WELCOME", "percentage", "10", |c| {
        c.first_purchase_only = Set(true)
    })
    .await;
    shop.coupon("ONCE", "fixed", "5", |c| {
        c.usage_limit_per_user = Set(Some(1))
    })
    .await;
    shop.coupon("COATS", "percentage", "10", |c| {
        c.applicable_categories = Set(vec![Uuid::new_v4()])
    })
    .await;
    shop.coupon("BIG", "fixed", "50", |c| {
        c.minimum_amount = Set(Some(d("500")))
    })
    .await;

    let user = Some(owner_id);
    assert_eq!(
        shop.rejection(owner, "NOPE", user).await.to_string(),
        "We do not recognise the code NOPE. Check the spelling and try again."
    );
    assert!(matches!(
        shop.rejection(owner, "LATER", user).await,
        CouponRejection::NotYetValid { .. }
    ));
    assert!(
        shop.rejection(owner, "GONE", user)
            .await
            .to_string()
            .starts_with("The code GONE expired on ")
    );
    assert_eq!(
        shop.rejection(owner, "SPENT", user).await.to_string(),
        "The code SPENT has been fully redeemed."
    );
    assert_eq!(
        shop.rejection(guest, "ONCE", None).await.to_string(),
        "Sign in to use the code ONCE."
    );
    assert_eq!(
        shop.rejection(owner, "MEMBERS", user).await.to_string(),
        "The code MEMBERS is reserved for Diamond and Obsidian members."
    );
    assert_eq!(
        shop.rejection(owner, "COATS", user).await.to_string(),
        "The code COATS does not apply to any piece in your bag."
    );
    assert_eq!(
        shop.rejection(owner, "BIG", user).await.to_string(),
        "The code BIG needs a subtotal of 500.00 USD; add 420.00 USD more to use it."
    );

    // A paid order makes WELCOME unavailable; using ONCE once exhausts it.
    shop.quote(owner, "US", Some("WELCOME"), user)
        .await
        .unwrap();
    let first = place_order(shop.db(), order_for(owner, "US", Some("ONCE")))
        .await
        .unwrap();
    pay(shop.db(), first.order_id).await;
    shop.add(owner, &scarf, 1).await;
    assert_eq!(
        shop.rejection(owner, "WELCOME", user).await.to_string(),
        "The code WELCOME is only for a first order."
    );
    assert_eq!(
        shop.rejection(owner, "ONCE", user).await.to_string(),
        "You have already used the code ONCE the maximum number of times (1)."
    );
    // Checkout gives the same answer, on the coupon field, and writes nothing.
    let orders_before = orders::Entity::find().count(shop.db()).await.unwrap();
    let refused = place_order(shop.db(), order_for(owner, "US", Some("ONCE")))
        .await
        .unwrap_err();
    assert_eq!(refused.field(), Some(checkout::CheckoutField::Coupon));
    assert_eq!(
        orders::Entity::find().count(shop.db()).await.unwrap(),
        orders_before
    );
}

#[tokio::test]
async fn the_guest_bag_merges_into_the_shoppers_on_sign_in() {
    let shop = Shop::open().await;
    let gloves = shop
        .piece("Leather Gloves", "95.00", 10, shop.clothing, None)
        .await;
    let belt = shop
        .piece("Suede Belt", "150.00", 4, shop.clothing, None)
        .await;
    let brooch = shop
        .piece("Pearl Brooch", "300.00", 1, shop.clothing, None)
        .await;
    let session = shop.guest().await;
    let guest = CartOwner::Session(session);
    shop.add(guest, &gloves, 2).await;
    shop.add(guest, &belt, 3).await;
    shop.add(guest, &brooch, 1).await;
    let user = shop.shopper(MembershipTier::Pearl).await;
    shop.add(CartOwner::User(user), &belt, 2).await;
    // Someone else buys the last brooch meanwhile.
    product_variants::Entity::update_many()
        .col_expr(product_variants::Column::InventoryQuantity, Expr::value(0))
        .filter(product_variants::Column::Id.eq(brooch.id))
        .exec(shop.db())
        .await
        .unwrap();

    let changes = cart::merge_guest_cart(shop.db(), session, user)
        .await
        .unwrap();
    let outcomes: Vec<_> = changes
        .iter()
        .map(|c| (c.product_name.as_str(), c.outcome.clone()))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("Leather Gloves", MergeOutcome::Added { quantity: 2 }),
            (
                "Suede Belt",
                MergeOutcome::Capped {
                    requested: 5,
                    kept: 4
                }
            ),
            ("Pearl Brooch", MergeOutcome::SoldOut),
        ]
    );
    assert_eq!(
        changes[1].message(),
        "Suede Belt (M): you had 5 across both bags, but only 4 can be kept, so your bag now has 4."
    );
    assert_eq!(changes.iter().filter(|c| c.is_notable()).count(), 2);
    let bag = cart::view(shop.db(), CartOwner::User(user)).await.unwrap();
    let quantities: Vec<_> = bag
        .lines
        .iter()
        .map(|l| (l.product_name.as_str(), l.quantity))
        .collect();
    assert_eq!(quantities, vec![("Suede Belt", 4), ("Leather Gloves", 2)]);
    assert_eq!(bag.subtotal, d("790.00"));
    assert!(
        cart::find_cart(shop.db(), guest).await.unwrap().is_none(),
        "the guest cart is gone"
    );
    assert!(
        cart::merge_guest_cart(shop.db(), session, user)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_bag_caps_quantities_by_stock_and_reports_price_changes() {
    let shop = Shop::open().await;
    let bag_piece = shop
        .piece("Evening Bag", "250.00", 3, shop.clothing, None)
        .await;
    let owner = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
    shop.add(owner, &bag_piece, 2).await;
    let error = cart::add_item(shop.db(), owner, bag_piece.id, 2, None)
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Only 3 of Evening Bag available, and your bag already has 2."
    );
    assert!(matches!(
        cart::add_item(shop.db(), owner, bag_piece.id, 0, None).await,
        Err(CartError::InvalidQuantity)
    ));
    assert!(matches!(
        cart::add_item(shop.db(), owner, Uuid::new_v4(), 1, None).await,
        Err(CartError::UnknownVariant)
    ));

    // Stock held by someone else's pending order counts as gone.
    product_variants::Entity::update_many()
        .col_expr(product_variants::Column::InventoryReserved, Expr::value(1))
        .filter(product_variants::Column::Id.eq(bag_piece.id))
        .exec(shop.db())
        .await
        .unwrap();
    let view = cart::view(shop.db(), owner).await.unwrap();
    let line = &view.lines[0];
    assert_eq!((line.available, line.problem.as_ref()), (2, None));
    let raised = cart::set_quantity(shop.db(), owner, line.item_id, 3)
        .await
        .unwrap_err();
    assert_eq!(
        raised.to_string(),
        "Only 2 of Evening Bag available, and your bag already has 2."
    );

    // The price moves: the bag charges the new price and says so until accepted.
    products::Entity::update_many()
        .col_expr(products::Column::Price, Expr::value(d("199.50")))
        .filter(products::Column::Id.eq(bag_piece.product_id))
        .exec(shop.db())
        .await
        .unwrap();
    let view = cart::view(shop.db(), owner).await.unwrap();
    let change = view.lines[0].price_change.expect("a price change");
    assert_eq!((change.old, change.new), (d("250.00"), d("199.50")));
    assert_eq!(
        change.message("Evening Bag"),
        "The price of Evening Bag has dropped from 250.00 to 199.50."
    );
    assert_eq!(view.subtotal, d("399.00"));
    assert!(view.has_price_changes());
    let accepted = cart::accept_current_prices(shop.db(), owner).await.unwrap();
    assert!(!accepted.has_price_changes());
    assert_eq!(accepted.lines[0].price_at_time, d("199.50"));

    let emptied = cart::remove_item(shop.db(), owner, accepted.lines[0].item_id)
        .await
        .unwrap();
    assert!(emptied.lines.is_empty());
    let empty = place_order(shop.db(), order_for(owner, "US", None))
        .await
        .unwrap_err();
    assert!(matches!(empty, CheckoutError::EmptyCart), "{empty:?}");
}

#[tokio::test]
async fn checkout_checks_the_address_field_by_field() {
    let shop = Shop::open().await;
    let piece = shop
        .piece("Silk Tie", "90.00", 5, shop.clothing, None)
        .await;
    let owner = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
    shop.add(owner, &piece, 1).await;
    let mut request = order_for(owner, "US", None);
    request.shipping_address = ShippingAddressInput::New(Box::new(AddressForm {
        city: " ".into(),
        postal_code: "<script>".into(),
        country_code: "XX".into(),
        ..address("US")
    }));
    let Err(CheckoutError::InvalidAddress(issues)) = place_order(shop.db(), request).await else {
        panic!("the address is refused");
    };
    let fields: Vec<_> = issues.iter().map(|(field, _)| field.as_str()).collect();
    assert_eq!(fields, vec!["city", "postal_code", "country_code"]);
    let mut request = order_for(owner, "US", None);
    request.contact_email = "not-an-email".into();
    assert!(matches!(
        place_order(shop.db(), request).await,
        Err(CheckoutError::InvalidEmail(_))
    ));
    let mut request = order_for(owner, "US", None);
    request.shipping_address = ShippingAddressInput::Saved(Uuid::new_v4());
    assert!(matches!(
        place_order(shop.db(), request).await,
        Err(CheckoutError::AddressNotFound)
    ));
    assert_eq!(orders::Entity::find().count(shop.db()).await.unwrap(), 0);
}

#[tokio::test]
async fn failed_payments_release_stock_and_paid_orders_earn_points() {
    let shop = Shop::open().await;
    let piece = shop
        .piece("Velvet Jacket", "420.40", 2, shop.clothing, None)
        .await;
    let user = shop.shopper(MembershipTier::Pearl).await;
    let owner = CartOwner::User(user);
    shop.add(owner, &piece, 2).await;
    let placed = place_order(shop.db(), order_for(owner, "US", None))
        .await
        .unwrap();
    assert_eq!(shop.variant(piece.id).await.inventory_reserved, 2);

    let txn = shop.db().begin().await.unwrap();
    assert!(mark_payment_failed(&txn, placed.order_id).await.unwrap());
    txn.commit().await.unwrap();
    let released = shop.variant(piece.id).await;
    assert_eq!(
        (released.inventory_quantity, released.inventory_reserved),
        (2, 0)
    );
    let order = shop.order(placed.order_id).await;
    assert_eq!(
        (order.status, order.payment_status),
        (OrderStatus::PaymentFailed, PaymentStatus::Failed)
    );
    // Releasing again is a no-op.
    let txn = shop.db().begin().await.unwrap();
    inventory::release_reservation(&txn, placed.order_id)
        .await
        .unwrap();
    assert!(!mark_payment_failed(&txn, placed.order_id).await.unwrap());
    txn.commit().await.unwrap();
    assert_eq!(shop.ledger(piece.id).await.len(), 2);

    // A retry succeeds: stock is held again and sold; 840.80 of merchandise earns 840 points.
    let paid = pay(shop.db(), placed.order_id).await;
    assert_eq!((paid.newly_paid, paid.points_awarded), (true, 840));
    let sold = shop.variant(piece.id).await;
    assert_eq!((sold.inventory_quantity, sold.inventory_reserved), (0, 0));
    assert_eq!(
        shop.ledger(piece.id)
            .await
            .iter()
            .map(|r| r.quantity)
            .sum::<i32>(),
        -2
    );
    // A late failure never moves a paid order backwards.
    let txn = shop.db().begin().await.unwrap();
    assert!(!mark_payment_failed(&txn, placed.order_id).await.unwrap());
    txn.commit().await.unwrap();
    assert_eq!(
        shop.order(placed.order_id).await.status,
        OrderStatus::Confirmed
    );
    let statuses: Vec<OrderStatus> = order_status_history::Entity::find()
        .filter(order_status_history::Column::OrderId.eq(placed.order_id))
        .all(shop.db())
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.status)
        .collect();
    assert_eq!(statuses.len(), 3);
    assert!(
        statuses.contains(&OrderStatus::PaymentFailed)
            && statuses.contains(&OrderStatus::Confirmed)
    );
    // The bought piece left the bag.
    assert!(cart::view(shop.db(), owner).await.unwrap().lines.is_empty());

    // A second paid order continues the points balance.
    let scarf = shop.piece("Scarf", "99.99", 5, shop.scarves, None).await;
    shop.add(owner, &scarf, 1).await;
    let second = place_order(shop.db(), order_for(owner, "US", None))
        .await
        .unwrap();
    assert_eq!(pay(shop.db(), second.order_id).await.points_awarded, 99);
    let points = loyalty_points::Entity::find()
        .filter(loyalty_points::Column::UserId.eq(user))
        .all(shop.db())
        .await
        .unwrap();
    let mut balances: Vec<i32> = points.iter().map(|p| p.balance_after).collect();
    balances.sort();
    assert_eq!(balances, vec![840, 939]);
}

#[tokio::test]
async fn unpaid_holds_expire_and_their_orders_are_cancelled() {
    let shop = Shop::open().await;
    let piece = shop
        .piece("Linen Shirt", "130.00", 5, shop.clothing, None)
        .await;
    shop.coupon("HOLD", "fixed", "10", |c| c.usage_limit = Set(Some(5)))
        .await;
    let guest = CartOwner::Session(shop.guest().await);
    shop.add(guest, &piece, 2).await;
    let stale = place_order(shop.db(), order_for(guest, "GB", Some("HOLD")))
        .await
        .unwrap();
    let other = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
    shop.add(other, &piece, 1).await;
    let fresh = place_order(shop.db(), order_for(other, "GB", None))
        .await
        .unwrap();
    assert_eq!(shop.variant(piece.id).await.inventory_reserved, 3);
    orders::Entity::update_many()
        .col_expr(
            orders::Column::CreatedAt,
            Expr::value(Utc::now() - Duration::minutes(45)),
        )
        .filter(orders::Column::Id.eq(stale.order_id))
        .exec(shop.db())
        .await
        .unwrap();

    assert_eq!(
        inventory::release_expired(shop.db(), Duration::minutes(30))
            .await
            .unwrap(),
        1
    );
    let variant = shop.variant(piece.id).await;
    assert_eq!(
        (variant.inventory_quantity, variant.inventory_reserved),
        (5, 1)
    );
    let cancelled = shop.order(stale.order_id).await;
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    assert!(cancelled.cancelled_at.is_some());
    assert_eq!(
        shop.order(fresh.order_id).await.status,
        OrderStatus::Pending
    );
    let coupon = coupons::Entity::find()
        .filter(coupons::Column::Code.eq("HOLD"))
        .one(shop.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(coupon.usage_count, 0, "the coupon use is given back");
    // Running again finds nothing; a cancelled order cannot be paid.
    assert_eq!(
        inventory::release_expired(shop.db(), Duration::minutes(30))
            .await
            .unwrap(),
        0
    );
    let txn = shop.db().begin().await.unwrap();
    let refused = mark_paid(&txn, stale.order_id).await.unwrap_err();
    assert_eq!(
        refused.to_string(),
        "This order was cancelled and can no longer be paid."
    );
    txn.rollback().await.unwrap();
    let ledger = shop.ledger(piece.id).await;
    assert_eq!(ledger.iter().map(|r| r.quantity).sum::<i32>(), -1);

    // reserve refuses lines that are not in the order, and more than is available.
    let txn = shop.db().begin().await.unwrap();
    let short = inventory::reserve(&txn, fresh.order_id, &[(piece.id, 5)])
        .await
        .unwrap_err();
    assert!(
        matches!(short, InventoryError::SoldOut { available: 4, .. }),
        "{short:?}"
    );
    assert_eq!(
        short.to_string(),
        format!("Sorry, only 4 of {} left.", piece.sku)
    );
    txn.rollback().await.unwrap();
}

/// A commerce settings row as migration 16 stored it.
async fn stored_setting(db: &DatabaseConnection, key: &str) -> system_settings::Model {
    system_settings::Entity::find_by_id(key.to_string())
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("migration 16 stores {key}"))
}

/// Migration 16 is the one source of the shipping methods, the tax table and the loyalty
/// rule: on a migrated database the three rows parse to what the store charges and earns.
#[tokio::test]
async fn the_commerce_settings_migration_stores_shipping_tax_and_loyalty() {
    let shop = Shop::open().await;
    let methods = shipping::parse_methods(
        &stored_setting(shop.db(), shipping::SHIPPING_METHODS_KEY)
            .await
            .value,
    )
    .unwrap();
    assert_eq!(
        methods
            .iter()
            .map(|method| method.code.as_str())
            .collect::<Vec<_>>(),
        ["standard", "express", "courier"]
    );
    let standard = shipping::choose(&methods, "FR", None).unwrap();
    assert_eq!(
        (standard.code.as_str(), standard.rate, standard.free_over),
        ("standard", d("15.00"), Some(d("500.00")))
    );
    assert_eq!(standard.fee_for(d("499.99")), d("15.00"));
    assert_eq!(standard.fee_for(d("500.00")), Decimal::ZERO);
    let express = shipping::choose(&methods, "DE", Some("express")).unwrap();
    assert_eq!(
        (express.rate, express.free_over, express.max_days),
        (d("35.00"), Some(d("1500.00")), 2)
    );
    let courier = shipping::choose(&methods, "IT", Some("courier")).unwrap();
    assert_eq!((courier.rate, courier.free_over), (d("75.00"), None));
    assert!(matches!(
        shipping::choose(&methods, "DE", Some("courier")),
        Err(PricingError::ShippingMethodUnavailable { .. })
    ));

    let table =
        tax::parse_table(&stored_setting(shop.db(), tax::TAX_RATES_KEY).await.value).unwrap();
    let france = table.rule_for("FR");
    assert_eq!(
        (france.rate, france.shipping_taxable, france.label.as_str()),
        (d("0.20"), true, "TVA")
    );
    let us = table.rule_for("US");
    assert_eq!(
        (us.rate, us.shipping_taxable, us.label.as_str()),
        (d("0.0875"), false, "Sales tax")
    );
    assert_eq!(table.rule_for("HK"), table.default);
    assert_eq!(table.default.rate, Decimal::ZERO);

    assert_eq!(
        stored_setting(shop.db(), checkout::LOYALTY_KEY).await.value,
        serde_json::json!({"points_per_currency_unit": "1", "expires_after_days": 365})
    );

    // Quotes read these rows: 50.00 to the US ships for 15.00 and pays 8.75 % on the
    // merchandise only; an admin's change is used at once.
    let piece = shop.piece("Hat", "50.00", 5, shop.clothing, None).await;
    let owner = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
    shop.add(owner, &piece, 1).await;
    let quoted = shop.quote(owner, "US", None, None).await.unwrap();
    assert_eq!((quoted.shipping, quoted.tax), (d("15.00"), d("4.38")));
    system_settings::Entity::update_many()
        .col_expr(
            system_settings::Column::Value,
            Expr::value(serde_json::json!({"countries": {"US": {"rate": "0.10"}}})),
        )
        .filter(system_settings::Column::Key.eq(tax::TAX_RATES_KEY))
        .exec(shop.db())
        .await
        .unwrap();
    assert_eq!(
        shop.quote(owner, "US", None, None).await.unwrap().tax,
        d("5.00")
    );
}

/// Without a commerce settings row nothing stands in for it: a quote, and so checkout,
/// is refused as misconfigured ("checkout unavailable" to the shopper) when the tax or
/// the shipping row is gone, and a paid order is not confirmed without the loyalty row.
#[tokio::test]
async fn a_missing_commerce_setting_is_misconfigured_not_a_default() {
    let shop = Shop::open().await;
    let piece = shop.piece("Hat", "50.00", 5, shop.clothing, None).await;
    let owner = CartOwner::User(shop.shopper(MembershipTier::Pearl).await);
    shop.add(owner, &piece, 1).await;
    for key in [tax::TAX_RATES_KEY, shipping::SHIPPING_METHODS_KEY] {
        let row = stored_setting(shop.db(), key).await;
        system_settings::Entity::delete_by_id(key.to_string())
            .exec(shop.db())
            .await
            .unwrap();
        let error = shop.quote(owner, "US", None, None).await.unwrap_err();
        assert!(
            matches!(&error, PricingError::Misconfigured(problem) if problem.starts_with(key)),
            "{key}: {error:?}"
        );
        assert_eq!(error.refusal(), Refusal::CheckoutUnavailable);
        let refused = place_order(shop.db(), order_for(owner, "US", None))
            .await
            .unwrap_err();
        assert!(
            matches!(
                &refused,
                CheckoutError::Pricing(PricingError::Misconfigured(problem)) if problem.starts_with(key)
            ),
            "{key}: {refused:?}"
        );
        system_settings::ActiveModel {
            key: Set(row.key),
            value: Set(row.value),
            description: Set(row.description),
            ..Default::default()
        }
        .insert(shop.db())
        .await
        .unwrap();
    }
    assert_eq!(
        shop.quote(owner, "US", None, None).await.unwrap().tax,
        d("4.38")
    );

    let placed = place_order(shop.db(), order_for(owner, "US", None))
        .await
        .unwrap();
    system_settings::Entity::delete_by_id(checkout::LOYALTY_KEY.to_string())
        .exec(shop.db())
        .await
        .unwrap();
    let txn = shop.db().begin().await.unwrap();
    let refused = mark_paid(&txn, placed.order_id).await.unwrap_err();
    assert!(
        matches!(
            &refused,
            CheckoutError::Pricing(PricingError::Misconfigured(problem))
                if problem.starts_with(checkout::LOYALTY_KEY)
        ),
        "{refused:?}"
    );
    txn.rollback().await.unwrap();
    let order = shop.order(placed.order_id).await;
    assert_eq!(
        (order.status, order.payment_status),
        (OrderStatus::Pending, PaymentStatus::Pending)
    );
}

#[tokio::test]
async fn the_server_releases_unpaid_holds_by_itself_after_the_hold_time() {
    let shop = Shop::open_with(&[
        ("INVENTORY_HOLD_MINUTES", "30"),
        ("INVENTORY_SWEEP_SECONDS", "1"),
    ])
    .await;
    let piece = shop
        .piece("Silk Scarf", "90.00", 4, shop.scarves, None)
        .await;
    let guest = CartOwner::Session(shop.guest().await);
    shop.add(guest, &piece, 3).await;
    let stale = place_order(shop.db(), order_for(guest, "GB", None))
        .await
        .unwrap();
    let other = CartOwner::Session(shop.guest().await);
    shop.add(other, &piece, 1).await;
    let fresh = place_order(shop.db(), order_for(other, "GB", None))
        .await
        .unwrap();
    assert_eq!(shop.variant(piece.id).await.inventory_reserved, 4);

    // Only the order older than the hold is released, by the server's own sweeper.
    orders::Entity::update_many()
        .col_expr(
            orders::Column::CreatedAt,
            Expr::value(Utc::now() - Duration::minutes(31)),
        )
        .filter(orders::Column::Id.eq(stale.order_id))
        .exec(shop.db())
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while shop.order(stale.order_id).await.status != OrderStatus::Cancelled {
        assert!(
            std::time::Instant::now() < deadline,
            "the sweeper did not cancel the stale order"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let variant = shop.variant(piece.id).await;
    assert_eq!(
        (variant.inventory_quantity, variant.inventory_reserved),
        (4, 1)
    );
    assert_eq!(
        shop.order(fresh.order_id).await.status,
        OrderStatus::Pending
    );
}

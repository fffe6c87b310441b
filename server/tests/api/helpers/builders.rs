//! Fixture rows written straight to the database, for tests that need a piece, a shopper
//! or a coupon without going through the app: each builder starts from what tests usually
//! want and says only what differs.

use chrono::{Duration, Utc};
use entities::sea_orm_active_enums::{MembershipTier, ProductStatus, UserRole};
use entities::{categories, coupons, product_variants, products, users};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, Set};

/// A category: `CategoryBuilder::new("scarves").parent(clothing).insert(db)`.
pub struct CategoryBuilder {
    slug: String,
    name: String,
    parent: Option<Uuid>,
}

impl CategoryBuilder {
    /// Named as its slug.
    pub fn new(slug: &str) -> Self {
        Self {
            slug: slug.into(),
            name: slug.into(),
            parent: None,
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.name = name.into();
        self
    }

    pub fn parent(mut self, parent: Uuid) -> Self {
        self.parent = Some(parent);
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> categories::Model {
        categories::ActiveModel {
            id: Set(Uuid::new_v4()),
            parent_id: Set(self.parent),
            slug: Set(self.slug),
            name: Set(self.name),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("the category is inserted")
    }
}

/// An active product, published yesterday, with one variant in size M:
/// `ProductBuilder::new("Silk Scarf", "80.00").stock(10).insert(db)` returns the variant.
/// Slugs and SKUs are unique; without a category the product gets one of its own.
pub struct ProductBuilder {
    name: String,
    price: Decimal,
    stock: i32,
    category: Option<Uuid>,
    brand: Option<Uuid>,
}

impl ProductBuilder {
    pub fn new(name: &str, price: &str) -> Self {
        Self {
            name: name.into(),
            price: price.parse().expect("a decimal price"),
            stock: 10,
            category: None,
            brand: None,
        }
    }

    /// Units in stock (10 unless told).
    pub fn stock(mut self, stock: i32) -> Self {
        self.stock = stock;
        self
    }

    pub fn category(mut self, category: Uuid) -> Self {
        self.category = Some(category);
        self
    }

    pub fn brand(mut self, brand: Option<Uuid>) -> Self {
        self.brand = brand;
        self
    }

    /// Writes the product (and its category if it has none) and returns its variant.
    pub async fn insert(self, db: &impl ConnectionTrait) -> product_variants::Model {
        let id = Uuid::new_v4().simple().to_string();
        let category = match self.category {
            Some(category) => category,
            None => {
                CategoryBuilder::new(&format!("c-{id}"))
                    .name("Knitwear")
                    .insert(db)
                    .await
                    .id
            }
        };
        let product = products::ActiveModel {
            id: Set(Uuid::new_v4()),
            sku: Set(format!("P-{}", &id[..12])),
            slug: Set(format!(
                "{}-{id}",
                self.name.to_lowercase().replace(' ', "-")
            )),
            name: Set(self.name),
            category_id: Set(category),
            brand_id: Set(self.brand),
            price: Set(self.price),
            status: Set(ProductStatus::Active),
            published_at: Set(Some((Utc::now() - Duration::days(1)).into())),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("the product is inserted");
        product_variants::ActiveModel {
            id: Set(Uuid::new_v4()),
            product_id: Set(product.id),
            sku: Set(format!("V-{}", &id[..12])),
            size: Set(Some("M".into())),
            inventory_quantity: Set(self.stock),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("the variant is inserted")
    }
}

/// A user row with a unique email and the database's defaults for what is not said.
pub struct UserBuilder {
    email: String,
    role: Option<UserRole>,
    tier: Option<MembershipTier>,
}

impl Default for UserBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl UserBuilder {
    pub fn new() -> Self {
        Self {
            email: format!("{}@example.com", Uuid::new_v4().simple()),
            role: None,
            tier: None,
        }
    }

    pub fn email(mut self, email: &str) -> Self {
        self.email = email.into();
        self
    }

    /// A customer of that membership tier.
    pub fn customer(mut self, tier: MembershipTier) -> Self {
        self.role = Some(UserRole::Customer);
        self.tier = Some(tier);
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> users::Model {
        let mut user = users::ActiveModel {
            id: Set(Uuid::new_v4()),
            email: Set(self.email),
            ..Default::default()
        };
        if let Some(role) = self.role {
            user.role = Set(role);
        }
        if let Some(tier) = self.tier {
            user.membership_tier = Set(tier);
        }
        user.insert(db).await.expect("the user is inserted")
    }
}

/// A coupon valid since yesterday: `CouponBuilder::new("TAKE20", "percentage", "20")`.
pub struct CouponBuilder {
    coupon: coupons::ActiveModel,
}

impl CouponBuilder {
    pub fn new(code: &str, kind: &str, value: &str) -> Self {
        Self {
            coupon: coupons::ActiveModel {
                id: Set(Uuid::new_v4()),
                code: Set(code.into()),
                discount_type: Set(kind.into()),
                discount_value: Set(value.parse().expect("a decimal value")),
                valid_from: Set((Utc::now() - Duration::days(1)).into()),
                ..Default::default()
            },
        }
    }

    pub fn description(mut self, description: &str) -> Self {
        self.coupon.description = Set(Some(description.into()));
        self
    }

    /// Valid since `days` ago.
    pub fn valid_since_days_ago(mut self, days: i64) -> Self {
        self.coupon.valid_from = Set((Utc::now() - Duration::days(days)).into());
        self
    }

    /// Any other column.
    pub fn edit(mut self, edit: impl FnOnce(&mut coupons::ActiveModel)) -> Self {
        edit(&mut self.coupon);
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> coupons::Model {
        self.coupon
            .insert(db)
            .await
            .expect("the coupon is inserted")
    }
}

/// The checkout's delivery form for a new address in New York, for `email`, with `extra`
/// fields after it.
pub fn delivery<'a>(email: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("details[email]", email),
        ("details[address_id]", ""),
        ("details[first_name]", "Grace"),
        ("details[last_name]", "Hopper"),
        ("details[company]", ""),
        ("details[phone]", ""),
        ("details[address_line1]", "1 Harbour Street"),
        ("details[address_line2]", ""),
        ("details[city]", "New York"),
        ("details[state_province]", ""),
        ("details[postal_code]", "10001"),
        ("details[country_code]", "US"),
        ("shipping_method", "standard"),
    ];
    form.extend_from_slice(extra);
    form
}

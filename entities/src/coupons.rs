//! `coupons`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "coupons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(50))")]
    pub code: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(20))")]
    pub discount_type: String,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub discount_value: Decimal,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub minimum_amount: Option<Decimal>,
    pub applicable_products: Vec<Uuid>,
    pub applicable_categories: Vec<Uuid>,
    pub applicable_brands: Vec<Uuid>,
    pub usage_limit: Option<i32>,
    pub usage_count: i32,
    pub usage_limit_per_user: Option<i32>,
    pub valid_from: DateTimeWithTimeZone,
    pub valid_until: Option<DateTimeWithTimeZone>,
    pub first_purchase_only: bool,
    pub membership_tiers: Vec<MembershipTier>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::coupon_uses::Entity")]
    CouponUses,
}

impl Related<super::coupon_uses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CouponUses.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

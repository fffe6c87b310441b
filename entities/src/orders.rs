//! `orders`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(20))")]
    pub order_number: String,
    pub user_id: Uuid,
    pub status: OrderStatus,
    pub payment_status: PaymentStatus,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub customer_email: String,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub customer_phone: Option<String>,
    #[sea_orm(column_type = "Char(Some(3))")]
    pub currency: String,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub subtotal: Decimal,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub tax_amount: Decimal,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub shipping_amount: Decimal,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub discount_amount: Decimal,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub total: Decimal,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub shipping_method: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub shipping_carrier: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub tracking_number: Option<String>,
    pub estimated_delivery: Option<Date>,
    pub delivered_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))", nullable)]
    pub fraud_score: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))", nullable)]
    pub recommendation_influence: Option<Decimal>,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub admin_notes: Option<String>,
    pub tags: Vec<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    pub cancelled_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    User,
    #[sea_orm(has_many = "super::order_items::Entity")]
    OrderItems,
    #[sea_orm(has_many = "super::order_status_history::Entity")]
    OrderStatusHistory,
    #[sea_orm(has_many = "super::payment_transactions::Entity")]
    PaymentTransactions,
    #[sea_orm(has_many = "super::coupon_uses::Entity")]
    CouponUses,
    #[sea_orm(has_many = "super::notifications::Entity")]
    Notifications,
    #[sea_orm(has_many = "super::loyalty_points::Entity")]
    LoyaltyPoints,
    #[sea_orm(has_many = "super::virtual_closet_items::Entity")]
    VirtualClosetItems,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::order_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderItems.def()
    }
}

impl Related<super::order_status_history::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderStatusHistory.def()
    }
}

impl Related<super::payment_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentTransactions.def()
    }
}

impl Related<super::coupon_uses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CouponUses.def()
    }
}

impl Related<super::notifications::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Notifications.def()
    }
}

impl Related<super::loyalty_points::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LoyaltyPoints.def()
    }
}

impl Related<super::virtual_closet_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::VirtualClosetItems.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

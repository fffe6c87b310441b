//! `payment_transactions`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_transactions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub payment_method_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub r#type: String,
    pub status: PaymentStatus,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub amount: Decimal,
    #[sea_orm(column_type = "Char(Some(3))")]
    pub currency: String,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub provider: String,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))", nullable)]
    pub provider_transaction_id: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub provider_response: Option<Json>,
    #[sea_orm(column_type = "Text", nullable)]
    pub failure_reason: Option<String>,
    pub processed_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::orders::Entity",
        from = "Column::OrderId",
        to = "super::orders::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Order,
    #[sea_orm(
        belongs_to = "super::payment_methods::Entity",
        from = "Column::PaymentMethodId",
        to = "super::payment_methods::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    PaymentMethod,
    #[sea_orm(has_many = "super::membership_transactions::Entity")]
    MembershipTransactions,
}

impl Related<super::orders::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::payment_methods::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentMethod.def()
    }
}

impl Related<super::membership_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MembershipTransactions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

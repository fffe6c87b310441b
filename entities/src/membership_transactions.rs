//! `membership_transactions`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "membership_transactions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub r#type: String,
    pub from_tier: Option<MembershipTier>,
    pub to_tier: MembershipTier,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub amount: Option<Decimal>,
    #[sea_orm(column_type = "Char(Some(3))")]
    pub currency: String,
    pub payment_transaction_id: Option<Uuid>,
    pub starts_at: DateTimeWithTimeZone,
    pub ends_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    pub created_at: DateTimeWithTimeZone,
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
    #[sea_orm(
        belongs_to = "super::payment_transactions::Entity",
        from = "Column::PaymentTransactionId",
        to = "super::payment_transactions::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    PaymentTransaction,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::payment_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentTransaction.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

//! `payment_methods`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_methods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub r#type: String,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub provider: String,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub card_brand: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(4))", nullable)]
    pub card_last4: Option<String>,
    pub card_exp_month: Option<i32>,
    pub card_exp_year: Option<i32>,
    pub billing_address_id: Option<Uuid>,
    pub last_used_at: Option<DateTimeWithTimeZone>,
    pub last_used_ip: Option<IpNetwork>,
    pub failed_attempts: i32,
    pub locked_until: Option<DateTimeWithTimeZone>,
    pub is_default: bool,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub provider_customer_id: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub provider_payment_method_id: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::addresses::Entity",
        from = "Column::BillingAddressId",
        to = "super::addresses::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    BillingAddress,
    #[sea_orm(has_many = "super::payment_transactions::Entity")]
    PaymentTransactions,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::addresses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::BillingAddress.def()
    }
}

impl Related<super::payment_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentTransactions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

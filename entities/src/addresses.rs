//! `addresses`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "addresses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub r#type: String,
    pub is_default: bool,
    #[sea_orm(column_type = "String(StringLen::N(100))")]
    pub first_name: String,
    #[sea_orm(column_type = "String(StringLen::N(100))")]
    pub last_name: String,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub company: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub phone: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub address_line1: String,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub address_line2: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(100))")]
    pub city: String,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub state_province: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(20))")]
    pub postal_code: String,
    #[sea_orm(column_type = "Char(Some(2))")]
    pub country_code: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub is_validated: bool,
    pub validated_at: Option<DateTimeWithTimeZone>,
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
    #[sea_orm(has_many = "super::payment_methods::Entity")]
    PaymentMethods,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::payment_methods::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentMethods.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

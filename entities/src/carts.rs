//! `carts`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "carts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub is_abandoned: bool,
    pub abandoned_at: Option<DateTimeWithTimeZone>,
    pub reminder_sent_at: Option<DateTimeWithTimeZone>,
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
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub coupon_code: Option<String>,
    pub gift_card_codes: Vec<String>,
    pub expires_at: DateTimeWithTimeZone,
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
        belongs_to = "super::sessions::Entity",
        from = "Column::SessionId",
        to = "super::sessions::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Session,
    #[sea_orm(has_many = "super::cart_items::Entity")]
    CartItems,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl Related<super::cart_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CartItems.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

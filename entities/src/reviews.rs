//! `reviews`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub product_id: Uuid,
    pub user_id: Uuid,
    pub order_item_id: Option<Uuid>,
    pub rating: i32,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub content: Option<String>,
    pub is_verified_purchase: bool,
    pub helpful_count: i32,
    pub not_helpful_count: i32,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))", nullable)]
    pub sentiment_score: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))", nullable)]
    pub quality_score: Option<Decimal>,
    pub status: ReviewStatus,
    pub media_urls: Vec<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::products::Entity",
        from = "Column::ProductId",
        to = "super::products::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Product,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::order_items::Entity",
        from = "Column::OrderItemId",
        to = "super::order_items::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    OrderItem,
    #[sea_orm(has_many = "super::review_interactions::Entity")]
    ReviewInteractions,
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::order_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderItem.def()
    }
}

impl Related<super::review_interactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ReviewInteractions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

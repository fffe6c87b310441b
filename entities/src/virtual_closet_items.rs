//! `virtual_closet_items`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "virtual_closet_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub product_id: Uuid,
    pub variant_id: Option<Uuid>,
    pub purchase_date: Option<DateTimeWithTimeZone>,
    pub order_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub acquisition_type: String,
    pub wear_count: i32,
    pub last_worn_date: Option<DateTimeWithTimeZone>,
    pub occasions: Vec<String>,
    pub custom_categories: Vec<String>,
    pub seasons: Vec<String>,
    pub colors: Vec<String>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub cost_per_wear: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))", nullable)]
    pub versatility_score: Option<Decimal>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub compatibility_scores: Option<Json>,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    pub rating: Option<i32>,
    pub is_active: bool,
    pub donated_at: Option<DateTimeWithTimeZone>,
    pub sold_at: Option<DateTimeWithTimeZone>,
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
        belongs_to = "super::products::Entity",
        from = "Column::ProductId",
        to = "super::products::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Product,
    #[sea_orm(
        belongs_to = "super::product_variants::Entity",
        from = "Column::VariantId",
        to = "super::product_variants::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Variant,
    #[sea_orm(
        belongs_to = "super::orders::Entity",
        from = "Column::OrderId",
        to = "super::orders::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Order,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::product_variants::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl Related<super::orders::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

//! `collections`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "collections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))")]
    pub slug: String,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub name: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub hero_image_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub hero_video_url: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub color_theme: Option<Json>,
    pub is_manual: bool,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub rules: Option<Json>,
    pub is_active: bool,
    pub display_order: i32,
    pub featured_until: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub meta_title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub meta_description: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::collection_products::Entity")]
    CollectionProducts,
    #[sea_orm(has_many = "super::collection_translations::Entity")]
    CollectionTranslations,
}

impl Related<super::collection_products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CollectionProducts.def()
    }
}

impl Related<super::collection_translations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CollectionTranslations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

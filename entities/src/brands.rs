//! `brands`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "brands")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))")]
    pub slug: String,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub name: String,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub logo_url: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub story: Option<String>,
    pub is_verified: bool,
    pub verified_at: Option<DateTimeWithTimeZone>,
    pub sustainability_score: Option<i32>,
    pub certifications: Vec<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub website_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub instagram_handle: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::products::Entity")]
    Products,
    #[sea_orm(has_many = "super::brand_translations::Entity")]
    BrandTranslations,
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Products.def()
    }
}

impl Related<super::brand_translations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::BrandTranslations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

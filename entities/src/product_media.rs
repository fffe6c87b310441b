//! `product_media`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "product_media")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub product_id: Uuid,
    pub variant_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::N(20))")]
    pub media_type: String,
    #[sea_orm(column_type = "String(StringLen::N(500))")]
    pub url: String,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub thumbnail_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub alt_text: Option<String>,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub duration_seconds: Option<i32>,
    #[sea_orm(column_type = "String(StringLen::N(20))", nullable)]
    pub model_format: Option<String>,
    pub file_size_bytes: Option<i64>,
    pub is_360_image: bool,
    pub sequence_index: Option<i32>,
    pub display_order: i32,
    pub is_primary: bool,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::products::Entity",
        from = "Column::ProductId",
        to = "super::products::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Product,
    #[sea_orm(
        belongs_to = "super::product_variants::Entity",
        from = "Column::VariantId",
        to = "super::product_variants::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Variant,
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

impl ActiveModelBehavior for ActiveModel {}

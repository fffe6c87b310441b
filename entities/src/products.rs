//! `products`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(100))")]
    pub sku: String,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))")]
    pub slug: String,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub name: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub story: Option<String>,
    pub category_id: Uuid,
    pub brand_id: Option<Uuid>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub price: Decimal,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub compare_at_price: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub cost: Option<Decimal>,
    #[sea_orm(column_type = "Char(Some(3))")]
    pub currency: String,
    pub status: ProductStatus,
    pub published_at: Option<DateTimeWithTimeZone>,
    pub featured_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Text", nullable)]
    pub ai_description: Option<String>,
    #[sea_orm(column_type = "Vector(Some(384))", nullable)]
    pub product_embedding: Option<PgVector>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub color_analysis: Option<Json>,
    pub style_tags: Vec<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub model_3d_url: Option<String>,
    pub ar_enabled: bool,
    pub virtual_try_on_enabled: bool,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub meta_title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub meta_description: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub materials: Option<Json>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub carbon_footprint: Option<Decimal>,
    pub recyclable: bool,
    pub view_count: i32,
    pub purchase_count: i32,
    pub wishlist_count: i32,
    pub is_featured: bool,
    pub is_exclusive: bool,
    pub is_limited_edition: bool,
    pub launch_date: Option<DateTimeWithTimeZone>,
    pub pre_order_enabled: bool,
    pub pre_order_end_date: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    pub deleted_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::categories::Entity",
        from = "Column::CategoryId",
        to = "super::categories::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Category,
    #[sea_orm(
        belongs_to = "super::brands::Entity",
        from = "Column::BrandId",
        to = "super::brands::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Brand,
    #[sea_orm(has_many = "super::product_variants::Entity")]
    ProductVariants,
    #[sea_orm(has_many = "super::product_media::Entity")]
    ProductMedia,
    #[sea_orm(has_many = "super::collection_products::Entity")]
    CollectionProducts,
    #[sea_orm(has_many = "super::cart_items::Entity")]
    CartItems,
    #[sea_orm(has_many = "super::wishlist_items::Entity")]
    WishlistItems,
    #[sea_orm(has_many = "super::order_items::Entity")]
    OrderItems,
    #[sea_orm(has_many = "super::reviews::Entity")]
    Reviews,
    #[sea_orm(has_many = "super::product_views::Entity")]
    ProductViews,
    #[sea_orm(has_many = "super::search_logs::Entity")]
    SearchLogs,
    #[sea_orm(has_many = "super::notifications::Entity")]
    Notifications,
    #[sea_orm(has_many = "super::virtual_closet_items::Entity")]
    VirtualClosetItems,
    #[sea_orm(has_many = "super::outfit_recommendations::Entity")]
    OutfitRecommendations,
    #[sea_orm(has_many = "super::outfit_recommendation_items::Entity")]
    OutfitRecommendationItems,
    #[sea_orm(has_many = "super::live_event_products::Entity")]
    LiveEventProducts,
    #[sea_orm(has_many = "super::product_translations::Entity")]
    ProductTranslations,
}

impl Related<super::categories::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::brands::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Brand.def()
    }
}

impl Related<super::product_variants::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductVariants.def()
    }
}

impl Related<super::product_media::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductMedia.def()
    }
}

impl Related<super::collection_products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CollectionProducts.def()
    }
}

impl Related<super::cart_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CartItems.def()
    }
}

impl Related<super::wishlist_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WishlistItems.def()
    }
}

impl Related<super::order_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderItems.def()
    }
}

impl Related<super::reviews::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Reviews.def()
    }
}

impl Related<super::product_views::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductViews.def()
    }
}

impl Related<super::search_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SearchLogs.def()
    }
}

impl Related<super::notifications::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Notifications.def()
    }
}

impl Related<super::virtual_closet_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::VirtualClosetItems.def()
    }
}

impl Related<super::outfit_recommendations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OutfitRecommendations.def()
    }
}

impl Related<super::outfit_recommendation_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OutfitRecommendationItems.def()
    }
}

impl Related<super::live_event_products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LiveEventProducts.def()
    }
}

impl Related<super::product_translations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductTranslations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

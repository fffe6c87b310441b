//! `product_variants`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "product_variants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub product_id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(100))")]
    pub sku: String,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub size: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub color: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(100))", nullable)]
    pub material: Option<String>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub price: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub compare_at_price: Option<Decimal>,
    pub inventory_quantity: i32,
    pub inventory_reserved: i32,
    pub low_stock_threshold: i32,
    #[sea_orm(column_type = "Decimal(Some((10, 3)))", nullable)]
    pub weight_value: Option<Decimal>,
    #[sea_orm(column_type = "String(StringLen::N(10))")]
    pub weight_unit: String,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub dimensions: Option<Json>,
    pub is_available: bool,
    pub available_at: Option<DateTimeWithTimeZone>,
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
        on_delete = "Cascade"
    )]
    Product,
    #[sea_orm(has_many = "super::product_media::Entity")]
    ProductMedia,
    #[sea_orm(has_many = "super::cart_items::Entity")]
    CartItems,
    #[sea_orm(has_many = "super::wishlist_items::Entity")]
    WishlistItems,
    #[sea_orm(has_many = "super::order_items::Entity")]
    OrderItems,
    #[sea_orm(has_many = "super::inventory_transactions::Entity")]
    InventoryTransactions,
    #[sea_orm(has_many = "super::virtual_closet_items::Entity")]
    VirtualClosetItems,
    #[sea_orm(has_many = "super::size_recommendations::Entity")]
    SizeRecommendations,
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::product_media::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductMedia.def()
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

impl Related<super::inventory_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::InventoryTransactions.def()
    }
}

impl Related<super::virtual_closet_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::VirtualClosetItems.def()
    }
}

impl Related<super::size_recommendations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SizeRecommendations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

//! `outfit_recommendation_items`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outfit_recommendation_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub recommendation_id: Uuid,
    pub product_id: Uuid,
    #[sea_orm(column_name = "itemType", column_type = "String(StringLen::N(50))")]
    pub item_type: String,
    pub is_optional: bool,
    pub alternative_rank: Option<i32>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))")]
    pub match_score: Decimal,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::outfit_recommendations::Entity",
        from = "Column::RecommendationId",
        to = "super::outfit_recommendations::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Recommendation,
    #[sea_orm(
        belongs_to = "super::products::Entity",
        from = "Column::ProductId",
        to = "super::products::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Product,
}

impl Related<super::outfit_recommendations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Recommendation.def()
    }
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

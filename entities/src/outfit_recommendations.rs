//! `outfit_recommendations`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outfit_recommendations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub name: Option<String>,
    pub base_product_id: Uuid,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))")]
    pub style_score: Decimal,
    pub occasion_tags: Vec<String>,
    pub season_tags: Vec<String>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))")]
    pub color_harmony_score: Decimal,
    pub liked: Option<bool>,
    pub saved: bool,
    pub purchased: bool,
    pub view_count: i32,
    pub share_count: i32,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub ai_reasoning: Option<Json>,
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
        from = "Column::BaseProductId",
        to = "super::products::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    BaseProduct,
    #[sea_orm(has_many = "super::outfit_recommendation_items::Entity")]
    OutfitRecommendationItems,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::BaseProduct.def()
    }
}

impl Related<super::outfit_recommendation_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OutfitRecommendationItems.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

//! `style_profiles`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "style_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub user_id: Uuid,
    pub style_personas: Vec<String>,
    pub favorite_colors: Vec<String>,
    pub avoided_colors: Vec<String>,
    pub preferred_brands: Vec<String>,
    pub avoided_materials: Vec<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub measurements: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub typical_sizes: Option<Json>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub min_price_preference: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub max_price_preference: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
    pub sweet_spot_price: Option<Decimal>,
    #[sea_orm(column_type = "Vector(Some(384))", nullable)]
    pub style_embedding: Option<PgVector>,
    #[sea_orm(column_type = "Vector(Some(512))", nullable)]
    pub color_embedding: Option<PgVector>,
    #[sea_orm(column_type = "Vector(Some(512))", nullable)]
    pub brand_embedding: Option<PgVector>,
    pub prefers_sustainable: bool,
    pub prefers_exclusive: bool,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))")]
    pub early_adopter_score: Decimal,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))")]
    pub luxury_affinity_score: Decimal,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub style_history: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub seasonal_preferences: Option<Json>,
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
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

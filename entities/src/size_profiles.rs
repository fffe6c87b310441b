//! `size_profiles`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "size_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub user_id: Uuid,
    #[sea_orm(column_type = "JsonBinary")]
    pub measurements: Json,
    #[sea_orm(column_type = "String(StringLen::N(10))")]
    pub measurement_unit: String,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub preferred_fit: String,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub brand_sizes: Option<Json>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub body_type: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub fit_profile: Option<Json>,
    pub is_public: bool,
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
    #[sea_orm(has_many = "super::size_recommendations::Entity")]
    SizeRecommendations,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::size_recommendations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SizeRecommendations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

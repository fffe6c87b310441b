//! `size_recommendations`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "size_recommendations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub size_profile_id: Uuid,
    pub variant_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub recommended_size: String,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))")]
    pub confidence_score: Decimal,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub fit_notes: Option<Json>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub user_feedback: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub actual_size_purchased: Option<String>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::size_profiles::Entity",
        from = "Column::SizeProfileId",
        to = "super::size_profiles::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    SizeProfile,
    #[sea_orm(
        belongs_to = "super::product_variants::Entity",
        from = "Column::VariantId",
        to = "super::product_variants::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Variant,
}

impl Related<super::size_profiles::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SizeProfile.def()
    }
}

impl Related<super::product_variants::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

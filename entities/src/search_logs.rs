//! `search_logs`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "search_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    #[sea_orm(column_type = "Text")]
    pub query: String,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub filters: Option<Json>,
    pub results_count: Option<i32>,
    pub clicked_position: Option<i32>,
    pub clicked_product_id: Option<Uuid>,
    pub response_time_ms: Option<i32>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub search_method: Option<String>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::sessions::Entity",
        from = "Column::SessionId",
        to = "super::sessions::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Session,
    #[sea_orm(
        belongs_to = "super::products::Entity",
        from = "Column::ClickedProductId",
        to = "super::products::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    ClickedProduct,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl Related<super::products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClickedProduct.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

//! Editorial overrides: looks the store's stylists pin, kept in `system_settings` under
//! [`PINNED_LOOKS_KEY`] as `{"<base piece slug>": ["<piece slug>", ...]}`. A pinned look
//! wins over the computed one; its pieces still pass the look's rules (never sold out,
//! never the base piece's category).

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

/// The `system_settings` key of the pinned looks.
pub const PINNED_LOOKS_KEY: &str = "pinned_looks";

/// The pieces pinned around the piece `base_slug`, in the stylists' order; `None` when
/// nothing is pinned there.
pub async fn pinned(
    db: &impl ConnectionTrait,
    base_slug: &str,
) -> Result<Option<Vec<String>>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT value -> $2 AS look FROM system_settings WHERE key = $1",
            [PINNED_LOOKS_KEY.into(), base_slug.into()],
        ))
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let look: Option<serde_json::Value> = row.try_get("", "look")?;
    let slugs: Vec<String> = look
        .and_then(|look| serde_json::from_value(look).ok())
        .unwrap_or_default();
    Ok((!slugs.is_empty()).then_some(slugs))
}

/// Pins `pieces` around `base_slug` (an empty list unpins), keeping the other looks.
pub async fn pin(
    db: &impl ConnectionTrait,
    base_slug: &str,
    pieces: &[String],
    admin: Option<Uuid>,
) -> Result<(), DbErr> {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "INSERT INTO system_settings (key, value, description, updated_by, updated_at)
         VALUES ($1, jsonb_build_object($2::text, $3::jsonb),
                 'Complete the look: pieces pinned around a piece, by slug', $4, now())
         ON CONFLICT (key) DO UPDATE
         SET value = CASE WHEN jsonb_array_length($3::jsonb) = 0
                          THEN system_settings.value - $2::text
                          ELSE system_settings.value || jsonb_build_object($2::text, $3::jsonb) END,
             updated_by = $4, updated_at = now()",
        [
            PINNED_LOOKS_KEY.into(),
            base_slug.into(),
            serde_json::json!(pieces).into(),
            admin.into(),
        ],
    ))
    .await?;
    Ok(())
}

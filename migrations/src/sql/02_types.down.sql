-- Reverts 02_types.up.sql.

DROP FUNCTION IF EXISTS set_updated_at();
DROP TYPE IF EXISTS live_event_status;
DROP TYPE IF EXISTS translation_status;
DROP TYPE IF EXISTS notification_type;
DROP TYPE IF EXISTS ai_interaction_type;
DROP TYPE IF EXISTS review_status;
DROP TYPE IF EXISTS payment_status;
DROP TYPE IF EXISTS order_status;
DROP TYPE IF EXISTS product_status;
DROP TYPE IF EXISTS membership_tier;
DROP TYPE IF EXISTS user_role;

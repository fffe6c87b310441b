-- Reverts 07_interaction_and_analytics.up.sql.

DROP TABLE IF EXISTS search_logs;
DROP TABLE IF EXISTS product_views;
DROP TABLE IF EXISTS ai_interactions;
DROP TABLE IF EXISTS style_profiles;

-- Reverts 13_v2_features.up.sql.

DROP TABLE IF EXISTS brand_translations;
DROP TABLE IF EXISTS collection_translations;
DROP TABLE IF EXISTS category_translations;
DROP TABLE IF EXISTS product_translations;
DROP TABLE IF EXISTS live_event_participations;
DROP TABLE IF EXISTS live_event_products;
DROP TABLE IF EXISTS live_shopping_events;
DROP TABLE IF EXISTS size_recommendations;
DROP TABLE IF EXISTS size_profiles;
DROP TABLE IF EXISTS outfit_recommendation_items;
DROP TABLE IF EXISTS outfit_recommendations;
DROP TABLE IF EXISTS virtual_closet_items;

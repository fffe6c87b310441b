-- Reverts 04_catalog.up.sql.

DROP TABLE IF EXISTS review_interactions;
DROP TABLE IF EXISTS reviews;
DROP TABLE IF EXISTS collection_products;
DROP TABLE IF EXISTS collections;
DROP TABLE IF EXISTS product_media;
DROP TABLE IF EXISTS product_variants;
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS brands;
DROP TABLE IF EXISTS categories;

-- Reverts 14_search.up.sql.

DROP INDEX IF EXISTS idx_search_logs_created;
DROP MATERIALIZED VIEW IF EXISTS search_lexicon;
DROP INDEX IF EXISTS idx_product_translations_name_trgm;
DROP INDEX IF EXISTS idx_product_translations_search;
DROP INDEX IF EXISTS idx_categories_name_trgm;
DROP INDEX IF EXISTS idx_brands_name_trgm;
DROP INDEX IF EXISTS idx_products_name_trgm;
DROP INDEX IF EXISTS idx_products_search;
DROP FUNCTION IF EXISTS product_search_document(text, text, text[]);

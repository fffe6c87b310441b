DROP INDEX IF EXISTS idx_products_storefront_best_selling;
DROP INDEX IF EXISTS idx_products_storefront_newest;
DROP INDEX IF EXISTS idx_products_storefront_price;
DROP INDEX IF EXISTS idx_products_storefront_featured;

-- Reverts 06_orders_and_payments.up.sql.

ALTER TABLE reviews DROP CONSTRAINT IF EXISTS reviews_order_item_id_fkey;
DROP TABLE IF EXISTS payment_transactions;
DROP TABLE IF EXISTS payment_methods;
DROP TABLE IF EXISTS order_status_history;
DROP TABLE IF EXISTS order_items;
DROP TABLE IF EXISTS orders;

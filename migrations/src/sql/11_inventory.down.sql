-- Reverts 11_inventory.up.sql.

DROP TABLE IF EXISTS inventory_transactions;

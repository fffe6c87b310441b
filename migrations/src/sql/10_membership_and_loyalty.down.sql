-- Reverts 10_membership_and_loyalty.up.sql.

DROP TABLE IF EXISTS loyalty_points;
DROP TABLE IF EXISTS membership_transactions;

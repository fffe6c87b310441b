-- Reverts 08_marketing.up.sql.

DROP TABLE IF EXISTS coupon_uses;
DROP TABLE IF EXISTS coupons;
DROP TABLE IF EXISTS email_campaigns;

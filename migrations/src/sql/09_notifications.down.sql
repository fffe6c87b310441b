-- Reverts 09_notifications.up.sql.

DROP TABLE IF EXISTS notifications;

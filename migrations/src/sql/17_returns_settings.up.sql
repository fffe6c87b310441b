-- The return policy read by services/src/orders/returns.rs (issue 13). Admins edit it.
--   window_days: how long after delivery a piece may be sent back.
--   final_sale_tag: a product carrying this style tag is final sale (never returnable);
--     made-to-order (personalised) lines are final sale too.
-- Without the row the code falls back to 30 days and the "final-sale" tag.
INSERT INTO system_settings (key, value, description) VALUES
('commerce.returns', '{"window_days": 30, "final_sale_tag": "final-sale"}'::jsonb,
 'Return policy: window_days after delivery; final_sale_tag marks products that cannot be returned.')
ON CONFLICT (key) DO NOTHING;

DELETE FROM system_settings WHERE key = 'commerce.returns';

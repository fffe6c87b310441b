-- Users, their sign-in accounts, sessions and addresses.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE users (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    email varchar(255) NOT NULL,
    email_verified timestamptz,
    password_hash varchar(255),
    name varchar(255),
    avatar_url varchar(500),
    phone varchar(50),
    phone_verified timestamptz,
    role user_role NOT NULL DEFAULT 'CUSTOMER'::user_role,
    membership_tier membership_tier NOT NULL DEFAULT 'PEARL'::membership_tier,
    membership_expires_at timestamptz,
    preferred_currency char(3) NOT NULL DEFAULT 'USD',
    preferred_language varchar(10) NOT NULL DEFAULT 'en',
    timezone varchar(50) NOT NULL DEFAULT 'UTC',
    style_profile_completed boolean NOT NULL DEFAULT false,
    ai_consent boolean NOT NULL DEFAULT true,
    personalization_level integer NOT NULL DEFAULT 5,
    feature_flags jsonb,
    last_login_at timestamptz,
    login_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at timestamptz,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE INDEX idx_users_email ON users (email) WHERE deleted_at IS NULL;

CREATE INDEX idx_users_membership ON users (membership_tier, membership_expires_at) WHERE deleted_at IS NULL;

CREATE INDEX idx_users_created_at ON users (created_at DESC);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE oauth_accounts (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    provider varchar(50) NOT NULL,
    provider_account_id varchar(255) NOT NULL,
    access_token text,
    refresh_token text,
    expires_at timestamptz,
    token_type varchar(50),
    scope text,
    id_token text,
    session_state text,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT oauth_accounts_pkey PRIMARY KEY (id),
    CONSTRAINT oauth_accounts_provider_provider_account_id_key UNIQUE (provider, provider_account_id)
);

CREATE TRIGGER oauth_accounts_set_updated_at BEFORE UPDATE ON oauth_accounts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE sessions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    session_token varchar(255) NOT NULL,
    ip_address inet,
    user_agent text,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT sessions_pkey PRIMARY KEY (id),
    CONSTRAINT sessions_session_token_key UNIQUE (session_token)
);

CREATE INDEX idx_sessions_token ON sessions (session_token);

CREATE INDEX idx_sessions_expires ON sessions (expires_at);

CREATE TABLE addresses (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    type varchar(50) NOT NULL DEFAULT 'shipping',
    is_default boolean NOT NULL DEFAULT false,
    first_name varchar(100) NOT NULL,
    last_name varchar(100) NOT NULL,
    company varchar(100),
    phone varchar(50),
    address_line1 varchar(255) NOT NULL,
    address_line2 varchar(255),
    city varchar(100) NOT NULL,
    state_province varchar(100),
    postal_code varchar(20) NOT NULL,
    country_code char(2) NOT NULL,
    latitude double precision,
    longitude double precision,
    is_validated boolean NOT NULL DEFAULT false,
    validated_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT addresses_pkey PRIMARY KEY (id),
    CONSTRAINT addresses_latitude_range CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT addresses_longitude_range CHECK (longitude BETWEEN -180 AND 180)
);

CREATE INDEX idx_addresses_user ON addresses (user_id);

CREATE TRIGGER addresses_set_updated_at BEFORE UPDATE ON addresses
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE oauth_accounts ADD CONSTRAINT oauth_accounts_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE sessions ADD CONSTRAINT sessions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE addresses ADD CONSTRAINT addresses_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

-- One-time links with which a user created without a password (by an agent, through
-- booking-service's users:provision call) sets one and claims the account. Only the SHA-256 of the
-- token is stored: a database leak hands out no working links.
create table password_setup_token (
    id              uuid primary key,
    token_hash      varchar(64) not null,
    user_id         uuid        not null references app_user (id),
    -- the organisation whose staff issued it; the session started by the set-up is for it
    organisation_id uuid        not null references organisation (id),
    issued_by       uuid        not null references app_user (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    constraint uk_password_setup_token_hash unique (token_hash)
);
create index ix_password_setup_token_user on password_setup_token (user_id);

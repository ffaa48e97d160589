-- auth-service owns identity: organisations, users, memberships, refresh-token families and
-- the signing keys. Every uniqueness rule that concurrent requests could break is a constraint
-- here, so the application can rely on the database to settle races (two registrations with one
-- email: exactly one insert wins, the other gets a unique violation it turns into a 409).

create table organisation (
    id                   uuid primary key,
    slug                 varchar(63)  not null,
    name                 varchar(200) not null,
    -- ISO 3166 region used to read phone numbers written without a country code
    default_phone_region varchar(2)   not null,
    -- how an ambiguous date such as 03/04/2026 is read (seed 001): DMY or MDY
    date_order           varchar(3)   not null default 'DMY',
    created_at           timestamptz  not null,
    constraint uk_organisation_slug unique (slug),
    constraint ck_organisation_slug check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    constraint ck_organisation_date_order check (date_order in ('DMY', 'MDY'))
);

create table app_user (
    id            uuid primary key,
    username      varchar(254) not null,
    -- nullable: users created by an agent (seed 001) are known by phone only
    email         varchar(254),
    -- E.164, normalised with libphonenumber before it gets here
    phone         varchar(16),
    first_name    varchar(150) not null default '',
    last_name     varchar(150) not null default '',
    gender        varchar(20),
    country       varchar(100),
    -- null = no usable password (agent-created users claim their account with a one-time token)
    password_hash varchar(255),
    is_active     boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint uk_app_user_username unique (username),
    constraint uk_app_user_phone unique (phone),
    constraint ck_app_user_phone check (phone is null or phone ~ '^\+[1-9][0-9]{6,14}$')
);
-- Case-insensitive email uniqueness; the application stores emails lower-cased as well, the index
-- is what makes it true under concurrency.
create unique index uk_app_user_email on app_user (lower(email));

create table membership (
    id              uuid primary key,
    user_id         uuid        not null references app_user (id),
    organisation_id uuid        not null references organisation (id),
    roles           text[]      not null,
    -- ticket seed: 0 technician_l1, 1 other staff, 2 supervisor, 3 admin
    level           integer     not null,
    kind            varchar(10) not null,
    created_at      timestamptz not null,
    constraint uk_membership_user_organisation unique (user_id, organisation_id),
    constraint ck_membership_kind check (kind in ('CUSTOMER', 'STAFF')),
    constraint ck_membership_level check (level between 0 and 3)
);
create index ix_membership_organisation on membership (organisation_id);

create table refresh_token (
    id              uuid primary key,
    -- every rotation keeps the family; reuse of a spent token revokes the whole family
    family_id       uuid        not null,
    -- SHA-256 of the opaque token: a database leak does not hand out working tokens
    token_hash      varchar(64) not null,
    user_id         uuid        not null references app_user (id),
    organisation_id uuid        not null references organisation (id),
    issued_at       timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    revoked_at      timestamptz,
    constraint uk_refresh_token_hash unique (token_hash)
);
create index ix_refresh_token_family on refresh_token (family_id);

create table signing_key (
    kid         varchar(64) primary key,
    -- PKCS#8 and X.509 DER, base64. The private key in the service's own database is the
    -- trade-off for restarts without logging everyone out; a KMS/HSM is the production step.
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
-- At most one active key: two starting replicas cannot both create one.
create unique index uk_signing_key_active on signing_key ((retired_at is null)) where retired_at is null;

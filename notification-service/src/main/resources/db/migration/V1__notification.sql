-- One row per domain event that staff are told about. The id orders the feed: a reconnecting
-- client asks for everything after the last id it saw.
create table notification (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null,
    org_id      uuid        not null,
    type        varchar(64) not null,
    payload     jsonb       not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null default now(),
    -- every replica consumes every event; the first stores it, the others find it
    constraint uk_notification_event unique (event_id)
);
create index ix_notification_org_id on notification (org_id, id);

-- "Read everything up to here" per user and organisation: read-all is one row, not one per
-- notification.
create table read_mark (
    user_id    uuid   not null,
    org_id     uuid   not null,
    read_up_to bigint not null,
    primary key (user_id, org_id)
);

-- Single notifications read after the mark.
create table notification_read (
    notification_id bigint      not null references notification (id) on delete cascade,
    user_id         uuid        not null,
    read_at         timestamptz not null default now(),
    primary key (notification_id, user_id)
);

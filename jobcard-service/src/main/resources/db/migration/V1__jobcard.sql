-- Job cards (seed 000). Every row belongs to one organisation; every query filters by org_id.
create table job_card (
    id              bigint generated always as identity primary key,
    org_id          uuid          not null,
    code            varchar(20)   not null,
    -- the client lives in customer-service; these are the job card's snapshot of it, taken at
    -- creation and refreshed by customer-service's events, so lists never call it per row
    client_id       uuid          not null,
    client_name     varchar(150)  not null,
    client_mobile   varchar(32),
    client_city     varchar(100),
    service_type    varchar(200)  not null,
    schedule_date   date,
    technician_id   uuid,
    technician_name varchar(150),
    price           numeric(12, 2) check (price >= 0),
    amount_paid     numeric(12, 2) not null default 0 check (amount_paid >= 0),
    payment_status  varchar(20)   not null
        check (payment_status in ('Unpaid', 'Partially Paid', 'Paid', 'Refunded')),
    job_type        varchar(50)   not null,
    status          varchar(20)   not null
        check (status in ('Enquiry', 'Scheduled', 'In Progress', 'Completed', 'Cancelled')),
    notes           varchar(2000),
    reference       varchar(100),
    completed_at    timestamptz,
    created_by      uuid          not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null,
    constraint job_card_code_per_organisation unique (org_id, code),
    constraint job_card_completed_when_completed
        check ((status = 'Completed') = (completed_at is not null))
);

create index job_card_newest_first on job_card (org_id, created_at desc, id desc);
create index job_card_by_client on job_card (org_id, client_id);
create index job_card_by_technician on job_card (org_id, technician_id);

-- The organisation's job card numbers: one atomic upsert per new job card hands out the next one,
-- so parallel creates get distinct codes and a number is never reused (a rolled back one is
-- skipped). Never max()+1, which two transactions can read alike.
create table job_card_code_counter (
    org_id     uuid   primary key,
    last_value bigint not null
);

-- The organisation's job types, in the order staff see them; none stored = the defaults
-- (fieldops.jobcards.default-job-types).
create table job_type (
    org_id   uuid        not null,
    name     varchar(50) not null,
    position int         not null,
    primary key (org_id, name)
);

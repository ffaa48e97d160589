-- Master tickets (seed 003) and the parts they refer to. Every row belongs to one organisation and
-- every query filters by org_id. Rows that tickets refer to are deactivated (is_active), never
-- deleted, except what the master delete's options remove.

create table work_type (
    id         uuid         primary key,
    org_id     uuid         not null,
    code       varchar(50)  not null,
    name_th    varchar(200) not null,
    name_en    varchar(200) not null,
    is_active  boolean      not null default true,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    constraint work_type_code_per_organisation unique (org_id, code)
);

create table ticket_status (
    id         uuid         primary key,
    org_id     uuid         not null,
    code       varchar(50)  not null,
    name_th    varchar(200) not null,
    name_en    varchar(200) not null,
    category   varchar(20)  not null
        check (category in ('new', 'open', 'pending', 'resolved', 'closed')),
    sort_order int          not null,
    is_active  boolean      not null default true,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    constraint ticket_status_code_per_organisation unique (org_id, code)
);

-- A company is found by its 13-digit tax id, one per organisation.
create table company (
    id             uuid         primary key,
    org_id         uuid         not null,
    tax_id         char(13)     not null check (tax_id ~ '^[0-9]{13}$'),
    name_th        varchar(300),
    name_en        varchar(300),
    address_detail varchar(1000),
    is_active      boolean      not null default true,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint company_tax_id_per_organisation unique (org_id, tax_id)
);

-- A site is found by its id, else by its name within its company (or among sites without one).
create table site (
    id               uuid          primary key,
    org_id           uuid          not null,
    company_id       uuid          references company (id),
    name             varchar(300)  not null,
    address_detail   varchar(1000),
    subdistrict_code int,
    postal_code      int,
    district_code    int,
    province_code    int,
    map_url          varchar(2000),
    is_active        boolean       not null default true,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    constraint site_name_per_company unique nulls not distinct (org_id, company_id, name)
);

-- A contact is found by its id, else by the person's name at its site (or among contacts without).
create table contact (
    id          uuid          primary key,
    org_id      uuid          not null,
    site_id     uuid          references site (id),
    person_name varchar(300)  not null,
    nickname    varchar(100),
    phone       text[]        not null default '{}',
    email       text[]        not null default '{}',
    line_id     varchar(100),
    note        varchar(2000),
    is_active   boolean       not null default true,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    constraint contact_person_per_site unique nulls not distinct (org_id, site_id, person_name)
);

-- Equipment at a site. (id, site_id) is unique so that a ticket's merchandise can be tied to the
-- ticket's own site by a composite foreign key.
create table merchandise (
    id         uuid          primary key,
    org_id     uuid          not null,
    site_id    uuid          not null references site (id),
    name       varchar(300)  not null,
    model      varchar(200),
    serial_no  varchar(200),
    is_active  boolean       not null default true,
    created_at timestamptz   not null,
    updated_at timestamptz   not null,
    constraint merchandise_at_its_site unique (id, site_id)
);

create table appointment (
    id                     uuid        primary key,
    org_id                 uuid        not null,
    appointment_date       date,
    appointment_time_start time,
    appointment_time_end   time,
    appointment_type       varchar(20)
        check (appointment_type in ('call_to_schedule', 'scheduled', 'backlog')),
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint appointment_ends_after_it_starts
        check (appointment_time_end is null or appointment_time_start is null
               or appointment_time_end > appointment_time_start)
);

create table ticket (
    id             uuid          primary key,
    org_id         uuid          not null,
    details        varchar(5000),
    work_type_id   uuid          not null references work_type (id),
    assigner_id    uuid          not null,
    status_id      uuid          not null references ticket_status (id),
    additional     varchar(5000),
    site_id        uuid          references site (id),
    contact_id     uuid          references contact (id),
    appointment_id uuid          unique references appointment (id),
    created_by     uuid          not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null,
    -- the target of ticket_merchandise's composite key: a ticket's merchandise is at its site
    constraint ticket_at_its_site unique (id, site_id)
);

create index ticket_newest_first on ticket (org_id, created_at desc);
create index ticket_by_site on ticket (org_id, site_id);
create index ticket_by_contact on ticket (contact_id);

create table ticket_employee (
    ticket_id   uuid not null references ticket (id) on delete cascade,
    employee_id uuid not null,
    primary key (ticket_id, employee_id)
);

create index ticket_employee_by_employee on ticket_employee (employee_id);

-- Merchandise must be at the ticket's site, held by the database: both keys carry site_id. A
-- ticket whose site changes while other-site merchandise is linked fails the first key (no
-- cascade on update), so the master API refuses it first with a 400 naming merchandise_ids.
create table ticket_merchandise (
    ticket_id      uuid not null,
    merchandise_id uuid not null,
    site_id        uuid not null,
    primary key (ticket_id, merchandise_id),
    constraint ticket_merchandise_ticket foreign key (ticket_id, site_id)
        references ticket (id, site_id) on delete cascade,
    constraint ticket_merchandise_at_the_tickets_site foreign key (merchandise_id, site_id)
        references merchandise (id, site_id)
);

-- Who changed what on a ticket: one row per member changed by a master write.
create table ticket_history (
    id         bigint generated always as identity primary key,
    org_id     uuid         not null,
    ticket_id  uuid         not null,
    changed_by uuid         not null,
    changed_at timestamptz  not null,
    member     varchar(100) not null,
    before     jsonb,
    after      jsonb
);

create index ticket_history_by_ticket on ticket_history (ticket_id, id);

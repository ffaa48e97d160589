-- Issue 12: nothing one organisation does may grant access to, change or reveal a person's
-- identity in another. Three facts the rules need, recorded instead of inferred:
--
-- 1. Who created an account. Every path that creates an account (registration, founding, an agent
--    booking of a new phone, an invitation of a new email, the deployment's bootstrap) inserts the
--    user and its first membership in one transaction, so for rows written before V6 the
--    organisation of the user's oldest membership is the one it was created in: a fact, not a
--    guess. A user with no membership keeps null (only hand-made rows; no code path makes one).
alter table app_user add column created_by_organisation_id uuid references organisation (id);
update app_user u
   set created_by_organisation_id = (select m.organisation_id from membership m
                                      where m.user_id = u.id
                                      order by m.created_at, m.id
                                      limit 1);
create index ix_app_user_created_by on app_user (created_by_organisation_id);

-- 2. Whether an account ever had a password. A set-up link is for an account nobody has claimed
--    yet; password_hash alone cannot say "never" once a later change could clear it. Set the
--    first time a password is stored and never cleared. Rows before V6: the time is unknown, so
--    the last update stands in for it (only "is it set" is ever read).
alter table app_user add column password_set_at timestamptz;
update app_user set password_set_at = updated_at where password_hash is not null;
alter table app_user add constraint ck_app_user_password_set
    check (password_hash is null or password_set_at is not null);

-- 3. How a membership came to be, which decides what its organisation may see of the person:
--    CREATED    the account was created together with this membership (registration, founding,
--               the organisation's agent booking of a new phone or invitation of a new email,
--               the bootstrap admin): the identity is the person's own or the organisation's
--    INVITED    the person, logged in, accepted the organisation's invitation
--    BOOTSTRAP  the deployment's operator named an existing account the default organisation's
--               admin (fieldops.bootstrap.admin-email)
--    ADDED      the organisation added an existing account without the person's consent (its
--               agent booking found the phone): it sees only what it told us itself (contact_*)
-- Before V6 every later membership was added without consent (provisioning, or the invitation of
-- an existing email, which added the membership at once), so: oldest CREATED, the rest ADDED.
alter table membership add column origin varchar(10);
update membership m
   set origin = case when m.id = (select f.id from membership f
                                   where f.user_id = m.user_id
                                   order by f.created_at, f.id
                                   limit 1)
                     then 'CREATED' else 'ADDED' end;
alter table membership alter column origin set not null;
alter table membership add constraint ck_membership_origin
    check (origin in ('CREATED', 'INVITED', 'BOOTSTRAP', 'ADDED'));

-- What an organisation told us about a person it ADDED (its agent's booking): the names, email and
-- phone as written in its request. This, not the account's identity, is what the organisation's
-- members list and directory show for such a member. Null for other origins and for rows before
-- V6 (nothing was recorded then).
alter table membership add column contact_first_name varchar(150);
alter table membership add column contact_last_name  varchar(150);
alter table membership add column contact_email      varchar(254);
alter table membership add column contact_phone      varchar(40);

-- One definition of what an organisation sees of each of its members, read by the members list
-- and the directory (customer-service puts these names beside customers). A later migration that
-- changes a column used here must drop and re-create the view.
create view organisation_member as
select m.id              as membership_id,
       m.organisation_id,
       m.user_id,
       m.roles,
       m.level,
       m.kind,
       m.origin,
       m.is_active       as membership_active,
       u.is_active       as account_active,
       case when m.origin = 'ADDED' then m.contact_phone else u.username end  as username,
       case when m.origin = 'ADDED' then m.contact_email else u.email end     as email,
       case when m.origin = 'ADDED' then coalesce(m.contact_first_name, '')
            else u.first_name end                                             as first_name,
       case when m.origin = 'ADDED' then coalesce(m.contact_last_name, '')
            else u.last_name end                                              as last_name,
       case when m.origin = 'ADDED' then m.contact_phone else u.phone end     as phone,
       -- the number's key: an organisation that knows the number finds its member by any spelling
       u.phone_key
  from membership m
  join app_user u on u.id = m.user_id;

-- An organisation's invitation of an existing account (issue 12): nothing is granted until the
-- person, logged in, accepts it. At most one pending invitation per (organisation, user).
create table invitation (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id),
    user_id         uuid        not null references app_user (id),
    -- as the admin typed it (lower-cased): the admin's own record of whom they invited
    email           varchar(254) not null,
    roles           text[]      not null,
    level           integer     not null,
    invited_by      uuid        not null references app_user (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    status          varchar(10) not null,
    closed_at       timestamptz,
    constraint ck_invitation_level check (level between 0 and 3),
    constraint ck_invitation_status check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    constraint ck_invitation_closed check ((status = 'PENDING') = (closed_at is null))
);
create unique index uk_invitation_pending on invitation (organisation_id, user_id)
    where status = 'PENDING';
create index ix_invitation_user on invitation (user_id, status);

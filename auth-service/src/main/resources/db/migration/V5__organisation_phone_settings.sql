-- Issue 11: how an organisation reads phone numbers is its admin's setting
-- (PATCH /api/auth/organization/). Strict validation accepts only numbers valid in
-- default_phone_region (or valid international ones); off, the user documents' ten-digit numbers
-- are accepted too. Off for every existing organisation, as for new ones.
alter table organisation add column strict_phone_validation boolean not null default false;
-- Optimistic locking of the settings: served as the ETag of GET/PATCH /api/auth/organization/.
alter table organisation add column version bigint not null default 0;

-- Organisation admins deactivate a member (issue 3). Deactivation is per membership, not per user:
-- an admin of one organisation must not be able to lock a person out of another organisation.
-- A deactivated membership cannot log in or refresh; the row stays (history, reactivation later).
alter table membership add column is_active boolean not null default true;
-- The member list is filtered by organisation and sorted by name; the admin count by role.
create index ix_membership_organisation_active on membership (organisation_id, is_active);

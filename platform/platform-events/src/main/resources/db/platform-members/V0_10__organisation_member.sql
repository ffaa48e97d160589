-- The organisation members read model (io.fieldops.platform.events.members), fed by topic users.
-- Only services that set fieldops.members.enabled=true have this location in Flyway's path.
--
-- The organisation is part of the key: every query names it, so one organisation's lookups can
-- never return another's member. Identity columns are nullable because membership.changed carries
-- no identity and a person's registration may be older than the topic's retention.
CREATE TABLE organisation_member
(
  org_id       UUID                     NOT NULL,
  user_id      UUID                     NOT NULL,
  roles        TEXT[]                   NOT NULL,
  level        INT                      NOT NULL,
  active       BOOLEAN                  NOT NULL,
  first_name   TEXT,
  last_name    TEXT,
  email        TEXT,
  phone_number TEXT,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, user_id)
);

-- user.updated changes a person's identity in every organisation they belong to.
CREATE INDEX organisation_member_user_id_idx ON organisation_member (user_id);

-- The staff told in person about a notification (feed.Notices.Notice#recipients): a technician
-- just assigned to a ticket or job card. A level 0 technician's history is exactly these rows.
create table notification_recipient (
    notification_id bigint not null references notification (id) on delete cascade,
    user_id         uuid   not null,
    primary key (notification_id, user_id)
);
create index ix_notification_recipient_user on notification_recipient (user_id, notification_id);

-- First-seen alerts (new names): which entity types a subscription watches, for how many days an
-- entity must have been unnamed and in how many sources it must now be named. No types: no alert.
alter table alert_subscription add column first_seen_types varchar(100);
alter table alert_subscription add column first_seen_days integer;
alter table alert_subscription add column first_seen_sources integer;

-- Every new name told to a subscription, once: the primary key is the promise that an entity is
-- announced at most once per subscription, whatever restarts or app instances do.
create table alert_first_seen (
    subscription_id bigint        not null,
    entity          varchar(512)  not null,   -- typed name, e.g. person:Ivan Petrov
    first_at        timestamp     not null,   -- its first article in the window
    sources         integer       not null,   -- distinct sources naming it when told
    announced_at    timestamp     not null,
    constraint pk_alert_first_seen primary key (subscription_id, entity),
    constraint fk_alert_first_seen_subscription foreign key (subscription_id) references alert_subscription (id) on delete cascade
);

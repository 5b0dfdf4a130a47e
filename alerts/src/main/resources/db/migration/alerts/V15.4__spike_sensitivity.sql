-- Spike alerts people can tune (issue 17): a sensitivity preset per subscription instead of one
-- z-score for all, and spikes per entity of the subscription's entity filter.
alter table alert_subscription add column spike_sensitivity varchar(10) default 'BALANCED' not null;
alter table alert_subscription add column spike_by_entity boolean default false not null;

-- A surge in progress, per subscription and what surged (its whole volume, or one entity): it is
-- announced when this row is created, updated at most once per cool-down while it lasts, and
-- "back to normal" deletes it. The primary key makes one instance alone announce it.
create table alert_spike_state (
    subscription_id bigint        not null references alert_subscription (id) on delete cascade,
    scope           varchar(300)  not null,
    started_at      timestamp     not null,
    notified_at     timestamp     not null,
    constraint pk_alert_spike_state primary key (subscription_id, scope)
);

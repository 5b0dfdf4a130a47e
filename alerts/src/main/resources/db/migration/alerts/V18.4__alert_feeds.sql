-- An alert's matches as an RSS/Atom feed at a private address: at most one live token per
-- subscription. Looked up by the token's SHA-256; the token itself is kept encrypted (as webhook
-- secrets are), so its owner can copy the address again. Revoking deletes the row: the old
-- address answers 404 from then on, and a new token is a new address.
create table alert_feed (
    subscription_id bigint       not null primary key,
    token_hash      varchar(64)  not null,
    token           varchar(300) not null,
    created_at      timestamp    not null,
    constraint uq_alert_feed_token unique (token_hash),
    constraint fk_alert_feed_subscription foreign key (subscription_id) references alert_subscription (id) on delete cascade
);

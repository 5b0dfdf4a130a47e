-- Webhook URLs and secrets are stored encrypted (AES-GCM, base64): ten webhooks of 2,048
-- characters need more room than plain text did
alter table alert_subscription alter column channels set data type varchar(40000);

-- An owner's email recipients confirm by a link before alerts or reports are sent to them:
-- one row per owner and address (lower case), covering all their alerts and reports
create table alert_email_confirmation (
    owner         varchar(50)  not null,
    address       varchar(254) not null,
    token_hash    varchar(64),             -- SHA-256 (hex) of the link's token; the token itself is only in the message
    sent_at       timestamp,               -- the last confirmation message; null: not sent yet
    expires_at    timestamp,               -- the link works until then
    confirmed_at  timestamp,
    created_at    timestamp    not null,
    constraint pk_alert_email_confirmation primary key (owner, address)
);
create unique index ux_alert_email_confirmation_token on alert_email_confirmation (token_hash);
create index ix_alert_email_confirmation_unsent on alert_email_confirmation (sent_at);

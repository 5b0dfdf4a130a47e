-- Personal API tokens (dashboard/token): only the SHA-256 of each token is kept, never the token.
-- id is the token's public part (opt_<id>_<secret>), so a token seen in a log can be found here
-- without its secret. A revoked token keeps its row, so that using it is answered "revoked".
create table api_tokens (
    id           varchar(16)              not null primary key,
    username     varchar(50)              not null,
    name         varchar(100)             not null,
    scope        varchar(16)              not null,
    secret_hash  varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(50),
    constraint fk_api_tokens_users foreign key (username) references users (username) on delete cascade
);
create index ix_api_tokens_username on api_tokens (username);

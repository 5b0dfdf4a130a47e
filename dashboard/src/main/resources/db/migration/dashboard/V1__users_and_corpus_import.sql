-- Spring Security's JDBC user store (JdbcUserDetailsManager's default schema)
create table users (
    username varchar(50)  not null primary key,
    password varchar(500) not null,
    enabled  boolean      not null
);

create table authorities (
    username  varchar(50) not null,
    authority varchar(50) not null,
    constraint fk_authorities_users foreign key (username) references users (username)
);
create unique index ix_auth_username on authorities (username, authority);

-- one row per sample corpus version imported, so a restart does not import it again
create table corpus_import (
    corpus_version varchar(64) not null primary key,
    imported_at    timestamp   not null,
    articles       integer     not null
);

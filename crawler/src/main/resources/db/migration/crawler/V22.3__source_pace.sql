-- An adaptive source's learned interval between runs and the figures it was learned from, one row
-- per source, rewritten after each of its runs: what the source's status shows, and what its
-- Quartz trigger is rebuilt with after a restart or an edit.
create table crawl_source_pace (
    source_id    bigint        not null,
    interval_s   bigint        not null,
    why          varchar(16)   not null,   -- NEW, PUBLISHES, SILENT, FAILING
    usual_gap_s  bigint,                   -- the median gap between its recent articles
    silent_s     bigint,                   -- how long since its newest article, when that slowed it down
    failed_runs  integer       not null default 0,
    bound        varchar(16),              -- SHORTEST, LONGEST, CRAWL_DELAY: the limit that held it
    learned_at   timestamp with time zone not null,
    constraint pk_crawl_source_pace primary key (source_id),
    constraint fk_crawl_source_pace_source foreign key (source_id) references crawl_source (id) on delete cascade
);

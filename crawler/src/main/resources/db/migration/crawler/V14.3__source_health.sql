-- When each article a source turned into was dated (its publication time, else its first fetch):
-- the history a source's usual gap between articles is learned from. Rows recorded before have
-- none and count by their fetch time.
alter table crawled_page add column dated_at timestamp with time zone;
create index ix_crawled_page_dated on crawled_page (source_id, dated_at);

-- A source's open problem (silent, failing), one row per source and problem: raising it is an
-- insert the primary key lets only one instance win, recovering is the delete of that row, so a
-- change is announced once whatever the number of instances checking.
create table crawl_source_alarm (
    source_id   bigint        not null,
    problem     varchar(16)   not null,   -- SILENT, FAILING
    raised_at   timestamp with time zone not null,
    since       timestamp with time zone not null,   -- last article, or first failed run in the row
    usual_gap_s bigint,                   -- silent: the usual gap learned, in seconds
    failed_runs integer       not null default 0,
    reason      varchar(2000),
    constraint pk_crawl_source_alarm primary key (source_id, problem),
    constraint fk_crawl_source_alarm_source foreign key (source_id) references crawl_source (id) on delete cascade
);

-- Learned topic models trained in the app (the shipped one is not stored: it is in use while no row is active).
-- A row is a candidate when trained, active when switched on (at most one), retired when another replaced it,
-- rejected when a scheduled run found it worse than the model in use. Its held-out quality, that of the model
-- that was active when it was trained (the baseline) and that of the rules alone were measured at training time
-- on the same held-out texts, so they compare like with like.
create table topic_model (
    version           varchar(64)  not null primary key,  -- TopicModel.version(), a hash of the model
    trained_at        timestamp    not null,
    trained_by        varchar(50)  not null,   -- the admin's user name, or 'schedule'
    state             varchar(16)  not null,   -- candidate, active, retired, rejected
    model_text        text         not null,   -- TopicModel.format(), a few hundred KB
    summary_json      text         not null,   -- TrainingSummary
    quality_json      text         not null,   -- QualityReport of this model on the held-out texts
    baseline_version  varchar(64)  not null,   -- the model active when it was trained ('shipped' for the shipped one)
    baseline_json     text         not null,   -- QualityReport of that model on the same texts
    rules_json        text         not null,   -- QualityReport of the rules alone on the same texts
    held_out_texts    integer      not null,
    feedback_texts    integer      not null,   -- feedback texts trained on
    activated_at      timestamp,
    activated_by      varchar(50),
    replaces          varchar(64)              -- the model it replaced when last switched on (null: the shipped one)
);
create index ix_topic_model_state on topic_model (state);

-- The deployment's one training run (id 1), claimed by a conditional update like rescore_run; scheduled_for is the
-- schedule tick the last scheduled run was claimed for, so of several instances one trains per tick.
create table model_training_run (
    id             integer       not null primary key,
    state          varchar(16)   not null,   -- IDLE, RUNNING, FINISHED, FAILED
    instance       varchar(100),
    requested_by   varchar(50),
    progress       double precision not null,
    step           varchar(32),
    candidate      varchar(64),              -- the version the run stored
    started_at     timestamp,
    finished_at    timestamp,
    heartbeat_at   timestamp,
    scheduled_for  timestamp,
    error          varchar(2000)
);
insert into model_training_run (id, state, progress) values (1, 'IDLE', 0);

-- Migrations of running cases from one version of carLoanOverdue to another (CONTRACT §6). The engine's batch
-- (its id is ours) moves the cases; these rows say which cases were asked to move, which stayed and why, and
-- who asked. running_source: the source process definition while the migration runs (one at a time per version).
create table case_migration (
  id                   varchar(64)  primary key,
  from_version         integer      not null,
  to_version           integer      not null,
  source_definition_id varchar(64)  not null,
  target_definition_id varchar(64)  not null,
  running_source       varchar(64)  unique,
  requested_by         varchar(64)  not null,
  requested_at         timestamp with time zone not null,
  status               varchar(10)  not null,
  migrated             integer,
  finished_at          timestamp with time zone
);

-- submitted: handed to the batch; false: it waits at an activity the new version lacks and stayed (failure says why).
create table case_migration_case (
  migration_id        varchar(64)   not null references case_migration (id),
  process_instance_id varchar(64)   not null,
  loan_id             varchar(30),
  submitted           boolean       not null,
  failure             varchar(1000),
  primary key (migration_id, process_instance_id)
);

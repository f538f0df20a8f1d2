-- Indexes for the operations figures (operations.CaseFigures): the dashboard reads open cases and the last
-- 30 days, and must stay fast at 100,000 closed and 20,000 open cases.
create index loan_case_closed_at on loan_case (closed_at);
-- Covers the window's outcomes and recovery rate without touching the sealed record itself.
create index case_archive_closed on case_archive (closed_at, case_outcome, amount_due, amount_repaid);
create index repayment_plan_agreed on repayment_plan (agreed_at);

-- Camunda's activity history gets one index too, created by operations.EngineIndexes once the engine has
-- built its schema (Flyway may run before Camunda on a fresh database). Where DBAs manage Camunda's schema
-- and set collections.operations.engine-indexes=false, create it by hand:
--   create index COLL_IDX_HI_ACT_ENDS on ACT_HI_ACTINST (PROC_DEF_KEY_, ACT_ID_, END_TIME_, ACT_INST_STATE_, PROC_INST_ID_);

-- The dashboard's and the metrics' promise-to-pay kept rate (operations.RecordFigures): the promises decided in the
-- last 30 days, per team and maker, without reading every promise ever made. The open and overdue complaints are
-- served by complaint_open (V42).
create index promise_to_pay_decided on promise_to_pay (decided_at, case_id, made_by, status);

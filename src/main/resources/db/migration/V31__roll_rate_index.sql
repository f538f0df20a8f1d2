-- Roll rates (operations.RollRates): the cases that were in a bucket during a month are found by the events
-- that brought them into it (to_bucket set: the first placement or a bucket move), before the month's end.
create index ownership_event_bucket_entry on ownership_event (to_bucket, at, case_id);

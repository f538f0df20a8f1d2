-- The dashboard's "recovered" figure sums the window's payments by paid_at (operations.CaseFigures#received),
-- across all collectors: payment_collector (collector, paid_at) does not serve it.
create index payment_paid on payment (paid_at, case_id, amount);

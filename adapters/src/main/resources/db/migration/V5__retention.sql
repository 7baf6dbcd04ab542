-- Housekeeping deletes expired history oldest first, a bounded batch at a time: each table it
-- purges needs an index on the time it is purged by (outbox_event has one: outbox_pending).
CREATE INDEX sale_receipt_by_age ON sale_receipt (created_at);
CREATE INDEX alert_by_age ON alert (raised_at, id);

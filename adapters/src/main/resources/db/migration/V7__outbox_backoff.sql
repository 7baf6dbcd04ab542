-- The outbox relay backs off per event: an event the topic did not take is due again at
-- next_attempt_at, and the others go on. New rows take the default, due at once. The relay reads the
-- due unpublished events along outbox_due (published_at IS NULL, then by due time; InnoDB appends
-- the id), so its reads stay on the unpublished rows however many published ones accumulate.
ALTER TABLE outbox_event ADD COLUMN next_attempt_at DATETIME(3) NOT NULL DEFAULT '1970-01-01 00:00:00.000';
CREATE INDEX outbox_due ON outbox_event (published_at, next_attempt_at);

-- The trace context (W3C traceparent) of the change that wrote each outbox event: the relay
-- publishes the event as part of that trace, however much later and on whichever instance.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(128) NULL;

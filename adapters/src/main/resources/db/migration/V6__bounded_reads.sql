-- Reads the dashboard, health and gauges make on every call, each through an index whose range does
-- not grow with history: the newest replenishments first, and those ended in the last day by status.
CREATE INDEX replenishment_newest ON replenishment (requested_at);
CREATE INDEX replenishment_delivered ON replenishment (status, delivered_at);
CREATE INDEX replenishment_failed ON replenishment (status, failed_at);

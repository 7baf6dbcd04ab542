-- Reads the dashboard, health and gauges make on every call, each through an index whose range does
-- not grow with history: the newest replenishments first, and those ended in the last day by status.
CREATE INDEX replenishment_newest ON replenishment (requested_at);
CREATE INDEX replenishment_delivered ON replenishment (status, delivered_at);
CREATE INDEX replenishment_failed ON replenishment (status, failed_at);

-- The operator's archive of old books: one row, so any instance can carry it on after a restart.
CREATE TABLE ledger_archive (
  id            INT         NOT NULL PRIMARY KEY,
  archive_before DATETIME(3) NOT NULL,
  status        VARCHAR(16) NOT NULL,
  lines_removed BIGINT      NOT NULL DEFAULT 0,
  sales_removed BIGINT      NOT NULL DEFAULT 0,
  asked_at      DATETIME(3) NOT NULL,
  finished_at   DATETIME(3) NULL,
  lease_until   DATETIME(3) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

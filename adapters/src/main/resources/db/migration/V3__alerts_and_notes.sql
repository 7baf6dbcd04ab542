-- Alerts to the operations team: one row per incident, delivered per channel with retries.
CREATE TABLE alert (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  incident_key     VARCHAR(200)  NOT NULL,
  kind             VARCHAR(32)   NOT NULL,
  sku              VARCHAR(64)   NULL,
  factory_id       VARCHAR(64)   NULL,
  replenishment_id CHAR(36)      NULL,
  reason           VARCHAR(1000) NOT NULL,
  last_error       VARCHAR(1000) NULL,
  raised_at        DATETIME(3)   NOT NULL,
  CONSTRAINT one_alert_per_incident UNIQUE (incident_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE alert_delivery (
  alert_id        BIGINT        NOT NULL,
  channel         VARCHAR(32)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NOT NULL,
  last_error      VARCHAR(1000) NULL,
  PRIMARY KEY (alert_id, channel),
  INDEX alert_delivery_due (sent_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What operators did to a replenishment (redrive, discard) and why.
CREATE TABLE replenishment_note (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  replenishment_id CHAR(36)      NOT NULL,
  noted_at         DATETIME(3)   NOT NULL,
  note             VARCHAR(1000) NOT NULL,
  INDEX note_by_replenishment (replenishment_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Backorders: buyers who chose to wait when the shelf could not serve them. position is the arrival
-- order (a delivery serves a product's waiting backorders lowest position first, along
-- backorder_line); id is the public, unguessable name. Only the SHA-256 of the buyer's secret is kept.
CREATE TABLE backorder (
  position        BIGINT AUTO_INCREMENT PRIMARY KEY,
  id              CHAR(36)     NOT NULL,
  sku             VARCHAR(64)  NOT NULL,
  quantity        INT          NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  secret_hash     CHAR(64)     NOT NULL,
  notify_url      VARCHAR(500) NULL,
  idempotency_key VARCHAR(100) NULL,
  sale_id         BIGINT       NULL,
  fulfilled_by    CHAR(36)     NULL,
  created_at      DATETIME(3)  NOT NULL,
  expires_at      DATETIME(3)  NOT NULL,
  ended_at        DATETIME(3)  NULL,
  CONSTRAINT backorder_id_unique UNIQUE (id),
  CONSTRAINT backorder_key_unique UNIQUE (idempotency_key),
  CONSTRAINT backorder_quantity_positive CHECK (quantity > 0),
  CONSTRAINT backorder_status_known CHECK (status IN ('WAITING', 'FULFILLED', 'CANCELLED', 'EXPIRED')),
  INDEX backorder_line (sku, status, position),
  INDEX backorder_by_sku (sku, position),
  INDEX backorder_expiry (status, expires_at),
  INDEX backorder_by_delivery (fulfilled_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A product's own backorder rules; a product without a row follows the shop's defaults.
CREATE TABLE backorder_policy (
  sku                  VARCHAR(64) NOT NULL PRIMARY KEY,
  expire_after_seconds BIGINT      NOT NULL,
  max_order_quantity   INT         NOT NULL,
  CONSTRAINT backorder_policy_max_positive CHECK (max_order_quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The notice outbox: a backorder's fulfilment or expiry, written in the transaction that ended it,
-- posted to the buyer's notify_url by the notice relay (due at next_attempt_at, backing off per notice).
CREATE TABLE backorder_notice (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id        CHAR(36)      NOT NULL,
  backorder_id    CHAR(36)      NOT NULL,
  sku             VARCHAR(64)   NOT NULL,
  quantity        INT           NOT NULL,
  position        BIGINT        NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  sale_id         BIGINT        NULL,
  notify_url      VARCHAR(500)  NOT NULL,
  signing_key     CHAR(64)      NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  published_at    DATETIME(3)   NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  last_error      VARCHAR(1000) NULL,
  next_attempt_at DATETIME(3)   NOT NULL DEFAULT '1970-01-01 00:00:00.000',
  CONSTRAINT backorder_notice_event_unique UNIQUE (event_id),
  INDEX backorder_notice_due (published_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

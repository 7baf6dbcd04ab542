-- Replenishments from stock-out to delivery, and the outbox that carries their events to the queue.
CREATE TABLE replenishment (
  id                 CHAR(36)      NOT NULL PRIMARY KEY,
  sku                VARCHAR(64)   NOT NULL,
  factory_identifier VARCHAR(64)   NOT NULL,
  quantity           INT           NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  -- Set to the SKU while REQUESTED or ORDERED, NULL otherwise: the unique key lets the database
  -- admit exactly one open replenishment per product, however many buyers find the shelf empty.
  open_sku           VARCHAR(64)   NULL,
  delivered_quantity INT           NULL,
  attempts           INT           NOT NULL DEFAULT 0,
  reorders           INT           NOT NULL DEFAULT 0,
  last_error         VARCHAR(1000) NULL,
  lease_until        DATETIME(3)   NULL,
  last_attempt_at    DATETIME(3)   NULL,
  requested_at       DATETIME(3)   NOT NULL,
  ordered_at         DATETIME(3)   NULL,
  delivered_at       DATETIME(3)   NULL,
  failed_at          DATETIME(3)   NULL,
  CONSTRAINT one_open_replenishment_per_product UNIQUE (open_sku),
  INDEX replenishment_by_sku (sku, requested_at),
  INDEX replenishment_by_status (status, ordered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE outbox_event (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id         CHAR(36)      NOT NULL,
  event_type       VARCHAR(40)   NOT NULL,
  replenishment_id CHAR(36)      NOT NULL,
  payload          TEXT          NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  published_at     DATETIME(3)   NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  last_error       VARCHAR(1000) NULL,
  INDEX outbox_pending (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Secrets the shop generates for itself when none is configured (e.g. the callback signing key).
CREATE TABLE shop_secret (
  name  VARCHAR(64)  NOT NULL PRIMARY KEY,
  value VARCHAR(200) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

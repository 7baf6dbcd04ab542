-- The warehouse: factories, products and their stock, sales, and the ledger of every stock change.
CREATE TABLE factory (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  identifier    VARCHAR(64)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  manager_email VARCHAR(200) NOT NULL,
  api_url       VARCHAR(500) NULL,
  CONSTRAINT factory_identifier_unique UNIQUE (identifier),
  CONSTRAINT factory_name_unique UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE product (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  sku              VARCHAR(64)  NOT NULL,
  name             VARCHAR(200) NOT NULL,
  price            INT          NOT NULL,
  stock            INT          NOT NULL,
  factory_id       BIGINT       NOT NULL,
  reorder_quantity INT          NOT NULL DEFAULT 10,
  reorder_point    INT          NOT NULL DEFAULT 0,
  CONSTRAINT product_sku_unique UNIQUE (sku),
  CONSTRAINT product_name_unique UNIQUE (name),
  CONSTRAINT product_factory FOREIGN KEY (factory_id) REFERENCES factory (id),
  CONSTRAINT stock_never_negative CHECK (stock >= 0),
  CONSTRAINT reorder_quantity_positive CHECK (reorder_quantity > 0),
  CONSTRAINT reorder_point_not_negative CHECK (reorder_point >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sale (
  id       BIGINT AUTO_INCREMENT PRIMARY KEY,
  sku      VARCHAR(64) NOT NULL,
  quantity INT         NOT NULL,
  sold_at  DATETIME(3) NOT NULL,
  INDEX sale_by_sku (sku, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Answers given under an Idempotency-Key, so a retried purchase gets the first answer.
CREATE TABLE sale_receipt (
  idempotency_key  VARCHAR(100) NOT NULL PRIMARY KEY,
  fingerprint      VARCHAR(100) NOT NULL,
  outcome          VARCHAR(20)  NULL,
  sale_id          BIGINT       NULL,
  sku              VARCHAR(64)  NULL,
  quantity         INT          NULL,
  stock_figure     INT          NULL,
  replenishment_id CHAR(36)     NULL,
  created_at       DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: stock of a product always equals the sum of its movements.
CREATE TABLE stock_movement (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  sku        VARCHAR(64)  NOT NULL,
  change_qty INT          NOT NULL,
  reason     VARCHAR(16)  NOT NULL,
  reference  VARCHAR(100) NOT NULL,
  moved_at   DATETIME(3)  NOT NULL,
  INDEX stock_movement_by_sku (sku, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

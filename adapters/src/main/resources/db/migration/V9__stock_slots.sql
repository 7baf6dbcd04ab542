-- A product's stock is kept in slots (rows): buyers taking from different slots of a hot product do
-- not wait for each other's locks. product.slots says how many are in use (1 keeps one row, as
-- before); the product's stock is the sum of all its slots. Today's stock becomes slot 0.
CREATE TABLE product_slot (
  sku   VARCHAR(64) NOT NULL,
  slot  SMALLINT    NOT NULL,
  stock INT         NOT NULL,
  PRIMARY KEY (sku, slot),
  CONSTRAINT slot_stock_never_negative CHECK (stock >= 0),
  CONSTRAINT slot_in_range CHECK (slot >= 0 AND slot < 64)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO product_slot (sku, slot, stock) SELECT sku, 0, stock FROM product;

ALTER TABLE product
  ADD COLUMN slots SMALLINT NOT NULL DEFAULT 1,
  ADD CONSTRAINT slots_in_range CHECK (slots >= 1 AND slots <= 64);
ALTER TABLE product DROP CONSTRAINT stock_never_negative;
ALTER TABLE product DROP COLUMN stock;

-- Each ledger line changes one slot and carries that slot's balance; the audit follows each slot's
-- lines on their own, through this index.
ALTER TABLE stock_movement ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
CREATE INDEX stock_movement_by_slot ON stock_movement (sku, slot, id);

ALTER TABLE ledger_checkpoint ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_checkpoint DROP PRIMARY KEY, ADD PRIMARY KEY (track, sku, slot);

ALTER TABLE ledger_opening ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_opening DROP PRIMARY KEY, ADD PRIMARY KEY (sku, slot);

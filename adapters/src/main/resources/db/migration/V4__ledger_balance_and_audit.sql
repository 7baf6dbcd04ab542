-- Every ledger line carries the product's balance after it, so the audit compares the newest line
-- with the shelf (one index look-up per product) and replays only lines newer than its checkpoint,
-- instead of replaying the whole history on every call.
ALTER TABLE stock_movement ADD COLUMN balance_after INT NULL;

-- One pass over the existing history, at upgrade time only.
UPDATE stock_movement m
JOIN (SELECT id, SUM(change_qty) OVER (PARTITION BY sku ORDER BY id) AS balance FROM stock_movement) r
  ON r.id = m.id
SET m.balance_after = r.balance;

-- A history whose running balance ever went below zero stops the upgrade here, loudly.
ALTER TABLE stock_movement
  MODIFY balance_after INT NOT NULL,
  ADD CONSTRAINT balance_never_negative CHECK (balance_after >= 0);

-- How far the audit has followed each product's ledger, per track: 'live' follows new lines as they
-- come; 'replay' is the operator's full replay from the first kept line. A line that does not follow
-- from the one before (balance before + change <> balance after, or a balance below zero) is kept
-- as the product's problem, and the track stops before it.
CREATE TABLE ledger_checkpoint (
  track       VARCHAR(16)  NOT NULL,
  sku         VARCHAR(64)  NOT NULL,
  movement_id BIGINT       NOT NULL,
  balance     BIGINT       NOT NULL,
  checked     BIGINT       NOT NULL DEFAULT 0,
  checked_at  DATETIME(3)  NOT NULL,
  problem_at  BIGINT       NULL,
  problem     VARCHAR(500) NULL,
  PRIMARY KEY (track, sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Where each product's kept ledger starts once older lines are archived: the replay starts here.
CREATE TABLE ledger_opening (
  sku         VARCHAR(64) NOT NULL PRIMARY KEY,
  movement_id BIGINT      NOT NULL,
  balance     BIGINT      NOT NULL,
  archived_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The operator's full replay: one row, so any instance can carry it on after a restart.
CREATE TABLE ledger_replay (
  id          INT          NOT NULL PRIMARY KEY,
  status      VARCHAR(16)  NOT NULL,
  started_at  DATETIME(3)  NOT NULL,
  target_id   BIGINT       NOT NULL,
  finished_at DATETIME(3)  NULL,
  lease_until DATETIME(3)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

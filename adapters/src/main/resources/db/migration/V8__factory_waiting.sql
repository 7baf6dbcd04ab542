-- When a replenishment's factory first failed to take its order (refused, unreachable or its circuit
-- open); cleared once ordered or redriven. Bounds the wait: ops hear of the outage after
-- DONUT_FACTORY_OUTAGE_ALERT_AFTER and the replenishment ends FAILED after DONUT_FACTORY_GIVE_UP_AFTER.
-- Only REQUESTED replenishments (at most one per product) are looked at, through replenishment_by_status.
ALTER TABLE replenishment ADD COLUMN factory_waiting_since DATETIME(3) NULL;

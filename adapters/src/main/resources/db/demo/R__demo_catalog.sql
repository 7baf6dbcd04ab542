-- The demo catalog: the course's factory and product, and a few more donuts. Never overwrites stock.
INSERT IGNORE INTO factory (identifier, name, manager_email, api_url) VALUES
  ('FF-500293', '부산도너츠 공장', 'dob_factory@codeatates.com', NULL),
  ('FF-500300', 'Seoul Donut Works', 'seoul_factory@donut-states.example', NULL);

INSERT IGNORE INTO product (sku, name, price, factory_id, reorder_quantity, reorder_point)
SELECT 'CP-502101', '부산도너츠', 19900, id, 10, 0 FROM factory WHERE identifier = 'FF-500293';
INSERT IGNORE INTO product (sku, name, price, factory_id, reorder_quantity, reorder_point)
SELECT 'CP-502102', 'Glazed Ring', 2500, id, 20, 5 FROM factory WHERE identifier = 'FF-500293';
INSERT IGNORE INTO product (sku, name, price, factory_id, reorder_quantity, reorder_point)
SELECT 'CP-502103', 'Chocolate Frosted', 3000, id, 15, 3 FROM factory WHERE identifier = 'FF-500300';
INSERT IGNORE INTO product (sku, name, price, factory_id, reorder_quantity, reorder_point)
SELECT 'CP-502104', 'Boston Cream', 3500, id, 10, 2 FROM factory WHERE identifier = 'FF-500300';

-- The opening stock, in slot 0, only for a product that has no slot yet.
INSERT IGNORE INTO product_slot (sku, slot, stock) VALUES
  ('CP-502101', 0, 3), ('CP-502102', 0, 20), ('CP-502103', 0, 15), ('CP-502104', 0, 10);

-- The opening stock enters the ledger once, so stock always equals the sum of the ledger.
INSERT INTO stock_movement (sku, slot, change_qty, balance_after, reason, reference, moved_at)
SELECT s.sku, s.slot, s.stock, s.stock, 'ADJUSTMENT', 'opening stock', UTC_TIMESTAMP(3)
FROM product_slot s
WHERE s.stock > 0
  AND NOT EXISTS (SELECT 1 FROM stock_movement m WHERE m.sku = s.sku);

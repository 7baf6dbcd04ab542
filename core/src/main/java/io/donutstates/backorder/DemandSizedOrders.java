package io.donutstates.backorder;

import io.donutstates.replenishment.OrderSize;
import io.donutstates.stock.Product;
import io.donutstates.stock.Quantity;

/**
 * Orders sized to real demand: a new replenishment asks for the larger of the policy's quantity and
 * what waiting buyers want plus the reorder point (so the shelf is not empty again at once after
 * serving them), never more than the product's {@code maxOrderQuantity}. Demand that arrives while
 * the order is open is ordered after its delivery (see {@link FulfillingBackorders}).
 */
public class DemandSizedOrders implements OrderSize {

    private final Backorders backorders;
    private final BackorderPolicies policies;

    public DemandSizedOrders(Backorders backorders, BackorderPolicies policies) {
        this.backorders = backorders;
        this.policies = policies;
    }

    @Override
    public Quantity of(Product product) {
        long demand = backorders.waiting(product.sku()).donuts();
        long wanted = Math.max(product.reorderQuantity(), demand == 0 ? 0 : demand + product.reorderPoint());
        int cap = policies.policyOf(product.sku()).map(BackorderPolicy::maxOrderQuantity).orElse(Quantity.MAX);
        return Quantity.of((int) Math.max(1, Math.min(wanted, cap)));
    }
}

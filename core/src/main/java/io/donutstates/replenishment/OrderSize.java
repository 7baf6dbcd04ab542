package io.donutstates.replenishment;

import io.donutstates.stock.Product;
import io.donutstates.stock.Quantity;

/** How many donuts a new replenishment of a product asks the factory for. */
public interface OrderSize {

    /** The product's reorder quantity, as its policy says. */
    OrderSize POLICY = product -> Quantity.of(product.reorderQuantity());

    Quantity of(Product product);
}

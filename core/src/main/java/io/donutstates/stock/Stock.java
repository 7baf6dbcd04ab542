package io.donutstates.stock;

import java.util.List;
import java.util.Optional;

/** The warehouse: what is on the shelf for each product. */
public interface Stock {

    Optional<Product> find(Sku sku);

    List<Product> all();

    /**
     * Takes the quantity off the shelf in one conditional step, or nothing at all.
     *
     * @return the product as it stands after the take, or empty when it had too little (or does not exist)
     */
    Optional<Product> take(Sku sku, Quantity quantity);

    /** Puts a quantity on the shelf; returns the stock after it (the row stays locked until the transaction ends). */
    int add(Sku sku, Quantity quantity);

    /** Reads the product and holds its row until the transaction ends, so its stock can be shared out. */
    Optional<Product> lockForSale(Sku sku);

    /** Takes a quantity that the caller already checked against the locked stock. */
    void remove(Sku sku, int quantity);

    /** Changes a product's reorder rule; false for an unknown product. */
    boolean changePolicy(Sku sku, ReorderPolicy policy);

    /** Sets the stock to a counted value; returns the value it replaced, empty for an unknown product. */
    Optional<Integer> replace(Sku sku, int stock);
}

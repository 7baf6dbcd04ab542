package io.donutstates.stock;

import java.util.List;
import java.util.Optional;

/**
 * The warehouse: what is on the shelf for each product, kept in one or more slots (rows) per
 * product so that buyers taking from different slots do not wait for each other.
 */
public interface Stock {

    /** The product with its stock (the sum of its slots). */
    Optional<Product> find(Sku sku);

    List<Product> all();

    /** The product and its slots as last committed (and as this transaction changed them), without locking. */
    Optional<Shelf> look(Sku sku);

    /**
     * The product and its slots, every slot (and the product's policy) held until the transaction ends;
     * the slots the policy puts in use exist afterwards (empty if new).
     */
    Optional<Shelf> lock(Sku sku);

    /**
     * Takes the quantity from one slot in one conditional step, or nothing at all.
     *
     * @return whether the slot held enough (it is then held until the transaction ends)
     */
    boolean take(Sku sku, int slot, int quantity);

    /**
     * Takes the quantity from one slot unless another transaction holds that slot: never waits, so a
     * buyer going round the slots cannot wait in a circle with another.
     *
     * @return whether the slot was free and held enough (it is then held until the transaction ends)
     */
    boolean takeIfFree(Sku sku, int slot, int quantity);

    /** Applies a change to a slot this transaction holds; never below zero. */
    void change(Sku sku, SlotChange change);

    /** Changes a product's reorder rule and the number of slots in use; false for an unknown product. */
    boolean changePolicy(Sku sku, ReorderPolicy policy, int slots);
}

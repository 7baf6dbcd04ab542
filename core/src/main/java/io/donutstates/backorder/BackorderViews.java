package io.donutstates.backorder;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.stock.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The backorders as people read them: one, a product's list, the waiting per product, a delivery's share. */
public interface BackorderViews {

    Optional<Backorder> find(BackorderId id);

    /** A product's backorders, newest first, before the given position (null: from the newest); at most {@code limit}. */
    List<Backorder> page(Sku sku, Long beforePosition, int limit);

    /** Each product with waiting backorders: how many, and since when the oldest waits; at most {@code limit} products. */
    List<WaitingDemand> waitingByProduct(int limit);

    /**
     * The waiting backorders of each of these products that has any (a product without any is left out);
     * read along the waiting backorders alone, however long the products' history.
     */
    Map<Sku, WaitingDemand> waitingFor(Collection<Sku> products);

    /** How many backorders (and donuts) a delivery fulfilled. */
    Served servedBy(ReplenishmentId delivery);

    /**
     * What each of these deliveries fulfilled, for those that fulfilled any (the others are left out);
     * read along the backorders each fulfilled alone.
     */
    Map<ReplenishmentId, Served> servedBy(Collection<ReplenishmentId> deliveries);

    /** What one delivery gave to waiting buyers. */
    record Served(int backorders, int donuts) { }
}

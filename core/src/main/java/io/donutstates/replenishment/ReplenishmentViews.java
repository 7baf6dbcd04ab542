package io.donutstates.replenishment;

import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replenishments as views read them (the replenishment pages, the ops summary and gauges):
 * reads only, each of bounded cost. The use cases keep theirs through {@link Replenishments}.
 */
public interface ReplenishmentViews {

    Optional<Replenishment> find(ReplenishmentId id);

    /** The newest first, optionally for one product. */
    List<Replenishment> list(Optional<Sku> sku, int limit);

    /** The notes of a replenishment, oldest first. */
    List<String> notes(ReplenishmentId id);

    /** How many replenishments are open in each status now, and how many ended in each since the given time. */
    Map<ReplenishmentStatus, Long> countByStatus(Instant endedSince);

    /** When the longest-waiting REQUESTED replenishment was requested (or ordered again), if any. */
    Optional<Instant> oldestWaitingSince();
}

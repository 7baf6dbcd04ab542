package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every replenishment the shop has started, with guarded status changes. */
public interface Replenishments {

    Optional<Replenishment> find(ReplenishmentId id);

    Optional<Replenishment> openFor(Sku sku);

    /** Records a new open replenishment; false when the product already has one open. */
    boolean open(Replenishment replenishment);

    /** The newest first, optionally for one product. */
    List<Replenishment> list(Optional<Sku> sku, int limit);

    /** Takes the right to order a requested replenishment until {@code leaseUntil}; false if not requested or leased. */
    boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil);

    /** REQUESTED to ORDERED; false if it was not requested. */
    boolean markOrdered(ReplenishmentId id, Instant at);

    /**
     * Gives up the ordering lease after a failed factory call, keeping the error and, on the first
     * failure since it was last ordered or redriven, when its factory began to fail it.
     */
    void releaseAfterFailure(ReplenishmentId id, String error, Instant at);

    /** REQUESTED replenishments whose factory has failed them since before the given time, longest first. */
    List<Replenishment> waitingForFactorySince(Instant before, int limit);

    /** An open replenishment becomes FAILED; false if it was not open. */
    boolean markFailed(ReplenishmentId id, String reason, Instant at);

    /** Any replenishment not yet delivered becomes DELIVERED with the count received; false if delivered before. */
    boolean markDelivered(ReplenishmentId id, Quantity delivered, Instant at);

    /** ORDERED but undelivered since before the deadline. */
    List<Replenishment> orderedBefore(Instant deadline, int limit);

    /** REQUESTED, unleased, with no ordering attempt since the given time. */
    List<Replenishment> requestedIdleSince(Instant since, int limit);

    /** ORDERED back to REQUESTED for another order, counting the re-order; false if no longer ORDERED. */
    boolean reorder(ReplenishmentId id, Instant at);

    /** How many replenishments are open in each status now, and how many ended in each since the given time. */
    java.util.Map<ReplenishmentStatus, Long> countByStatus(Instant endedSince);

    /** When the longest-waiting REQUESTED replenishment was requested (or ordered again), if any. */
    java.util.Optional<Instant> oldestWaitingSince();

    /** FAILED back to REQUESTED for another try; false if not failed or the product has another open one. */
    boolean reopen(ReplenishmentId id, Instant at);

    /** Keeps what an operator did to a replenishment, and why. */
    void note(ReplenishmentId id, String note, Instant at);

    /** The notes of a replenishment, oldest first. */
    List<String> notes(ReplenishmentId id);

    /** Notes that an idle request is sent again; false if it is no longer idle (another sweep took it). */
    boolean touchIfIdle(ReplenishmentId id, Instant idleSince, Instant at);
}

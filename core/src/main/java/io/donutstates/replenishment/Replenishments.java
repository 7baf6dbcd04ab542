package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The replenishments as the use cases keep them: what they look up to act on, and the guarded
 * status changes, each allowed only from the statuses its {@link Transition} names. What views
 * read is {@link ReplenishmentViews}.
 */
public interface Replenishments {

    Optional<Replenishment> find(ReplenishmentId id);

    Optional<Replenishment> openFor(Sku sku);

    /** Records a new open replenishment; false when the product already has one open. */
    boolean open(Replenishment replenishment);

    /**
     * Takes the right to order a replenishment that may be ordered ({@link Transition#ORDER}) until
     * {@code leaseUntil}; false if it may not, or another worker holds the lease.
     */
    boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil);

    /** {@link Transition#ORDER}: REQUESTED to ORDERED; false if it was not requested. */
    boolean markOrdered(ReplenishmentId id, Instant at);

    /**
     * Gives up the ordering lease after a failed factory call, keeping the error and, on the first
     * failure since it was last ordered or redriven, when its factory began to fail it.
     */
    void releaseAfterFailure(ReplenishmentId id, String error, Instant at);

    /** REQUESTED replenishments whose factory has failed them since before the given time, longest first. */
    List<Replenishment> waitingForFactorySince(Instant before, int limit);

    /** {@link Transition#FAIL}: an open replenishment becomes FAILED; false if it was not open. */
    boolean markFailed(ReplenishmentId id, String reason, Instant at);

    /**
     * {@link Transition#DELIVER}: any replenishment not yet delivered becomes DELIVERED with the count
     * received; false if delivered before.
     */
    boolean markDelivered(ReplenishmentId id, Quantity delivered, Instant at);

    /** ORDERED but undelivered since before the deadline. */
    List<Replenishment> orderedBefore(Instant deadline, int limit);

    /** REQUESTED, unleased, with no ordering attempt since the given time. */
    List<Replenishment> requestedIdleSince(Instant since, int limit);

    /**
     * {@link Transition#REORDER}: ORDERED back to REQUESTED for another order, counting the re-order;
     * false if no longer ORDERED.
     */
    boolean reorder(ReplenishmentId id, Instant at);

    /**
     * {@link Transition#REDRIVE}: FAILED back to REQUESTED for another try; false if not failed or the
     * product has another open one.
     */
    boolean reopen(ReplenishmentId id, Instant at);

    /** Keeps what an operator did to a replenishment, and why. */
    void note(ReplenishmentId id, String note, Instant at);

    /**
     * Notes that an idle request, still waiting for its order ({@link Transition#ORDER}), is sent
     * again; false if it is no longer idle (another sweep took it).
     */
    boolean touchIfIdle(ReplenishmentId id, Instant idleSince, Instant at);
}

package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Passes every call on; a test overrides the one it wants to interleave another transaction with. */
class DelegatingReplenishments implements Replenishments {

    private final Replenishments delegate;

    DelegatingReplenishments(Replenishments delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Replenishment> find(ReplenishmentId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Replenishment> openFor(Sku sku) {
        return delegate.openFor(sku);
    }

    @Override
    public boolean open(Replenishment replenishment) {
        return delegate.open(replenishment);
    }


    @Override
    public boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil) {
        return delegate.claimForOrdering(id, now, leaseUntil);
    }

    @Override
    public boolean markOrdered(ReplenishmentId id, Instant at) {
        return delegate.markOrdered(id, at);
    }

    @Override
    public void releaseAfterFailure(ReplenishmentId id, String error, Instant at) {
        delegate.releaseAfterFailure(id, error, at);
    }

    @Override
    public List<Replenishment> waitingForFactorySince(Instant before, int limit) {
        return delegate.waitingForFactorySince(before, limit);
    }

    @Override
    public boolean markFailed(ReplenishmentId id, String reason, Instant at) {
        return delegate.markFailed(id, reason, at);
    }

    @Override
    public boolean markDelivered(ReplenishmentId id, Quantity delivered, Instant at) {
        return delegate.markDelivered(id, delivered, at);
    }

    @Override
    public List<Replenishment> orderedBefore(Instant deadline, int limit) {
        return delegate.orderedBefore(deadline, limit);
    }

    @Override
    public List<Replenishment> requestedIdleSince(Instant since, int limit) {
        return delegate.requestedIdleSince(since, limit);
    }

    @Override
    public boolean reorder(ReplenishmentId id, Instant at) {
        return delegate.reorder(id, at);
    }



    @Override
    public boolean reopen(ReplenishmentId id, Instant at) {
        return delegate.reopen(id, at);
    }

    @Override
    public void note(ReplenishmentId id, String note, Instant at) {
        delegate.note(id, note, at);
    }


    @Override
    public boolean touchIfIdle(ReplenishmentId id, Instant idleSince, Instant at) {
        return delegate.touchIfIdle(id, idleSince, at);
    }
}

package io.donutstates.backorder;

import java.util.Set;

/**
 * Where a backorder stands. It waits until a delivery serves it (FULFILLED), its buyer cancels it
 * (CANCELLED) or its time runs out (EXPIRED); each of those is final.
 */
public enum BackorderStatus {
    WAITING, FULFILLED, CANCELLED, EXPIRED;

    /** The one lifecycle: only a waiting backorder moves, and only to an end. */
    public boolean canMoveTo(BackorderStatus to) {
        return this == WAITING && Set.of(FULFILLED, CANCELLED, EXPIRED).contains(to);
    }
}

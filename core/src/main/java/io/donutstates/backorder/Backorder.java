package io.donutstates.backorder;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;

/**
 * A buyer's purchase that the shelf could not serve, waiting for the product's next delivery.
 * {@code position} is its place in the shop's arrival order (given when it is added, rising): a
 * delivery serves a product's waiting backorders lowest position first. Only a hash of the buyer's
 * secret is kept; {@code notifyUrl} (may be null) is told when it is fulfilled or expires.
 */
public record Backorder(BackorderId id, Sku sku, Quantity quantity, long position, BackorderStatus status,
                        String secretHash, String notifyUrl, String idempotencyKey, Long saleId,
                        ReplenishmentId fulfilledBy, Instant createdAt, Instant expiresAt, Instant endedAt) {

    /** A new waiting backorder; its position is given when it is added. */
    public static Backorder waiting(BackorderId id, Sku sku, Quantity quantity, String secretHash, String notifyUrl,
                                    String idempotencyKey, Instant at, Instant expiresAt) {
        return new Backorder(id, sku, quantity, 0, BackorderStatus.WAITING, secretHash, notifyUrl, idempotencyKey,
                null, null, at, expiresAt, null);
    }

    public Backorder at(long newPosition) {
        return new Backorder(id, sku, quantity, newPosition, status, secretHash, notifyUrl, idempotencyKey, saleId,
                fulfilledBy, createdAt, expiresAt, endedAt);
    }

    public Backorder fulfilled(long sale, ReplenishmentId by, Instant at) {
        return new Backorder(id, sku, quantity, position, BackorderStatus.FULFILLED, secretHash, notifyUrl,
                idempotencyKey, sale, by, createdAt, expiresAt, at);
    }

    public Backorder ended(BackorderStatus to, Instant at) {
        return new Backorder(id, sku, quantity, position, to, secretHash, notifyUrl, idempotencyKey, saleId,
                fulfilledBy, createdAt, expiresAt, at);
    }

    public boolean isWaiting() {
        return status == BackorderStatus.WAITING;
    }
}

package io.donutstates.backorder;

import io.donutstates.alerting.Alert;
import io.donutstates.messaging.OutboxEvent;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.UUID;

/**
 * Event: a backorder ended (FULFILLED or EXPIRED) and its buyer asked to be told at
 * {@code notifyUrl}. Written to the notice outbox in the transaction that ended the backorder, and
 * posted from there, signed with {@code signingKey} (the hash of the buyer's secret).
 */
public record BackorderNotice(UUID eventId, BackorderId backorderId, Sku sku, int quantity, long position,
                              BackorderStatus status, Long saleId, String notifyUrl, String signingKey,
                              Instant occurredAt) implements OutboxEvent {

    /** The notice of a backorder that just ended, or null when its buyer asked for none. */
    public static BackorderNotice of(Backorder ended, Instant at) {
        if (ended.notifyUrl() == null) {
            return null;
        }
        return new BackorderNotice(UUID.randomUUID(), ended.id(), ended.sku(), ended.quantity().value(),
                ended.position(), ended.status(), ended.saleId(), ended.notifyUrl(), ended.secretHash(), at);
    }

    @Override
    public String describe() {
        return "backorder notice of " + backorderId;
    }

    @Override
    public Alert alert(Alert.Kind kind, String reason, String lastError, Instant at) {
        return new Alert(kind, sku.value(), null, "backorder:" + backorderId, reason, lastError, at);
    }
}

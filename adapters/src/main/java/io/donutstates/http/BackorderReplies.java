package io.donutstates.http;

import io.donutstates.backorder.Backorder;
import io.donutstates.backorder.BackorderRequest;
import io.donutstates.backorder.Backordering;
import io.donutstates.backorder.WaitingDemand;
import io.donutstates.replenishment.Replenishment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The backorder part of the Sales API contract: the purchase's flag, a backorder's JSON, the 202 answer. */
public final class BackorderReplies {

    private BackorderReplies() {
    }

    /**
     * The purchase's {@code "backorder": true} (and optional {@code notifyUrl}); empty when the buyer
     * will not wait. A {@code notifyUrl} without the flag is a mistake, not a wish.
     */
    public static Optional<BackorderRequest> request(Map<String, Object> body) {
        Object flag = body.get("backorder");
        if (flag != null && !(flag instanceof Boolean)) {
            throw new IllegalArgumentException("backorder must be true or false");
        }
        Object url = body.get("notifyUrl");
        if (url != null && !(url instanceof String)) {
            throw new IllegalArgumentException("notifyUrl must be a string");
        }
        if (!Boolean.TRUE.equals(flag)) {
            if (url != null) {
                throw new IllegalArgumentException("notifyUrl is only for a purchase with \"backorder\": true");
            }
            return Optional.empty();
        }
        return Optional.of(new BackorderRequest((String) url));
    }

    /** {@code 202 {"status":"BACKORDERED","backorder":{...,"secret"},"replenishment":{...}}}. */
    public static HttpReply backordered(Backordering.Backordered placed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "BACKORDERED");
        Map<String, Object> backorder = view(placed.backorder());
        if (placed.secret() != null) {
            backorder.put("secret", placed.secret());
        }
        body.put("backorder", backorder);
        if (placed.replenishment() != null) {
            body.put("replenishment", replenishment(placed.replenishment()));
        }
        return new HttpReply(202, body);
    }

    public static Map<String, Object> view(Backorder b) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", b.id().toString());
        view.put("sku", b.sku().value());
        view.put("quantity", b.quantity().value());
        view.put("position", b.position());
        view.put("status", b.status().name());
        view.put("createdAt", b.createdAt().toString());
        view.put("expiresAt", b.expiresAt().toString());
        view.put("notify", b.notifyUrl() != null);
        if (b.saleId() != null) {
            view.put("saleId", b.saleId());
        }
        if (b.fulfilledBy() != null) {
            view.put("fulfilledBy", b.fulfilledBy().toString());
        }
        if (b.endedAt() != null) {
            view.put("endedAt", b.endedAt().toString());
        }
        return view;
    }

    public static Map<String, Object> waiting(WaitingDemand w) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sku", w.sku().value());
        view.put("waitingBackorders", w.backorders());
        view.put("waitingDonuts", w.donuts());
        view.put("oldestSince", w.oldestSince() == null ? null : w.oldestSince().toString());
        return view;
    }

    static Map<String, Object> replenishment(Replenishment r) {
        return Map.of("id", r.id().toString(), "status", r.status().name(), "quantity", r.quantity().value());
    }
}

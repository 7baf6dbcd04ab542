package io.donutstates.http;

import io.donutstates.alerting.Alert;
import io.donutstates.shared.PublicText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/ops/summary}, one shape for the service and the Lambda admin API:
 * both queues' depths, the age of the oldest waiting replenishment, sales per second over the last
 * minute (empty where the runtime does not count them), replenishments by status, the newest alerts.
 */
public final class OpsSummaryAnswer {

    private OpsSummaryAnswer() {
    }

    public static Map<String, Object> of(long stockQueueDepth, long deadLetterDepth, long oldestWaitingSeconds,
                                         Object salesPerSecond, Map<?, Long> replenishments, List<Alert> alerts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queues", Map.of(
                "stockQueue", Map.of("depth", stockQueueDepth, "oldestMessageAgeSeconds", oldestWaitingSeconds),
                "deadLetterQueue", Map.of("depth", deadLetterDepth)));
        body.put("salesPerSecond", salesPerSecond);
        body.put("replenishments", replenishments);
        body.put("alerts", alerts.stream().map(OpsSummaryAnswer::view).toList());
        return body;
    }

    private static Map<String, Object> view(Alert alert) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", alert.kind().name());
        view.put("sku", alert.sku());
        view.put("product", alert.productName());
        view.put("factoryId", alert.factoryId());
        view.put("replenishmentId", alert.replenishmentId());
        view.put("reason", PublicText.ofError(alert.reason()));
        view.put("lastError", PublicText.ofError(alert.lastError()));
        view.put("at", alert.at());
        return view;
    }
}

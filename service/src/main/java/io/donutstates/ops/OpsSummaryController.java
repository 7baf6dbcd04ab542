package io.donutstates.ops;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.service.ShopReads;
import io.donutstates.service.SalesRate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/summary}: what the dashboard shows besides products and replenishments. */
@RestController
class OpsSummaryController {

    private final OpsSnapshot snapshot;
    private final SalesRate salesRate;
    private final JdbcAlerts alerts;

    OpsSummaryController(OpsSnapshot snapshot, SalesRate salesRate, ShopReads reads) {
        this.snapshot = snapshot;
        this.salesRate = salesRate;
        this.alerts = reads.alerts();
    }

    @GetMapping("/api/ops/summary")
    Map<String, Object> summary() {
        var reading = snapshot.read();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queues", Map.of(
                "stockQueue", Map.of("depth", reading.stockQueueDepth(),
                        "oldestMessageAgeSeconds", reading.oldestWaitingSeconds()),
                "deadLetterQueue", Map.of("depth", reading.deadLetterDepth())));
        body.put("salesPerSecond", salesRate.lastMinute());
        body.put("replenishments", reading.replenishments());
        body.put("alerts", alerts.recent(20).stream().map(OpsSummaryController::view).toList());
        return body;
    }

    private static Map<String, Object> view(Alert alert) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", alert.kind().name());
        view.put("sku", alert.sku());
        view.put("product", alert.productName());
        view.put("factoryId", alert.factoryId());
        view.put("replenishmentId", alert.replenishmentId());
        view.put("reason", alert.reason());
        view.put("lastError", alert.lastError());
        view.put("at", alert.at());
        return view;
    }

}

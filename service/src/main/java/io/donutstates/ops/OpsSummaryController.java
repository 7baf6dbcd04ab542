package io.donutstates.ops;

import io.donutstates.http.OpsSummaryAnswer;
import io.donutstates.alerting.RecentAlerts;
import io.donutstates.service.ShopReads;
import io.donutstates.service.SalesRate;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/summary}: what the dashboard shows besides products and replenishments. */
@RestController
class OpsSummaryController {

    private final OpsSnapshot snapshot;
    private final SalesRate salesRate;
    private final RecentAlerts alerts;

    OpsSummaryController(OpsSnapshot snapshot, SalesRate salesRate, ShopReads reads) {
        this.snapshot = snapshot;
        this.salesRate = salesRate;
        this.alerts = reads.alerts();
    }

    @GetMapping("/api/ops/summary")
    Map<String, Object> summary() {
        var reading = snapshot.read();
        return OpsSummaryAnswer.of(reading.stockQueueDepth(), reading.deadLetterDepth(), reading.oldestWaitingSeconds(),
                salesRate.lastMinute(), reading.replenishments(), alerts.recent(20));
    }
}

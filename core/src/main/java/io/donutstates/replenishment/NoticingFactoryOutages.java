package io.donutstates.replenishment;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import io.donutstates.shared.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Use case: ops hear of a factory that has not taken orders for a while, before any replenishment
 * gives up. One {@code FACTORY_UNAVAILABLE} alert per outage names the factory, the products waiting
 * for it and its last error; it is raised once the longest wait passes {@code alertAfter}, so within
 * that bound plus one check interval. The outage is named by when its longest-waiting replenishment
 * first found the factory failing: noticing it again, on this instance or another, or in the next
 * hour raises nothing more; once the factory takes the orders, a later outage begins later and
 * alerts again. (An outage that outlasts the give-up bound fails its longest-waiting replenishment
 * with a {@code DEAD_LETTERED} alert; a product still waiting then names the outage anew.)
 */
public class NoticingFactoryOutages {

    private static final int MOST_WAITING = 100;

    private final Replenishments replenishments;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration alertAfter;
    private final Duration giveUpAfter;

    public NoticingFactoryOutages(Replenishments replenishments, Alerts alerts, Clock clock, Duration alertAfter,
                                  Duration giveUpAfter) {
        this.replenishments = replenishments;
        this.alerts = alerts;
        this.clock = clock;
        this.alertAfter = alertAfter;
        this.giveUpAfter = giveUpAfter;
    }

    /** One check; returns the factories found failing past the bound (each alerted once per incident). */
    public List<String> notice() {
        var now = clock.instant();
        Map<String, List<Replenishment>> byFactory = new LinkedHashMap<>();
        for (var waiting : replenishments.waitingForFactorySince(now.minus(alertAfter), MOST_WAITING)) {
            byFactory.computeIfAbsent(waiting.factoryId().value(), f -> new ArrayList<>()).add(waiting);
        }
        byFactory.forEach((factory, waiting) -> {
            Replenishment longest = waiting.get(0);
            String skus = waiting.stream().map(r -> r.sku().value()).distinct().collect(Collectors.joining(", "));
            String reason = "factory " + factory + " has not taken an order for "
                    + DurationText.of(longest.waitingForFactory(now)) + "; waiting: " + skus
                    + "; each ends FAILED in dead_letter_queue after " + DurationText.of(giveUpAfter)
                    + " unless the factory recovers";
            alerts.raise(Alert.factoryUnavailable(factory, longest.waitingForFactorySince(), reason, longest.lastError(),
                    now));
        });
        return List.copyOf(byFactory.keySet());
    }
}

package io.donutstates.alerting;

import io.donutstates.shared.RollsBack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts in memory, as the table keeps them: one alert per incident key however often it is raised,
 * and a delivery per channel, due at once, retried when its channel failed.
 */
public final class InMemoryAlerts implements Alerts, AlertDeliveries, RollsBack {

    /** One alert's delivery to one channel. */
    public static final class Delivery {
        final long alertId;
        final String channel;
        Instant nextAttemptAt;
        Instant sentAt;
        int attempts;
        String lastError;

        Delivery(long alertId, String channel, Instant due) {
            this.alertId = alertId;
            this.channel = channel;
            this.nextAttemptAt = due;
        }

        public Instant nextAttemptAt() {
            return nextAttemptAt;
        }

        public boolean sent() {
            return sentAt != null;
        }

        public int attempts() {
            return attempts;
        }

        public String lastError() {
            return lastError;
        }
    }

    private final Map<String, Alert> byIncident = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<String> channels;

    /** @param channels the channels each new alert is delivered to */
    public InMemoryAlerts(String... channels) {
        this.channels = List.of(channels);
    }

    /** Every alert raised, once per incident, oldest first. */
    public synchronized List<Alert> raised() {
        return List.copyOf(byIncident.values());
    }

    public synchronized Delivery delivery(int alertNumber, String channel) {
        return deliveries.stream().filter(d -> d.alertId == alertNumber && d.channel.equals(channel))
                .findFirst().orElseThrow();
    }

    @Override
    public synchronized void raise(Alert alert) {
        if (byIncident.putIfAbsent(alert.incidentKey(), alert) != null) {
            return;
        }
        long id = byIncident.size();
        channels.forEach(channel -> deliveries.add(new Delivery(id, channel, alert.at())));
    }

    @Override
    public synchronized List<Pending> lockDue(Instant now, int limit) {
        var alerts = List.copyOf(byIncident.values());
        return deliveries.stream().filter(d -> d.sentAt == null && !d.nextAttemptAt.isAfter(now))
                .sorted(Comparator.comparing((Delivery d) -> d.nextAttemptAt)).limit(limit)
                .map(d -> new Pending(d.alertId, d.channel, d.attempts, alerts.get((int) d.alertId - 1))).toList();
    }

    @Override
    public synchronized void markSent(long alertId, String channel, Instant at) {
        var d = delivery((int) alertId, channel);
        d.sentAt = at;
        d.attempts++;
        d.lastError = null;
    }

    @Override
    public synchronized void markFailed(long alertId, String channel, String error, Instant nextAttempt) {
        var d = delivery((int) alertId, channel);
        d.attempts++;
        d.lastError = error;
        d.nextAttemptAt = nextAttempt;
    }

    @Override
    public synchronized Runnable checkpoint() {
        var savedAlerts = new LinkedHashMap<>(byIncident);
        int savedDeliveries = deliveries.size();
        return () -> {
            synchronized (this) {
                byIncident.clear();
                byIncident.putAll(savedAlerts);
                deliveries.subList(savedDeliveries, deliveries.size()).clear();
            }
        };
    }
}

package io.donutstates.alerting;

import io.donutstates.http.JsonBodies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts as JSON that Slack-compatible incoming webhooks accept: a {@code text} line plus fields
 * naming the SKU, factory, replenishment, reason and last error.
 */
public class WebhookAlertChannel implements AlertChannel {

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public WebhookAlertChannel(URI url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(Alert alert) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonBodies.write(body(alert)))).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Map<String, Object> body(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", AlertText.headline(alert));
        body.put("attachments", List.of(Map.of(
                "color", "danger",
                "fields", AlertText.fields(alert).entrySet().stream()
                        .map(f -> Map.of("title", f.getKey(), "value", f.getValue(), "short", true)).toList())));
        body.put("alert", Map.of("kind", alert.kind().name(), "incident", alert.incidentKey()));
        return body;
    }
}

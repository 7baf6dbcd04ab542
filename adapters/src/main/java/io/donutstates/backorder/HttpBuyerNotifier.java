package io.donutstates.backorder;

import io.donutstates.http.JsonBodies;
import io.donutstates.messaging.StockTopic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts a backorder notice to the buyer's {@code notifyUrl}, for the notice relay: a 2xx answer takes
 * it, anything else (or no answer within the timeout) throws, and the relay tries again after its
 * backoff, until it gives the notice up ({@code DONUT_BACKORDERS_NOTIFY_GIVE_UP_AFTER}). The relay
 * posts with no transaction open, so a slow endpoint holds no database connection.
 *
 * <p>Signed as webhooks commonly are: {@code Donut-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code <Donut-Timestamp>.<body>} keyed with the SHA-256 of the buyer's backorder secret (the 32
 * bytes, hex-decoded from what the shop stores); the buyer computes the same from the secret it was
 * given and rejects a notice whose timestamp is old.
 */
public class HttpBuyerNotifier implements StockTopic<BackorderNotice> {

    public static final String SIGNATURE_HEADER = "Donut-Signature";
    public static final String TIMESTAMP_HEADER = "Donut-Timestamp";
    public static final String EVENT_HEADER = "Donut-Event-Id";

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public HttpBuyerNotifier(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void publish(BackorderNotice notice) {
        var now = clock.instant();
        String body = body(notice);
        String timestamp = Long.toString(now.getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(notice.notifyUrl()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, notice.eventId().toString())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + sign(notice.signingKey(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String failure;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return;
            }
            failure = notice.notifyUrl() + " answered " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            failure = notice.notifyUrl() + " could not be reached: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while notifying " + notice.notifyUrl(), e);
        }
        throw new IllegalStateException(failure);
    }

    /** The JSON the buyer receives. */
    public static String body(BackorderNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "backorder." + notice.status().name().toLowerCase(java.util.Locale.ROOT));
        body.put("eventId", notice.eventId().toString());
        body.put("backorderId", notice.backorderId().toString());
        body.put("sku", notice.sku().value());
        body.put("quantity", notice.quantity());
        body.put("position", notice.position());
        body.put("status", notice.status().name());
        if (notice.saleId() != null) {
            body.put("saleId", notice.saleId());
        }
        body.put("at", notice.occurredAt().toString());
        return JsonBodies.write(body);
    }

    /** Hex HMAC-SHA256 of the text under the key (the hex SHA-256 of the buyer's secret). */
    public static String sign(String hexKey, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

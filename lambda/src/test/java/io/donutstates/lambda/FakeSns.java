package io.donutstates.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * An SNS endpoint on a local port that understands {@code Publish} as the AWS SDK sends it (the
 * query protocol, form-encoded; or the JSON protocol should the SDK switch), records each request and
 * answers as SNS does, or with 503 while {@link #down} is set.
 */
final class FakeSns implements AutoCloseable {

    record Attribute(String dataType, String stringValue) { }

    record Publish(String action, String topicArn, String subject, String message, Map<String, Attribute> attributes,
                   String contentType, String authorization) { }

    private final HttpServer server;
    private final List<Publish> published = new CopyOnWriteArrayList<>();
    volatile boolean down;

    FakeSns() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Publish> published() {
        return List.copyOf(published);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean json = contentType != null && contentType.contains("json");
        if (down) {
            reply(exchange, 503, json, json
                    ? "{\"__type\":\"InternalError\",\"message\":\"simulated outage\"}"
                    : "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Receiver</Type>"
                    + "<Code>InternalError</Code><Message>simulated outage</Message></Error>"
                    + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
            return;
        }
        Publish publish = json ? fromJson(body, exchange) : fromForm(body, exchange);
        published.add(publish);
        String messageId = UUID.randomUUID().toString();
        reply(exchange, 200, json, json ? "{\"MessageId\":\"" + messageId + "\"}"
                : "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                + messageId + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></PublishResponse>");
    }

    private static Publish fromForm(String body, HttpExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            attributes.put(form.get(prefix + "Name"), new Attribute(form.get(prefix + "Value.DataType"),
                    form.get(prefix + "Value.StringValue")));
        }
        return new Publish(form.get("Action"), form.get("TopicArn"), form.get("Subject"), form.get("Message"),
                attributes, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static Publish fromJson(String body, HttpExchange exchange) {
        JsonNode node = Events.JSON.readTree(body);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        node.path("MessageAttributes").properties().forEach(e -> attributes.put(e.getKey(),
                new Attribute(e.getValue().path("DataType").asString(), e.getValue().path("StringValue").asString())));
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return new Publish(target == null ? null : target.substring(target.lastIndexOf('.') + 1),
                node.path("TopicArn").asString(), node.path("Subject").asString(null), node.path("Message").asString(),
                attributes, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void reply(HttpExchange exchange, int status, boolean json, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", json ? "application/x-amz-json-1.0" : "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for API Gateway's HTTP API on a local port: each HTTP request becomes a payload 2.0
 * event (the shape of {@code events/http-get-products.json}; bodies that are not text are
 * base64-encoded as API Gateway does) for the handler its route belongs to, and the handler's answer
 * goes back as the HTTP response.
 */
final class LocalApiGateway implements AutoCloseable {

    private final HttpServer server;

    LocalApiGateway(BiFunction<APIGatewayV2HTTPEvent, String, APIGatewayV2HTTPResponse> sales,
                    BiFunction<APIGatewayV2HTTPEvent, String, APIGatewayV2HTTPResponse> callbacks) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try {
                var event = event(exchange);
                var handler = event.getRawPath().startsWith("/api/factory/callbacks/") ? callbacks : sales;
                respond(exchange, handler.apply(event, "request"));
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange) throws IOException {
        ObjectNode event = Events.tree("http-get-products.json");
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Events.route(event, exchange.getRequestMethod(), path);
        event.put("routeKey", "$default");
        event.put("rawQueryString", query == null ? "" : query);
        if (query != null) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean text = type != null && (type.startsWith("text/") || type.startsWith("application/json"));
            event.put("isBase64Encoded", !text);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        return Events.as(APIGatewayV2HTTPEvent.class, event);
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

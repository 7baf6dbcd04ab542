package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dispatches on exact path and method and turns every outcome into a JSON answer.
 * One context on "/" rather than one per endpoint because HttpServer contexts match by prefix.
 */
final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<String, Map<String, Route>> routes = new HashMap<>();

    Router add(String method, String path, Route route) {
        routes.computeIfAbsent(path, p -> new TreeMap<>()).put(method, route);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            write(exchange, answer(exchange));
        } catch (IOException | RuntimeException e) {
            // The client went away or the answer could not be written; nothing left to tell anyone.
            LOG.log(Level.DEBUG, "Could not answer " + exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private Reply answer(HttpExchange exchange) {
        try {
            return dispatch(exchange);
        } catch (ApiException e) {
            return Reply.error(e.status(), e.getMessage(), e.headers());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure answering " + exchange.getRequestURI(), e);
            return Reply.error(500, "internal error", Map.of());
        }
    }

    private Reply dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, Route> byMethod = routes.get(path);
        if (byMethod == null) {
            throw new ApiException(404, "no such endpoint: " + path);
        }
        Route route = byMethod.get(exchange.getRequestMethod());
        if (route == null) {
            throw new ApiException(405, "method " + exchange.getRequestMethod() + " not allowed on " + path,
                    Map.of("Allow", String.join(", ", byMethod.keySet())));
        }
        return route.handle(exchange);
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

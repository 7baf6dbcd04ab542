package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a request body as a JSON object, whatever content type the client declared. */
final class RequestBodies {

    static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    /** The legacy clients send JSON as text/plain or with no content type at all, so the header is ignored. */
    static JsonNode readObject(HttpExchange exchange) {
        byte[] body = readBytes(exchange);
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("request body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return node;
    }

    private static byte[] readBytes(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && tooLong(declared)) {
            throw tooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            // One byte more than allowed tells an over-long chunked body apart without reading it all.
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "request body larger than " + MAX_BYTES / 1024 + " KiB");
    }
}

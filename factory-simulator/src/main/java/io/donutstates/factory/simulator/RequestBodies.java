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
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

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
        try (InputStream in = exchange.getRequestBody()) {
            // One byte more than allowed tells an over-long body apart without keeping it all.
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                // Drain what the client is still sending (bounded), so it reads the 413 instead of a reset.
                drain(in, Math.min(DRAIN_LIMIT, Math.max(0, declaredLength(exchange) - body.length)));
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long left = limit;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return declared == null ? 0 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "request body larger than " + MAX_BYTES / 1024 + " KiB");
    }
}

package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Guards admin routes with a bearer token when one is configured. */
final class AdminAuth {

    private final byte[] expected;

    AdminAuth(String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    Route protect(Route route) {
        if (expected == null) {
            return route;
        }
        return exchange -> {
            check(exchange);
            return route.handle(exchange);
        };
    }

    private void check(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        // Constant-time comparison: the token should not be guessable from response timings.
        if (header == null || !MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "admin endpoints need 'Authorization: Bearer <token>'",
                    Map.of("WWW-Authenticate", "Bearer realm=\"factory-simulator\""));
        }
    }
}

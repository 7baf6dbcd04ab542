package io.donutstates.web;

import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Purchases ({@code POST /api/sales}, {@code POST /send}) are answered without an HTTP server
 * observation: under a flash crowd its per-request tags cost more CPU than the purchase's own work.
 * They are timed by {@code donut.sales.time} instead; every other endpoint keeps
 * {@code http.server.requests}.
 */
@Configuration(proxyBeanMethods = false)
class SalesObservations {

    static final Set<String> PURCHASE_PATHS = Set.of("/api/sales", "/send");

    @Bean
    ObservationPredicate noHttpObservationForPurchases() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && PURCHASE_PATHS.contains(request.getCarrier().getRequestURI()));
    }
}

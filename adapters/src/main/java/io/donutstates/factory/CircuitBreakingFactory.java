package io.donutstates.factory;

import io.donutstates.stock.FactoryId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops calling a factory that keeps failing (one circuit per factory, Resilience4j): while its
 * circuit is open, orders fail at once without a call and wait like any other failed order. The
 * circuits belong to this process; when each opened is kept for health and the replenishment views.
 */
public class CircuitBreakingFactory implements Factory {

    private final Factory factory;
    private final CircuitBreakerRegistry circuits;
    private final Map<String, Instant> openSince = new ConcurrentHashMap<>();
    private final Map<String, String> lastRefusal = new ConcurrentHashMap<>();

    public CircuitBreakingFactory(Factory factory, Duration openFor, Clock clock) {
        this.factory = factory;
        this.circuits = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        circuits.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> {
                    String name = event.getCircuitBreakerName();
                    switch (event.getStateTransition().getToState()) {
                        case OPEN -> openSince.putIfAbsent(name, clock.instant());
                        case CLOSED -> openSince.remove(name);
                        default -> { } // half-open: still failing until a trial call succeeds
                    }
                }));
    }

    @Override
    public FactoryAnswer order(ProductionOrder order) {
        CircuitBreaker circuit = circuits.circuitBreaker(order.factoryId().value());
        if (!circuit.tryAcquirePermission()) {
            String factory = order.factoryId().value();
            return new FactoryAnswer.Unavailable("circuit open for factory " + factory + " since "
                    + openSince.get(factory) + ", not calling it; last refusal: " + lastRefusal.get(factory));
        }
        long started = System.nanoTime();
        FactoryAnswer answer = factory.order(order);
        long took = System.nanoTime() - started;
        if (answer instanceof FactoryAnswer.Refused refused) {
            lastRefusal.put(order.factoryId().value(), refused.reason());
            circuit.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(refused.reason()));
        } else {
            circuit.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        return answer;
    }

    /** Since when the factory's circuit has been open (half-open trials included), if it is. */
    public Optional<Instant> openSince(FactoryId factoryId) {
        return Optional.ofNullable(openSince.get(factoryId.value()));
    }

    /** The circuits, one per factory called so far, for health and metrics. */
    public CircuitBreakerRegistry circuits() {
        return circuits;
    }
}

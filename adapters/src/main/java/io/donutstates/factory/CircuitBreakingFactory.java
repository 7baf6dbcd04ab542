package io.donutstates.factory;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops calling a factory that keeps failing (one circuit per factory, Resilience4j) so the queue
 * holds its orders; a circuit that opens again after its trial calls raises an alert.
 */
public class CircuitBreakingFactory implements Factory {

    private final Factory factory;
    private final CircuitBreakerRegistry circuits;
    private final Duration openFor;

    public CircuitBreakingFactory(Factory factory, Duration openFor, Alerts alerts, Clock clock) {
        this.factory = factory;
        this.openFor = openFor;
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
                    if (event.getStateTransition() == CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN) {
                        alerts.raise(new Alert(Alert.Kind.FACTORY_UNAVAILABLE, null, event.getCircuitBreakerName(),
                                null, "factory still failing after " + openFor + " with its circuit open",
                                null, clock.instant()));
                    }
                }));
    }

    @Override
    public FactoryAnswer order(ProductionOrder order) {
        CircuitBreaker circuit = circuits.circuitBreaker(order.factoryId().value());
        if (!circuit.tryAcquirePermission()) {
            return new FactoryAnswer.Unavailable("circuit open for factory " + order.factoryId()
                    + ": not calling it, the queue keeps the order", openFor);
        }
        long started = System.nanoTime();
        FactoryAnswer answer = factory.order(order);
        long took = System.nanoTime() - started;
        if (answer instanceof FactoryAnswer.Refused refused) {
            circuit.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(refused.reason()));
        } else {
            circuit.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        return answer;
    }

    /** The circuits, one per factory called so far, for health and metrics. */
    public CircuitBreakerRegistry circuits() {
        return circuits;
    }
}

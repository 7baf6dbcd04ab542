package io.donutstates.ops;

import io.donutstates.factory.CircuitBreakingFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** Health of the factories as this instance sees them: the state of each factory's circuit. */
@Component("factoryHealthIndicator")
class FactoryHealth implements HealthIndicator {

    private final CircuitBreakingFactory factory;

    FactoryHealth(CircuitBreakingFactory factory, MeterRegistry meters) {
        this.factory = factory;
        factory.circuits().getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker circuit = added.getAddedEntry();
            Gauge.builder("donut.factory.circuit.open", circuit, c -> c.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                    .tag("factory", circuit.getName())
                    .description("1 while this instance's circuit to the factory is open (the factory is not called), else 0")
                    .register(meters);
        });
    }

    @Override
    public Health health() {
        Map<String, String> circuits = new TreeMap<>();
        boolean anyOpen = false;
        for (CircuitBreaker circuit : factory.circuits().getAllCircuitBreakers()) {
            circuits.put(circuit.getName(), circuit.getState().name());
            anyOpen |= circuit.getState() == CircuitBreaker.State.OPEN;
        }
        // An open circuit is degraded service, not a dead instance: sales go on and the orders wait.
        return Health.status(anyOpen ? Degraded.STATUS : Status.UP).withDetail("circuits", circuits).build();
    }
}

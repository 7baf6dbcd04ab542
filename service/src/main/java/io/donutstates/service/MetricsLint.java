package io.donutstates.service;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code /actuator/prometheus} clean for {@code promtool check metrics}: the meters of Spring
 * and Tomcat that come without a description get one (HELP text), and the three JVM meters whose
 * Prometheus names break its naming rules (a unit abbreviated in the name,
 * {@code jvm_compilation_time_ms_total} and {@code process_cpu_time_ns_total}; a gauge named
 * {@code _count}, {@code system_cpu_count}) are not registered. {@code process_cpu_usage} and
 * {@code system_cpu_usage} stay.
 */
@Configuration(proxyBeanMethods = false)
class MetricsLint {

    static final Set<String> LEFT_OUT = Set.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests answered, by method, uri, status and outcome (the purchase paths "
                    + "POST /api/sales and /send are timed by donut_sales_time_seconds instead)",
            "http.server.requests.active", "HTTP requests being answered now",
            "tomcat.sessions.active.current", "HTTP sessions open now (the shop keeps none)",
            "tomcat.sessions.active.max", "most HTTP sessions open at once (the shop keeps none)",
            "tomcat.sessions.alive.max", "longest time an expired HTTP session was alive",
            "tomcat.sessions.created", "HTTP sessions created",
            "tomcat.sessions.expired", "HTTP sessions expired",
            "tomcat.sessions.rejected", "HTTP sessions refused for being over the limit");

    @Bean
    MeterFilter promtoolCleanMeters() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return LEFT_OUT.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null && !id.getDescription().isBlank()) {
                    return id;
                }
                String description = DESCRIPTIONS.getOrDefault(id.getName(),
                        id.getName() + " (its library gives no description)");
                return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(), description, id.getType());
            }
        };
    }
}

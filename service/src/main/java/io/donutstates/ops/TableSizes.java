package io.donutstates.ops;

import io.donutstates.housekeeping.JdbcTableSizes;
import io.donutstates.housekeeping.JdbcTableSizes.TableSize;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How big the watched tables are ({@code donut.table.rows}, {@code donut.table.bytes}), read from the
 * server's statistics at most every ten seconds whoever scrapes: one small query that does not grow
 * with the history it measures. A failed read shows as NaN until the next one.
 */
@Component
class TableSizes {

    private static final Logger log = LoggerFactory.getLogger(TableSizes.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private record Reading(Map<String, TableSize> sizes, Instant at) { }

    private final JdbcTableSizes tables;
    private final Clock clock;
    private Reading last;

    TableSizes(JdbcTableSizes tables, Clock clock, MeterRegistry meters) {
        this.tables = tables;
        this.clock = clock;
        for (String table : JdbcTableSizes.TABLES) {
            Gauge.builder("donut.table.rows", this, s -> s.of(table, TableSize::rows)).tag("table", table)
                    .description("estimated rows (information_schema.TABLES, refreshed by the server's statistics)")
                    .register(meters);
            Gauge.builder("donut.table.bytes", this, s -> s.of(table, TableSize::bytes)).tag("table", table)
                    .description("data and index bytes").baseUnit("bytes").register(meters);
        }
    }

    private double of(String table, ToLongFunction<TableSize> measure) {
        TableSize size = read().get(table);
        return size == null ? Double.NaN : measure.applyAsLong(size);
    }

    private synchronized Map<String, TableSize> read() {
        Instant now = clock.instant();
        if (last == null || Duration.between(last.at(), now).compareTo(FRESH_FOR) >= 0) {
            Map<String, TableSize> sizes;
            try {
                sizes = tables.read();
            } catch (RuntimeException e) {
                log.warn("could not read the table sizes: {}", e.toString());
                sizes = Map.of();
            }
            last = new Reading(sizes, now);
        }
        return last.sizes();
    }
}

package io.donutstates.service;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.housekeeping.JdbcPurgeableTables;
import io.donutstates.housekeeping.JdbcTableSizes;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.shared.Transactions;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Housekeeping's use case and the table sizes ops watch, wired to the database. */
@Configuration(proxyBeanMethods = false)
class HousekeepingWiring {

    @Bean
    PurgingHistory purgingHistory(DonutProperties donut, HikariDataSource dataSource, Transactions transactions,
                                  Clock clock) {
        return new PurgingHistory(new JdbcPurgeableTables(dataSource), transactions, clock,
                donut.retention().periods(), donut.purge().batchSize(), PurgingHistory.MAX_BATCHES_PER_RUN);
    }

    /** Gauges anyone may scrape: over the read pool. */
    @Bean
    JdbcTableSizes jdbcTableSizes(@Qualifier("reads") HikariDataSource dataSource) {
        return new JdbcTableSizes(dataSource);
    }
}

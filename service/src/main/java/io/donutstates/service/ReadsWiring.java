package io.donutstates.service;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.messaging.JdbcOutbox;
import io.donutstates.replenishment.JdbcReplenishments;
import io.donutstates.shared.Database;
import io.donutstates.stock.JdbcStock;
import io.donutstates.stock.JdbcStockAudit;
import io.donutstates.stock.JdbcStockLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read pool and the read-side adapters over it ({@link ShopReads}). */
@Configuration(proxyBeanMethods = false)
class ReadsWiring {

    /** Opened after the main pool has migrated the schema; metrics {@code hikaricp_*{pool="donut-reads"}}. */
    @Bean(destroyMethod = "close")
    @Qualifier("reads")
    HikariDataSource readsDataSource(DonutProperties donut, HikariDataSource dataSource, MeterRegistry meters) {
        var db = donut.db();
        // A reader waits briefly for one of the few read connections; health and pages answer fast or say so.
        var settings = new Database.Settings(db.url(), db.user(), db.password(), db.readPoolSize(),
                Duration.ofSeconds(1));
        return Database.openReads(settings, db.readTimeout(), Database.isMariaDb(dataSource),
                config -> config.setMetricRegistry(meters));
    }

    /**
     * One connection of its own for the {@code db} health probe: neither buyers holding every
     * purchase connection nor a crowd of readers holding the read pool can make a live database look
     * dead to a load balancer.
     */
    @Bean(destroyMethod = "close")
    @Qualifier("probe")
    HikariDataSource probeDataSource(DonutProperties donut, HikariDataSource dataSource, MeterRegistry meters) {
        var db = donut.db();
        var settings = new Database.Settings(db.url(), db.user(), db.password(), 1, Duration.ofSeconds(1));
        return Database.openReads(settings, db.readTimeout(), Database.isMariaDb(dataSource), config -> {
            config.setPoolName("donut-probe");
            config.setMetricRegistry(meters);
        });
    }

    @Bean
    ShopReads shopReads(@Qualifier("reads") HikariDataSource reads, Clock clock) {
        return new ShopReads(new JdbcStock(reads), new JdbcStockLedger(reads), new JdbcReplenishments(reads),
                new JdbcAlerts(reads, List.of(), clock), new JdbcStockAudit(reads),
                new JdbcOutbox(reads));
    }
}

package io.donutstates.service;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.Database;
import io.donutstates.shop.ShopSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read pool, and the two connections of the health probes ({@code db}'s {@code SELECT 1} and the
 * {@code ledger} check, one each); the shop's reads go over the read pool.
 */
@Configuration(proxyBeanMethods = false)
class ReadsWiring {

    /** The {@code db} probe's and the {@code ledger} check's, each asked by one background thread. */
    static final int PROBE_CONNECTIONS = 2;

    /** Opened after the main pool has migrated the schema; metrics {@code hikaricp_*{pool="donut-reads"}}. */
    @Bean(destroyMethod = "close")
    @Qualifier("reads")
    HikariDataSource readsDataSource(ShopSettings shop, HikariDataSource dataSource, MeterRegistry meters) {
        var db = shop.db();
        // A reader waits for a read connection as long as a buyer would for a purchase connection.
        var settings = new Database.Settings(db.url(), db.user(), db.password(), db.readPoolSize(),
                db.connectionWait());
        return Database.openReads(settings, db.readTimeout(), Database.isMariaDb(dataSource),
                config -> config.setMetricRegistry(meters));
    }

    /**
     * Connections of their own for the background health readings, one for the {@code db} probe and one
     * for the {@code ledger} check: neither buyers holding every purchase connection nor a crowd of
     * readers holding the read pool can make a live database, or sound books, look broken to a load
     * balancer.
     */
    @Bean(destroyMethod = "close")
    @Qualifier("probe")
    HikariDataSource probeDataSource(ShopSettings shop, HikariDataSource dataSource, MeterRegistry meters) {
        var db = shop.db();
        var settings = new Database.Settings(db.url(), db.user(), db.password(), PROBE_CONNECTIONS, Duration.ofSeconds(1));
        return Database.openReads(settings, db.readTimeout(), Database.isMariaDb(dataSource), config -> {
            config.setPoolName("donut-probe");
            config.setMetricRegistry(meters);
        });
    }
}

package io.donutstates.service;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.Database;
import io.donutstates.shop.ShopSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read pool, and the one connection of the database probe; the shop's reads go over the read pool. */
@Configuration(proxyBeanMethods = false)
class ReadsWiring {

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
     * One connection of its own for the {@code db} health probe: neither buyers holding every
     * purchase connection nor a crowd of readers holding the read pool can make a live database look
     * dead to a load balancer.
     */
    @Bean(destroyMethod = "close")
    @Qualifier("probe")
    HikariDataSource probeDataSource(ShopSettings shop, HikariDataSource dataSource, MeterRegistry meters) {
        var db = shop.db();
        var settings = new Database.Settings(db.url(), db.user(), db.password(), 1, Duration.ofSeconds(1));
        return Database.openReads(settings, db.readTimeout(), Database.isMariaDb(dataSource), config -> {
            config.setPoolName("donut-probe");
            config.setMetricRegistry(meters);
        });
    }
}

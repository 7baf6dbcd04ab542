package io.donutstates.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/** Opens the shop's MySQL/MariaDB database: a pooled DataSource and the schema migrations. */
public final class Database {

    private Database() {
    }

    /** Connection settings; the password is never printed. */
    public record Settings(String url, String user, String password, int poolSize, Duration connectTimeout) {
        @Override
        public String toString() {
            return "Database.Settings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
        }
    }

    public static HikariDataSource open(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("donut-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(settings.poolSize(), 4));
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        // READ COMMITTED: a buyer that loses the race to open a replenishment must see the winner's row.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("cachePrepStmts", "true");
        config.addDataSourceProperty("useServerPrepStmts", "false");
        config.addDataSourceProperty("prepStmtCacheSize", "250");
        return new HikariDataSource(config);
    }

    /** Applies the schema migrations, and the demo catalog when asked. */
    public static void migrate(javax.sql.DataSource dataSource, boolean demoCatalog) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (demoCatalog) {
            locations.add("classpath:db/demo");
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                // Instances with and without the demo catalog may share one database.
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
    }
}

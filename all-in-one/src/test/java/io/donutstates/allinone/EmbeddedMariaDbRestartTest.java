package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mariadbd killed with SIGKILL is noticed and started again, committed data intact; when it cannot
 * be brought back within the policy, the launcher is told to give up (it then exits non-zero).
 */
class EmbeddedMariaDbRestartTest {

    @TempDir
    Path dir;

    private EmbeddedMariaDb db;

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void a_killed_server_is_started_again_with_its_committed_data() throws Exception {
        CountDownLatch gaveUp = new CountDownLatch(1);
        db = EmbeddedMariaDb.start(dir.resolve("mariadb"))
                .watched(new EmbeddedMariaDb.Restarts(Duration.ofMillis(100), Duration.ofSeconds(1), 3, Duration.ofMinutes(5)),
                        gaveUp::countDown);
        String url = db.jdbcUrl("donut_restart");
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
            c.createStatement().execute("CREATE TABLE shelf (sku VARCHAR(64) PRIMARY KEY, stock INT NOT NULL)");
            c.createStatement().execute("INSERT INTO shelf VALUES ('CP-502101', 42)");
        }

        for (int kill = 1; kill <= 2; kill++) {
            ProcessHandle first = db.serverProcess().orElseThrow();
            assertThat(first.destroyForcibly()).isTrue();
            assertThat(first.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

            int stock = await("the database serves again after kill " + kill).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                             var rows = c.createStatement().executeQuery("SELECT stock FROM shelf WHERE sku = 'CP-502101'")) {
                            return rows.next() ? rows.getInt(1) : -1;
                        }
                    }, value -> value >= 0);
            assertThat(stock).as("committed before the kill").isEqualTo(42);
            assertThat(db.serverProcess()).get().extracting(ProcessHandle::pid).isNotEqualTo(first.pid());
        }
        assertThat(gaveUp.getCount()).as("two deaths are within the policy").isEqualTo(1);
    }

    @Test
    void a_server_that_dies_more_often_than_the_policy_allows_makes_the_launcher_give_up() throws Exception {
        CountDownLatch gaveUp = new CountDownLatch(1);
        db = EmbeddedMariaDb.start(dir.resolve("mariadb"))
                .watched(new EmbeddedMariaDb.Restarts(Duration.ofMillis(100), Duration.ofSeconds(1), 0, Duration.ofMinutes(5)),
                        gaveUp::countDown);
        ProcessHandle server = db.serverProcess().orElseThrow();
        server.destroyForcibly();

        assertThat(gaveUp.await(30, TimeUnit.SECONDS)).as("the launcher was told to give up").isTrue();
        assertThat(db.serverProcess()).as("and no server was started again").isEmpty();
    }
}

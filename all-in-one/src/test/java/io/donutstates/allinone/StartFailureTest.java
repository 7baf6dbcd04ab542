package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded parts start alongside the service: when one of them cannot start, the start fails
 * with that part's reason (not the service's) and the parts that did start are stopped again.
 */
class StartFailureTest {

    @Test
    void a_database_that_cannot_start_fails_the_start_with_its_reason_and_stops_the_other_parts(@TempDir Path tmp)
            throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("data"), "a file where the data directory should be");
        int factoryPort = ChildProcesses.freePorts(1).get(0);
        Map<String, String> env = Map.of(
                "DONUT_DATA_DIR", notADirectory.toString(),
                "SERVER_PORT", "0",
                "DONUT_FACTORY_PORT", String.valueOf(factoryPort),
                "DONUT_ADMIN_TOKEN", "start-failure-token",
                "LOGGING_LEVEL_ROOT", "OFF");

        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        assertThatThrownBy(() -> AllInOne.start(env))
                .hasMessageStartingWith("embedded MariaDB did not start in " + notADirectory);

        try (var socket = new ServerSocket(factoryPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).as("the factory simulator let its port go").isEqualTo(factoryPort);
        }
        // Other shops of this test run may have queue servers of their own: only threads this start made count.
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .as("no thread of the embedded queue server this start made is left running")
                .noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("elasticmq")
                        && !before.contains(thread)));
    }

    @Test
    void an_unknown_database_durability_fails_the_start_naming_the_setting_and_its_values_before_anything_starts(
            @TempDir Path tmp) {
        Map<String, String> env = Map.of(
                "DONUT_DB_DURABILITY", "bogus",
                "DONUT_DATA_DIR", tmp.resolve("data").toString(),
                "SERVER_PORT", "0",
                "DONUT_FACTORY_PORT", "0",
                "DONUT_ADMIN_TOKEN", "start-failure-token",
                "LOGGING_LEVEL_ROOT", "OFF");

        assertThatThrownBy(() -> AllInOne.start(env))
                .hasMessage("DONUT_DB_DURABILITY must be 'full' or 'relaxed' (got 'bogus')");

        assertThat(tmp.resolve("data")).as("no embedded database was started").doesNotExist();
    }
}

package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./donut-states}, the documented way to run the shop, run with this JVM's Java: it starts
 * the all-in-one jar and keeps a class-data-sharing archive that matches the jars, which later
 * starts load the shop's classes from (on Java 19+ written when a run stops, on Java 17 and 18 from
 * the class list of the first run, before the next start).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LauncherScriptIT {

    private static final String JAVA_VERSION = System.getProperty("java.specification.version");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_launcher_starts_the_shop_and_keeps_an_archive_that_matches_the_jars() throws Exception {
        Path script = Path.of("..", "donut-states").toAbsolutePath().normalize();
        Path jar = Path.of("target", "donut-states.jar").toAbsolutePath();
        Path archive = Path.of("target", "donut-states-java" + JAVA_VERSION + ".jsa").toAbsolutePath();
        Path classList = Path.of("target", "donut-states-java" + JAVA_VERSION + ".classlist").toAbsolutePath();
        Files.deleteIfExists(archive);
        Files.deleteIfExists(classList);
        Path work = Path.of("target", "launcher-it").toAbsolutePath();
        Path classLog = work.resolve("classes.log");
        Files.createDirectories(work);
        Files.deleteIfExists(classLog);
        boolean archiveAtExit = Runtime.version().feature() >= 19;

        try (var processes = new ChildProcesses()) {
            var first = run(processes, "first", script, work, "");
            assertThat(get(first.port(), "/api/products")).contains("CP-502101");
            stop(first.child());
            if (archiveAtExit) {
                assertThat(archive).as("written when the first run stopped").isRegularFile();
            } else {
                assertThat(classList).as("the classes the first run loaded").isRegularFile();
                assertThat(archive).as("not before the next start").doesNotExist();
            }
            var restart = run(processes, "restart", script, work, "-Xlog:class+load=info:file=" + classLog);
            assertThat(archive).as("there when the restart runs").isRegularFile();
            assertThat(Files.readString(classLog))
                    .as("the shop's classes come from the archive")
                    .contains("io.donutstates.allinone.AllInOne source: shared objects file");
            stop(restart.child());

            // A rebuilt jar: the archive no longer matches it and must be replaced.
            Path replaced = archiveAtExit ? archive : classList;
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 1_000));
            stop(run(processes, "after-rebuild", script, work, "").child());
            assertThat(Files.getLastModifiedTime(replaced)).as(replaced.getFileName() + " written again after the rebuild")
                    .isGreaterThan(Files.getLastModifiedTime(jar));
            if (!archiveAtExit) {
                assertThat(archive).as("the old archive is gone until the next start writes one").doesNotExist();
            }
        }
    }

    private record Run(ChildProcesses.Child child, int port) { }

    /** Starts the script and waits until the Sales API answers. */
    private Run run(ChildProcesses processes, String name, Path script, Path work, String extraJvmOptions)
            throws Exception {
        int port = ChildProcesses.freePorts(1).get(0);
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS", ("-Xmx256m -Djava.io.tmpdir=" + ChildProcesses.temporaryDirectory(name, work)
                        + " " + extraJvmOptions).trim(),
                "SERVER_PORT", String.valueOf(port),
                "DONUT_FACTORY_PORT", "0",
                "DONUT_DATA_DIR", work.resolve("data").toString(),
                "DONUT_ADMIN_TOKEN", "launcher-it-token",
                "LOGGING_LEVEL_ROOT", "WARN");
        var child = processes.start(name, List.of(script.toString()), work, env);
        // A start that writes the class-data-sharing archive takes about 30 s alone, far longer on a busy machine.
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the launcher exited: " + child.tail(20), () -> !child.process().isAlive())
                .until(() -> get(port, "/api/products") != null);
        return new Run(child, port);
    }

    private String get(int port, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** SIGTERM, as Ctrl-C: the archive is written while the JVM exits. */
    private static void stop(ChildProcesses.Child child) throws InterruptedException {
        child.process().destroy();
        assertThat(child.process().waitFor(90, TimeUnit.SECONDS)).as(child.name() + " stopped").isTrue();
    }
}

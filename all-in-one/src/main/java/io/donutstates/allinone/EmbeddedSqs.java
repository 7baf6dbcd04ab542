package io.donutstates.allinone;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scalikejdbc.ConnectionPool$;

/**
 * A real SQS-compatible queue server (ElasticMQ) on a loopback port. Given a directory, it keeps its
 * queues (with their redrive policy) and every message in an H2 database there, written as each
 * message arrives, moves or goes, and restores them before it accepts a request: dead letters and
 * waiting orders survive a restart.
 */
final class EmbeddedSqs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSqs.class);

    /**
     * ElasticMQ's message store talks to one JDBC pool per JVM (scalikejdbc's singleton); one server
     * at a time in a process may keep its queues on disk.
     */
    private static final AtomicBoolean STORE_IN_USE = new AtomicBoolean();

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(120);

    private final SQSRestServer server;
    private final ActorSystem system;
    private final int port;
    private final Path storeDir;

    private EmbeddedSqs(SQSRestServer server, ActorSystem system, int port, Path storeDir) {
        this.server = server;
        this.system = system;
        this.port = port;
        this.storeDir = storeDir;
    }

    /** In memory, on any free port. */
    static EmbeddedSqs start() {
        return start(0);
    }

    /** In memory. @param wantedPort 0 for any free port */
    static EmbeddedSqs start(int wantedPort) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1");
        SQSRestServer server = (wantedPort == 0 ? builder.withDynamicPort() : builder.withPort(wantedPort)).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, null, port, null);
    }

    /**
     * Queues and messages kept in {@code storeDir} (created owner-only if missing), restored from
     * there before the server answers.
     *
     * @param wantedPort 0 for any free port
     * @throws IllegalStateException if the store cannot be opened (e.g. another queue server uses it)
     */
    static EmbeddedSqs start(int wantedPort, Path storeDir) {
        Path dir = storeDir.toAbsolutePath().normalize();
        if (!STORE_IN_USE.compareAndSet(false, true)) {
            log.warn("Another queue server in this process keeps its queues on disk; this one ({}) keeps them in memory only", dir);
            return start(wantedPort);
        }
        ActorSystem system = null;
        try {
            OwnerOnly.directory(dir);
            String url = "jdbc:h2:file:" + dir.resolve("queues")
                    // The server closes the store itself, after its last write; every commit is written at once.
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            checkStore(url, dir);
            ConnectionPool$.MODULE$.singleton(url, "", "", ConnectionPool$.MODULE$.singleton$default$4(),
                    ConnectionPool$.MODULE$.singleton$default$5(url, "", "", ConnectionPool$.MODULE$.singleton$default$4()));
            system = ActorSystem.create("elasticmq");
            var persistence = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
            ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class, persistence,
                    scala.collection.immutable.List$.MODULE$.empty()));
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                    StrictSQSLimits$.MODULE$, scala.Option.apply(store)));
            restore(store, queues, dir);
            var builder = SQSRestServerBuilder.withActorSystem(system).withQueueManagerActor(queues)
                    .withQueueEventListener(store).withInterface("127.0.0.1");
            SQSRestServer server = (wantedPort == 0 ? builder.withDynamicPort() : builder.withPort(wantedPort)).start();
            int port = server.waitUntilStarted().localAddress().getPort();
            return new EmbeddedSqs(server, system, port, dir);
        } catch (RuntimeException e) {
            if (system != null) {
                terminate(system);
            }
            closeStore();
            throw e instanceof IllegalStateException ? e
                    : new IllegalStateException("embedded queue server did not start with its store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the store once by hand, so a locked or unreadable store fails the start with its reason,
     * and drops what a move to a dead letter queue left behind. ElasticMQ 1.7 does not record that a
     * message left its queue when the receive that moved it was a long poll that returned nothing;
     * restored, the message would be in both queues and moved a second time, which breaks the store.
     * A message id is unique, and the dead letter queue's copy names its source: that copy is the one kept.
     */
    private static void checkStore(String url, Path dir) {
        try (var connection = DriverManager.getConnection(url, "", "")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (var rows = connection.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'MESSAGE\\_%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            int dropped = 0;
            for (String source : tables) {
                for (String deadLetters : tables) {
                    if (!source.equals(deadLetters)) {
                        try (var statement = connection.createStatement()) {
                            dropped += statement.executeUpdate("DELETE FROM \"" + source + "\" WHERE MESSAGE_ID IN (SELECT MESSAGE_ID FROM \""
                                    + deadLetters + "\" WHERE DEAD_LETTER_SOURCE_QUEUE_NAME IS NOT NULL)");
                        }
                    }
                }
            }
            if (dropped > 0) {
                log.info("queue store: {} dead-lettered message(s) no longer kept in their former queue", dropped);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the queue store in " + dir + " cannot be opened (is another queue server using it?): "
                    + e.getMessage(), e);
        }
    }

    private static void restore(ActorRef store, ActorRef queues, Path dir) {
        Object answer;
        try {
            answer = Patterns.ask(store, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture()
                    .get(RESTORE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the queues from " + dir, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the queues kept in " + dir + " could not be restored: " + e.getMessage(), e);
        }
        if (answer instanceof scala.util.Left<?, ?> errors) {
            throw new IllegalStateException("the queues kept in " + dir + " could not be restored: " + errors.value());
        }
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where queues and messages are kept, or null when in memory. */
    Path storeDir() {
        return storeDir;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            // Even when the HTTP server does not stop in time, the store is closed and let go: else
            // every later queue server of this process would run in memory only.
            if (system != null) {
                terminate(system);
                closeStore();
            }
        }
    }

    private static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("queue server did not stop within 30 s: {}", e.toString());
        }
    }

    /** Closes the store's connections (H2 then closes the database file) and lets another server use one. */
    private static void closeStore() {
        try {
            ConnectionPool$.MODULE$.closeAll();
        } catch (RuntimeException e) {
            log.warn("queue store did not close cleanly: {}", e.toString());
        } finally {
            STORE_IN_USE.set(false);
        }
    }
}

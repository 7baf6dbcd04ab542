package io.donutstates.allinone;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** A real SQS-compatible queue server (ElasticMQ) on a free loopback port. */
final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedSqs start() {
        return start(0);
    }

    /** @param port 0 for any free port */
    static EmbeddedSqs start(int wantedPort) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1");
        SQSRestServer server = (wantedPort == 0 ? builder.withDynamicPort() : builder.withPort(wantedPort)).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, port);
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}

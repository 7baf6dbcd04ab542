package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.JsonNode;

/** A real HTTP endpoint standing in for the shop's callback receiver; records what it gets. */
final class CallbackReceiver implements AutoCloseable {

    /** One callback as received. */
    record Received(String path, String query, String contentType, String body, long receivedNanos) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> scriptedStatuses = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8), System.nanoTime()));
            Integer scripted = scriptedStatuses.poll();
            exchange.sendResponseHeaders(scripted != null ? scripted : defaultStatus, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Answers these statuses to the next callbacks, then the default status. */
    CallbackReceiver answering(int... statuses) {
        for (int status : statuses) {
            scriptedStatuses.add(status);
        }
        return this;
    }

    CallbackReceiver answeringAlways(int status) {
        defaultStatus = status;
        return this;
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    int count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

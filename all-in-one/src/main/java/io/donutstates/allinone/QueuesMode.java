package io.donutstates.allinone;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --mode=queues}: only the SQS-compatible queue server (ElasticMQ), its queues and messages kept
 * under {@code DONUT_DATA_DIR/queues}. The service instances create {@code stock_queue} and
 * {@code dead_letter_queue} on it when they start.
 */
final class QueuesMode {

    static final int DEFAULT_PORT = 9324;

    private QueuesMode() {
    }

    static void run(Map<String, String> environment) throws InterruptedException {
        long started = System.nanoTime();
        Path store = Path.of(environment.getOrDefault("DONUT_DATA_DIR", "data")).toAbsolutePath().resolve("queues");
        EmbeddedSqs sqs = EmbeddedSqs.start(LaunchMode.port(environment, "DONUT_SQS_PORT", DEFAULT_PORT), store);
        System.out.println("\n=== Donut-States queues are open (ElasticMQ, started in "
                + (System.nanoTime() - started) / 1_000_000 + " ms) ===\n"
                + "  Endpoint   " + sqs.endpoint() + "\n"
                + "  Messages   kept in " + sqs.storeDir() + "\n"
                + "  Services   DONUT_SQS_ENDPOINT=" + sqs.endpoint()
                + "  (they create stock_queue -> dead_letter_queue)\n");
        UntilKilled.run("queues", sqs);
    }
}

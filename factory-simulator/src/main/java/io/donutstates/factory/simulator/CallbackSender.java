package io.donutstates.factory.simulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts "production complete" callbacks after the production delay, retrying failures with backoff.
 * The scheduler only keeps time; every send runs on the (virtual-thread) executor so that slow
 * receivers never hold up other callbacks.
 */
final class CallbackSender {

    private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService executor;
    private final List<Duration> retryBackoff;
    private final StatsCounter stats;

    CallbackSender(ScheduledExecutorService scheduler, ExecutorService executor, List<Duration> retryBackoff,
                   StatsCounter stats) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the legacy receivers speak plain HTTP/1.1
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.scheduler = scheduler;
        this.executor = executor;
        this.retryBackoff = List.copyOf(retryBackoff);
        this.stats = stats;
    }

    /** Schedules the callback(s) for an accepted order with the faults in force when it was accepted. */
    void schedule(TrackedOrder order, Faults faults) {
        byte[] body = Json.MAPPER.writeValueAsBytes(order.request().callbackBody(order.orderId()));
        HttpRequest request = HttpRequest.newBuilder(order.request().callbackUrl())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", faults.callbackContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int copies = faults.duplicateCallbacks() ? 2 : 1;
        for (int copy = 0; copy < copies; copy++) {
            later(faults.delay(), () -> attempt(order, request, 0));
        }
    }

    private void attempt(TrackedOrder order, HttpRequest request, int retriesDone) {
        Outcome outcome = send(request);
        if (outcome == Outcome.DELIVERED) {
            order.delivered();
            stats.callbackSent();
        } else if (outcome == Outcome.RETRYABLE && retriesDone < retryBackoff.size()) {
            later(retryBackoff.get(retriesDone), () -> attempt(order, request, retriesDone + 1));
        } else if (outcome != Outcome.INTERRUPTED) {
            LOG.log(Level.WARNING, "Giving up callback of order " + order.orderId() + " to " + request.uri());
            order.gaveUp();
            stats.callbackFailed();
        }
    }

    private Outcome send(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.log(Level.DEBUG, "Callback to " + request.uri() + " answered " + status);
            if (status >= 200 && status < 300) {
                return Outcome.DELIVERED;
            }
            // A 4xx means the receiver rejects this callback; sending it again would not change its mind.
            return status >= 500 ? Outcome.RETRYABLE : Outcome.REJECTED;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Callback to " + request.uri() + " failed: " + e);
            return Outcome.RETRYABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is closing
            return Outcome.INTERRUPTED;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Callback to " + request.uri() + " could not be sent", e);
            return Outcome.REJECTED;
        }
    }

    private void later(Duration wait, Runnable send) {
        try {
            scheduler.schedule(() -> runOnExecutor(send), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: pending callbacks are abandoned by design
        }
    }

    private void runOnExecutor(Runnable send) {
        try {
            executor.execute(send);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private enum Outcome { DELIVERED, RETRYABLE, REJECTED, INTERRUPTED }
}

package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run in a fresh JVM by {@link InitTimeBenchmarkTest}: what a cold Lambda container spends before and
 * on its first requests, with the environment the parent gives it. Prints {@code INIT name=millis} lines.
 * With the argument {@code snapstart}, primes the shop as the SnapStart hook does before the snapshot,
 * so the first requests show what is left after a restore.
 */
public final class InitTimeMain {

    private InitTimeMain() {
    }

    public static void main(String[] args) {
        boolean snapStart = args.length > 0 && args[0].equals("snapstart");
        Map<String, Long> times = new LinkedHashMap<>();
        times.put("jvm-start-to-main", ManagementFactory.getRuntimeMXBean().getUptime());
        // The runtime deserialises the event before calling the handler; not counted in the handler's time.
        APIGatewayV2HTTPEvent products = Events.http("http-get-products.json");
        APIGatewayV2HTTPEvent sale = Events.http("http-post-sales.json", event -> {
            ((ObjectNode) event.get("headers")).remove("idempotency-key");
            event.put("body", "{\"sku\":\"CP-502102\",\"quantity\":1}");
        });
        long initStart = System.nanoTime();
        LambdaShop shop = timed(times, "init-wiring (LambdaShop)", LambdaShop::fromEnvironment);
        SalesApiHandler sales = timed(times, "init-handler (SalesApiHandler)", () -> new SalesApiHandler(shop));
        if (snapStart) {
            timed(times, "init-prime (before snapshot)", () -> {
                shop.prime();
                return null;
            });
        }
        times.put("init-total", (System.nanoTime() - initStart) / 1_000_000);
        check(timed(times, "first GET /api/products", () -> sales.handleRequest(products, null)).getStatusCode(), 200);
        check(timed(times, "first POST /api/sales", () -> sales.handleRequest(sale, null)).getStatusCode(), 201);
        check(timed(times, "second POST /api/sales", () -> sales.handleRequest(sale, null)).getStatusCode(), 201);
        StockWorkerHandler worker = timed(times, "init-handler (StockWorkerHandler, same JVM)", () -> new StockWorkerHandler(shop));
        SQSEvent message = Events.load(SQSEvent.class, "sqs-stock-queue.json");
        timed(times, "first stock_queue message (unknown replenishment)", () -> worker.handleRequest(message, null));
        times.forEach((name, millis) -> System.out.println("INIT " + name + "=" + millis));
        shop.close();
        System.exit(0);
    }

    private static void check(int status, int expected) {
        if (status != expected) {
            throw new IllegalStateException("answered " + status + ", expected " + expected);
        }
    }

    private static <T> T timed(Map<String, Long> times, String name, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        times.put(name, (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}

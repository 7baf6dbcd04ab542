package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sales function under a crowd, in one JVM: {@code containers} Lambda containers side by side,
 * each with its own {@link LambdaShop} (its own pool of two connections, as a container has) and one
 * request at a time, all buying one product, one transaction per purchase. Run by
 * {@code scripts/distributed-benchmark.sh} with the shop's settings in the environment; prints a line
 * a second and a {@code RESULT} line.
 *
 * <p>Arguments: {@code containers seconds sku [warmupSeconds]}.
 */
public final class LambdaCrowdMain {

    private LambdaCrowdMain() {
    }

    /** What API Gateway hands the function for one purchase (built here: the shaded jar has no event parser). */
    private static APIGatewayV2HTTPEvent purchase(String sku) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/api/sales")
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("lambda-crowd").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withStage("$default")
                .withRequestId("crowd").build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST /api/sales")
                .withRawPath("/api/sales").withRequestContext(context)
                .withHeaders(java.util.Map.of("content-type", "application/json"))
                .withBody("{\"sku\":\"" + sku + "\",\"quantity\":1}").withIsBase64Encoded(false).build();
    }

    public static void main(String[] args) throws Exception {
        int containers = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String sku = args[2];
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        var settings = LambdaSettings.from(System.getenv());
        LongAdder sold = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder soldInAll = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(containers);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < containers; c++) {
            Thread container = new Thread(() -> {
                // A cold start per container, outside the measured time.
                var handler = new SalesApiHandler(new LambdaShop(settings));
                APIGatewayV2HTTPEvent sale = purchase(sku);
                ready.countDown();
                while (running.get()) {
                    int status = handler.handleRequest(sale, new FakeContext("donut-sales")).getStatusCode();
                    if (status == 201) {
                        soldInAll.increment();
                    }
                    if (counting.get()) {
                        (status == 201 ? sold : status == 409 ? refused : failed).increment();
                    }
                }
            }, "container-" + c);
            container.setDaemon(true);
            container.start();
            threads.add(container);
        }
        ready.await();
        System.out.printf("lambda-crowd: %d containers started; %d s warm-up%n", containers, warmup);
        Thread.sleep(warmup * 1_000L);
        counting.set(true);
        long start = System.nanoTime();
        long before = 0;
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1_000);
            long now = sold.sum();
            System.out.printf("lambda-crowd: %3d s  %,8d sold/s  (%,d sold, %,d refused, %,d failed)%n", s,
                    now - before, now, refused.sum(), failed.sum());
            before = now;
        }
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
        // Sold in all counts the warm-up too: what the shelf lost from start to end.
        System.out.printf("RESULT containers=%d seconds=%.1f sold=%d refused=%d failed=%d rate=%.0f soldInAll=%d%n",
                containers, elapsed, sold.sum(), refused.sum(), failed.sum(), sold.sum() / elapsed, soldInAll.sum());
        System.exit(0);
    }
}

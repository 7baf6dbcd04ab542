package io.donutstates.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test's target: just enough of the shop's HTTP contract, with a real stock counter, served by
 * one or more JDK HttpServer instances on 127.0.0.1 that share one shop (like instances sharing a database).
 */
final class StubShop implements AutoCloseable {

    static final String ADMIN_TOKEN = "test-token";
    private static final JsonMapper JSON = JsonMapper.shared();

    static {
        // HttpServer writes headers and body separately; with Nagle on, the client's delayed ACK
        // stalls every response by ~40 ms. Read once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Confirms every sale but takes nothing from stock when false: the consistency check must catch it. */
    volatile boolean honest = true;
    /** Every n-th sale request answers 500 when above zero. */
    volatile int failEvery;
    /** A replenishment is delivered (stock added) as soon as it is requested. */
    volatile boolean autoDeliver;
    /** Sales answers use chunked transfer encoding instead of Content-Length. */
    volatile boolean chunked;
    /** Sales answers carry Connection: close, so every request needs a new connection. */
    volatile boolean connectionClose;

    private final Map<String, Product> products = new ConcurrentSkipListMap<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<AtomicLong> salesRequestsByInstance = new ArrayList<>();
    private final ExecutorService executor;
    private final AtomicLong saleCounter = new AtomicLong();
    private final AtomicLong requestCounter = new AtomicLong();

    StubShop(int instances, int threads) throws IOException {
        executor = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < instances; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            AtomicLong counter = new AtomicLong();
            server.createContext("/", exchange -> handle(exchange, counter));
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            salesRequestsByInstance.add(counter);
        }
    }

    String url(int instance) {
        return "http://127.0.0.1:" + servers.get(instance).getAddress().getPort();
    }

    String urls() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            urls.add(url(i));
        }
        return String.join(",", urls);
    }

    long salesRequestsTo(int instance) {
        return salesRequestsByInstance.get(instance).get();
    }

    StubShop product(String sku, int stock) {
        products.put(sku, new Product(sku, stock));
        return this;
    }

    int stock(String sku) {
        return products.get(sku).stock.get();
    }

    List<Replenishment> replenishments(String sku) {
        return products.get(sku).replenishments;
    }

    /** Adds a replenishment that was delivered before any run, which the check must not count. */
    void addDeliveredBefore(String sku, int quantity) {
        Replenishment r = new Replenishment(sku, quantity);
        r.status = "DELIVERED";
        r.deliveredQuantity = quantity;
        products.get(sku).replenishments.add(r);
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange, AtomicLong salesRequests) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && (path.equals("/api/sales") || path.equals("/send"))) {
                salesRequests.incrementAndGet();
                if (failEvery > 0 && requestCounter.incrementAndGet() % failEvery == 0) {
                    respond(exchange, 500, Map.of("message", "boom"), chunked);
                } else if (path.equals("/send")) {
                    legacySend(exchange, JSON.readTree(body));
                } else {
                    sale(exchange, JSON.readTree(body));
                }
            } else if (method.equals("GET") && path.equals("/api/products")) {
                respond(exchange, 200, products.values().stream().map(Product::json).toList(), false);
            } else if (method.equals("GET") && path.startsWith("/api/products/")) {
                Product p = products.get(path.substring("/api/products/".length()));
                respond(exchange, p == null ? 404 : 200, p == null ? Map.of("message", "no such SKU") : p.json(), false);
            } else if (method.equals("GET") && path.equals("/api/replenishments")) {
                String sku = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("sku=".length()), StandardCharsets.UTF_8);
                Product p = products.get(sku);
                respond(exchange, 200, p == null ? List.of() : p.replenishments.stream().map(Replenishment::json).toList(), false);
            } else if (method.equals("PUT") && path.startsWith("/api/admin/products/") && path.endsWith("/stock")) {
                if (!("Bearer " + ADMIN_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    respond(exchange, 401, Map.of("message", "unauthorized"), false);
                    return;
                }
                Product p = products.get(path.substring("/api/admin/products/".length(), path.length() - "/stock".length()));
                p.stock.set(JSON.readTree(body).path("stock").asInt());
                respond(exchange, 200, p.json(), false);
            } else {
                respond(exchange, 404, Map.of("message", "not found"), false);
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, Map.of("message", String.valueOf(e.getMessage())), false);
        }
    }

    private void sale(HttpExchange exchange, JsonNode request) throws IOException {
        Product p = products.get(request.path("sku").asString());
        int quantity = request.path("quantity").asInt();
        if (p == null) {
            respond(exchange, 404, Map.of("message", "no such SKU"), chunked);
        } else if (quantity < 1) {
            respond(exchange, 400, Map.of("message", "quantity must be positive"), chunked);
        } else if (p.take(quantity, honest)) {
            respond(exchange, 201, Map.of("id", saleCounter.incrementAndGet(), "sku", p.sku, "quantity", quantity,
                    "status", "SOLD", "remainingStock", p.stock.get()), chunked);
        } else {
            Replenishment r = p.requestReplenishment();
            respond(exchange, 409, Map.of("status", "OUT_OF_STOCK", "sku", p.sku, "message", "not enough stock",
                    "replenishment", Map.of("id", r.id, "status", r.status)), chunked);
        }
    }

    private void legacySend(HttpExchange exchange, JsonNode request) throws IOException {
        Product p = products.get(request.path("MessageAttributeProductId").asString());
        if (p != null && p.take(1, honest)) {
            respond(exchange, 200, Map.of("message", "판매완료"), chunked);
        } else {
            if (p != null) {
                p.requestReplenishment();
            }
            respond(exchange, 200, Map.of("message", "재고부족, 제품 생산 요청!"), chunked);
        }
    }

    private void respond(HttpExchange exchange, int status, Object body, boolean chunkedBody) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (connectionClose) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, chunkedBody ? 0 : bytes.length); // 0 means chunked to HttpServer
        exchange.getResponseBody().write(bytes);
    }

    private final class Product {
        final String sku;
        final AtomicInteger stock;
        final List<Replenishment> replenishments = new CopyOnWriteArrayList<>();

        Product(String sku, int stock) {
            this.sku = sku;
            this.stock = new AtomicInteger(stock);
        }

        boolean take(int quantity, boolean reallyTake) {
            while (true) {
                int s = stock.get();
                if (s < quantity) {
                    return false;
                }
                if (!reallyTake || stock.compareAndSet(s, s - quantity)) {
                    return true;
                }
            }
        }

        /** One open request at a time, like a shop that does not reorder what it already ordered. */
        synchronized Replenishment requestReplenishment() {
            for (Replenishment r : replenishments) {
                if (r.status.equals("REQUESTED")) {
                    return r;
                }
            }
            Replenishment r = new Replenishment(sku, 50);
            replenishments.add(r);
            if (autoDeliver) {
                stock.addAndGet(r.quantity);
                r.deliveredQuantity = r.quantity;
                r.status = "DELIVERED";
            }
            return r;
        }

        Map<String, Object> json() {
            return Map.of("sku", sku, "name", "donut " + sku, "price", 1500, "stock", stock.get(),
                    "factoryId", "FF-500293", "reorderQuantity", 50, "reorderPoint", 10);
        }
    }

    static final class Replenishment {
        final String id = UUID.randomUUID().toString();
        final String sku;
        final int quantity;
        volatile String status = "REQUESTED";
        volatile Integer deliveredQuantity;

        Replenishment(String sku, int quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", id);
            m.put("sku", sku);
            m.put("factoryId", "FF-500293");
            m.put("quantity", quantity);
            m.put("status", status);
            m.put("deliveredQuantity", deliveredQuantity);
            m.put("attempts", 1);
            return m;
        }
    }

    /** Runs the stub alone, for measuring the generator by hand: {@code StubShop [secondsToLive] [threads]}. */
    public static void main(String[] args) throws Exception {
        StubShop shop = new StubShop(1, args.length > 1 ? Integer.parseInt(args[1]) : 8);
        shop.product("CP-502101", 1_000_000_000);
        System.out.println(shop.urls());
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "600") * 1000); // bounded: seconds to live
        shop.close();
        System.out.println(products(shop));
    }

    private static String products(StubShop shop) {
        return shop.products.values().stream().map(p -> p.sku + "=" + p.stock.get()).collect(Collectors.joining(", "));
    }
}

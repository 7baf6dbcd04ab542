import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded check of the shop under a connection flood, run by scripts/slow-connections.sh against a
 * shop it started (Java 17+, no libraries): {@code java scripts/SlowConnections.java PORT PID}.
 *
 * <ol>
 *   <li>Ordinary connections: {@code ORDINARY_CONNECTIONS} (2,000) keep-alive connections each ask for
 *       a product once a second for {@code ORDINARY_SECONDS}, then stay idle a few seconds; the shop's
 *       resident memory (RSS) is sampled throughout.</li>
 *   <li>Slow connections: {@code SLOW_CONNECTIONS} (3,000) connections each send a request line and then
 *       one header line every {@code LINE_EVERY_SECONDS} (5), never finishing the request, for
 *       {@code SLOW_SECONDS} (60); a connection the shop closes is opened again. Meanwhile a buyer on a
 *       fresh connection makes a purchase every {@code BUY_EVERY_SECONDS} (2) and its latency is kept.</li>
 *   <li>Afterwards: the shop is alive and sells within 10 s.</li>
 * </ol>
 * Prints progress every few seconds and ends with PASS or FAIL (exit status 0 or 1).
 */
public class SlowConnections {

    static final String HOST = "127.0.0.1";
    static final long SERVED_WITHIN_MS = 10_000;

    final int port;
    final long pid;
    final int ordinaryConnections = env("ORDINARY_CONNECTIONS", 2000);
    final int ordinarySeconds = env("ORDINARY_SECONDS", 20);
    final int slowConnections = env("SLOW_CONNECTIONS", 3000);
    final int slowSeconds = env("SLOW_SECONDS", 60);
    final int lineEverySeconds = env("LINE_EVERY_SECONDS", 5);
    final int buyEverySeconds = env("BUY_EVERY_SECONDS", 2);
    final String sku = System.getenv().getOrDefault("SKU", "CP-502101");
    /** The shop's resident memory may not pass this in any phase (heap 512 MB + what lives outside it). */
    final int rssLimitMb = env("RSS_LIMIT_MB", 900);
    final List<String> failures = new ArrayList<>();

    SlowConnections(int port, long pid) {
        this.port = port;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        var check = new SlowConnections(Integer.parseInt(args[0]), Long.parseLong(args[1]));
        boolean passed = check.run();
        System.exit(passed ? 0 : 1);
    }

    boolean run() throws Exception {
        say("shop pid %d on port %d, RSS at rest %d MB", pid, port, rssMb());
        if (ordinaryConnections > 0) {
            ordinaryPhase();
        }
        if (slowConnections > 0) {
            slowPhase();
        }
        afterwards();
        if (failures.isEmpty()) {
            say("PASS");
            return true;
        }
        failures.forEach(f -> say("FAIL: %s", f));
        say("FAIL");
        return false;
    }

    // ------------------------------------------------------------------ ordinary keep-alive connections

    void ordinaryPhase() throws InterruptedException {
        say("ordinary: %d keep-alive connections, one GET /api/products/%s a second each for %d s, then idle",
                ordinaryConnections, sku, ordinarySeconds);
        var answered = new AtomicLong();
        var shed = new AtomicLong();
        var failed = new AtomicLong();
        var open = new AtomicInteger();
        long activeUntil = System.nanoTime() + ordinarySeconds * 1_000_000_000L;
        var done = new CountDownLatch(1);
        var allOpen = new CountDownLatch(ordinaryConnections);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < ordinaryConnections; i++) {
            var thread = new Thread(null, () -> {
                try (var socket = connect(30_000)) {
                    open.incrementAndGet();
                    allOpen.countDown();
                    var in = socket.getInputStream();
                    var out = socket.getOutputStream();
                    while (System.nanoTime() < activeUntil) {
                        long started = System.nanoTime();
                        out.write(("GET /api/products/" + sku + " HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        int status = readResponse(in);
                        // 503 (with Retry-After) is the shop shedding reads it cannot serve within the read
                        // pool's wait: an answer, counted apart; anything else is a failure.
                        (status == 200 ? answered : status == 503 ? shed : failed).incrementAndGet();
                        long rest = 1000 - (System.nanoTime() - started) / 1_000_000;
                        if (rest > 0) {
                            Thread.sleep(rest);
                        }
                    }
                    done.await();
                } catch (IOException e) {
                    failed.incrementAndGet();
                    allOpen.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    open.decrementAndGet();
                }
            }, "ordinary-" + i, 256 * 1024);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        allOpen.await();
        long activeMax = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < activeUntil) {
            Thread.sleep(1000);
            activeMax = Math.max(activeMax, rssMb());
            if (((System.nanoTime() - start) / 1_000_000_000L) % 5 == 0) {
                say("  ordinary, active: %d open, %d answered, %d failed, RSS %d MB (max %d)", open.get(),
                        answered.get(), failed.get(), rssMb(), activeMax);
            }
        }
        long idleMax = 0;
        for (int s = 0; s < 5; s++) {
            Thread.sleep(1000);
            idleMax = Math.max(idleMax, rssMb());
        }
        say("  ordinary, idle: %d open, RSS %d MB (max %d)", open.get(), rssMb(), idleMax);
        done.countDown();
        for (var thread : threads) {
            thread.join(10_000);
        }
        say("RESULT ordinary: %d connections, %d answered, %d shed (503), %d failed; RSS max %d MB active, %d MB idle"
                        + " (limit %d MB)", ordinaryConnections, answered.get(), shed.get(), failed.get(), activeMax, idleMax,
                rssLimitMb);
        if (failed.get() > 0) {
            failures.add(failed.get() + " ordinary requests failed");
        }
        if (answered.get() == 0) {
            failures.add("no ordinary request was answered");
        }
        if (Math.max(activeMax, idleMax) > rssLimitMb) {
            failures.add("RSS reached " + Math.max(activeMax, idleMax) + " MB with " + ordinaryConnections
                    + " connections (limit " + rssLimitMb + " MB)");
        }
    }

    // ------------------------------------------------------------------ slow connections and a buyer

    void slowPhase() throws InterruptedException {
        say("slow: %d connections, a header line every %d s each, for %d s; a purchase every %d s meanwhile",
                slowConnections, lineEverySeconds, slowSeconds, buyEverySeconds);
        var slow = new ConcurrentLinkedQueue<SlowConnection>();
        var reopened = new AtomicLong();
        var refusedConnects = new AtomicLong();
        long until = System.nanoTime() + slowSeconds * 1_000_000_000L;

        var opener = new Thread(() -> {
            int n = 0;
            while (System.nanoTime() < until && n < slowConnections) {
                try {
                    slow.add(SlowConnection.open(port, n));
                    n++;
                } catch (IOException e) {
                    refusedConnects.incrementAndGet();
                }
            }
        }, "slow-opener");
        opener.start();

        var writer = new Thread(() -> {
            int line = 0;
            while (System.nanoTime() < until) {
                long roundStarted = System.nanoTime();
                line++;
                for (var connection : slow) {
                    if (!connection.sendLine(line)) {
                        slow.remove(connection);
                        try {
                            slow.add(SlowConnection.open(port, connection.number));
                            reopened.incrementAndGet();
                        } catch (IOException e) {
                            refusedConnects.incrementAndGet();
                        }
                    }
                }
                sleepUntil(roundStarted + lineEverySeconds * 1_000_000_000L, until);
            }
        }, "slow-writer");
        writer.start();

        var latencies = new ConcurrentLinkedQueue<Long>();
        var buyerFailures = new ConcurrentLinkedQueue<String>();
        var buyer = new Thread(() -> {
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                try {
                    int status = purchase(SERVED_WITHIN_MS + 5_000);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    latencies.add(ms);
                    if (status != 201 && status != 409) {
                        buyerFailures.add("purchase answered " + status + " after " + ms + " ms");
                    }
                } catch (IOException e) {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    latencies.add(ms);
                    buyerFailures.add("purchase failed after " + ms + " ms: " + e);
                }
                sleepUntil(started + buyEverySeconds * 1_000_000_000L, until);
            }
        }, "buyer");
        buyer.start();

        long rssMax = 0;
        int tick = 0;
        while (System.nanoTime() < until) {
            Thread.sleep(1000);
            rssMax = Math.max(rssMax, rssMb());
            if (++tick % 5 == 0) {
                long worst = latencies.stream().mapToLong(Long::longValue).max().orElse(0);
                say("  slow, %2d s: %d open, %d reopened after the shop closed them, %d connects refused; "
                                + "%d purchases (worst %d ms, %d failed); RSS %d MB (max %d)",
                        tick, slow.size(), reopened.get(), refusedConnects.get(), latencies.size(), worst,
                        buyerFailures.size(), rssMb(), rssMax);
                if (!alive()) {
                    say("  the shop's process is gone");
                    break;
                }
            }
        }
        opener.join(30_000);
        writer.join(30_000);
        buyer.join(30_000);
        slow.forEach(SlowConnection::close);

        var sorted = latencies.stream().sorted().toList();
        long worst = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
        long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        say("RESULT slow: %d connections for %d s (%d reopened, %d connects refused); %d purchases, median %d ms, "
                        + "worst %d ms, %d failed; RSS max %d MB",
                slowConnections, slowSeconds, reopened.get(), refusedConnects.get(), sorted.size(), median, worst,
                buyerFailures.size(), rssMax);
        buyerFailures.stream().limit(5).forEach(f -> say("  %s", f));
        if (sorted.isEmpty()) {
            failures.add("no purchase was made during the flood");
        }
        if (worst > SERVED_WITHIN_MS) {
            failures.add("a purchase took " + worst + " ms during the flood (limit " + SERVED_WITHIN_MS + " ms)");
        }
        if (!buyerFailures.isEmpty()) {
            failures.add(buyerFailures.size() + " purchases failed during the flood");
        }
        if (rssMax > rssLimitMb) {
            failures.add("RSS reached " + rssMax + " MB with " + slowConnections + " slow connections (limit "
                    + rssLimitMb + " MB)");
        }
    }

    /** One connection that has sent a request line and keeps adding a header line, never finishing. */
    static final class SlowConnection {
        final int number;
        final Socket socket;
        final OutputStream out;

        private SlowConnection(int number, Socket socket) throws IOException {
            this.number = number;
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        static SlowConnection open(int port, int number) throws IOException {
            var socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(HOST, port), 10_000);
                var connection = new SlowConnection(number, socket);
                connection.out.write(("GET /api/products HTTP/1.1\r\nHost: " + HOST + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                connection.out.flush();
                return connection;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        /** @return false if the shop closed the connection */
        boolean sendLine(int line) {
            try {
                out.write(("X-Slow-" + line + ": " + number + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ------------------------------------------------------------------ afterwards

    void afterwards() throws InterruptedException {
        if (!alive()) {
            failures.add("the shop's process " + pid + " is no longer running");
            return;
        }
        long started = System.nanoTime();
        long deadline = started + SERVED_WITHIN_MS * 1_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = purchase(SERVED_WITHIN_MS);
                if (status == 201 || status == 409) {
                    say("RESULT afterwards: alive (pid %d), a purchase answered %d in %d ms, RSS %d MB", pid, status,
                            (System.nanoTime() - started) / 1_000_000, rssMb());
                    return;
                }
                last = "answered " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        failures.add("no purchase was served within " + SERVED_WITHIN_MS + " ms after the flood: " + last);
    }

    // ------------------------------------------------------------------ HTTP by hand

    Socket connect(int timeoutMs) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress(HOST, port), timeoutMs);
        socket.setSoTimeout(timeoutMs);
        return socket;
    }

    /** POST /api/sales on a fresh connection, as a new buyer arrives; the status. */
    int purchase(long timeoutMs) throws IOException {
        String body = "{\"sku\":\"" + sku + "\",\"quantity\":1}";
        try (var socket = connect((int) timeoutMs)) {
            var out = socket.getOutputStream();
            out.write(("POST /api/sales HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads one response (Content-Length or chunked) and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        String header;
        while ((header = readLine(in)) != null && !header.isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long size;
            do {
                size = Long.parseLong(readLine(in).split(";")[0].strip(), 16);
                skip(in, size);
                readLine(in);
            } while (size > 0);
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    // ------------------------------------------------------------------ the shop's process

    boolean alive() {
        return Files.exists(Path.of("/proc/" + pid));
    }

    long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static void sleepUntil(long nanoTime, long notAfter) {
        long wait = (Math.min(nanoTime, notAfter) - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int env(String name, int defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }

    static void say(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}

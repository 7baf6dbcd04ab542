package io.donutstates.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 that gives a link a network's round trip, for a kernel without
 * {@code netem}: every chunk read from one side is written to the other a fixed delay after it
 * arrived, in each direction. Each connection and each direction has its own reader and writer, so
 * a chunk waits only for its own delay, never for another connection's, and bytes keep their order.
 *
 * <pre>java -cp donut-loadgen.jar io.donutstates.loadgen.LatencyProxy 13306 127.0.0.1:3306 250us</pre>
 *
 * gives the database behind port 3306 a 0.5 ms round trip (250 µs each way, roughly an app and RDS in
 * one availability zone) for clients of port 13306. Prints the connections and bytes carried every
 * ten seconds; stops on Ctrl-C or SIGTERM.
 */
public final class LatencyProxy implements AutoCloseable {

    private static final Chunk END = new Chunk(new byte[0], 0, 0);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private record Chunk(byte[] data, int length, long dueNanos) { }

    public LatencyProxy(int listenPort, InetSocketAddress target, Duration oneWayDelay) throws IOException {
        this.server = new ServerSocket(listenPort, 1_000, InetAddress.getLoopbackAddress());
        this.target = target;
        this.delayNanos = oneWayDelay.toNanos();
        daemon("latency-proxy-accept", this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public long connections() {
        return connections.get();
    }

    public long bytes() {
        return bytes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5_000);
                } catch (IOException refused) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                connections.incrementAndGet();
                carry(client, upstream);
                carry(upstream, client);
            } catch (IOException e) {
                // the server socket closed
            }
        }
    }

    /** One direction: a reader stamps each chunk with its due time, a writer releases it then. */
    private void carry(Socket from, Socket to) {
        BlockingQueue<Chunk> inFlight = new LinkedBlockingQueue<>();
        daemon("latency-proxy-read", () -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    inFlight.add(new Chunk(Arrays.copyOf(buffer, read), read, System.nanoTime() + delayNanos));
                }
            } catch (IOException e) {
                // this side went away
            } finally {
                inFlight.add(END);
            }
        });
        daemon("latency-proxy-write", () -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = inFlight.take();
                    if (chunk == END) {
                        break;
                    }
                    long wait;
                    while ((wait = chunk.dueNanos() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.data(), 0, chunk.length());
                    out.flush();
                    bytes.addAndGet(chunk.length());
                }
            } catch (IOException | InterruptedException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** {@code 250us}, {@code 1ms}, {@code 0}. */
    static Duration parseDelay(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("us")) {
                return Duration.ofNanos(Long.parseLong(value.substring(0, value.length() - 2)) * 1_000);
            }
            if (value.endsWith("ms")) {
                return Duration.ofNanos(Math.round(Double.parseDouble(value.substring(0, value.length() - 2)) * 1_000_000));
            }
            if (value.equals("0")) {
                return Duration.ZERO;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage message
        }
        throw new IllegalArgumentException("a delay looks like 250us or 0.5ms (got '" + text + "')");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[1].contains(":")) {
            System.err.println("usage: LatencyProxy <listen port> <target host:port> <one-way delay, e.g. 250us>");
            System.exit(2);
        }
        String[] host = args[1].split(":", 2);
        Duration delay;
        try {
            delay = parseDelay(args[2]);
        } catch (IllegalArgumentException e) {
            System.err.println("LatencyProxy: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (var proxy = new LatencyProxy(Integer.parseInt(args[0]), new InetSocketAddress(host[0],
                Integer.parseInt(host[1])), delay)) {
            System.out.printf("latency proxy 127.0.0.1:%d -> %s, %d µs each way%n", proxy.port(), args[1],
                    delay.toNanos() / 1_000);
            while (true) {
                Thread.sleep(10_000);
                System.out.printf("latency proxy: %d connections, %,d bytes carried%n", proxy.connections(),
                        proxy.bytes());
            }
        }
    }
}

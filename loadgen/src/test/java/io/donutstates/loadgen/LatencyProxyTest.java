package io.donutstates.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The latency proxy adds its delay to each direction, keeps the bytes in order, and connections do not wait for each other. */
class LatencyProxyTest {

    private static final Duration ONE_WAY = Duration.ofMillis(40);

    @Test
    void a_round_trip_through_the_proxy_takes_the_delay_each_way_and_keeps_the_bytes() throws Exception {
        try (var echo = new Echo(); var proxy = new LatencyProxy(0, echo.address(), ONE_WAY);
             var socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            long started = System.nanoTime();
            Duration took = roundTrip(socket, "donut-" .repeat(1_000).getBytes());
            assertThat(took).isGreaterThanOrEqualTo(ONE_WAY.multipliedBy(2));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void connections_do_not_wait_for_each_other() throws Exception {
        int clients = 8;
        try (var echo = new Echo(); var proxy = new LatencyProxy(0, echo.address(), ONE_WAY)) {
            List<CompletableFuture<Duration>> trips = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                trips.add(CompletableFuture.supplyAsync(() -> {
                    try (var socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                        return roundTrip(socket, "glazed".getBytes());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, java.util.concurrent.Executors.newFixedThreadPool(clients)));
            }
            for (var trip : trips) {
                assertThat(trip.get()).isGreaterThanOrEqualTo(ONE_WAY.multipliedBy(2));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("eight round trips side by side, not one after another")
                    .isLessThan(ONE_WAY.multipliedBy(2).multipliedBy(clients / 2));
        }
    }

    @Test
    void delays_are_written_as_microseconds_or_milliseconds() {
        assertThat(LatencyProxy.parseDelay("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(LatencyProxy.parseDelay("0.5ms")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(LatencyProxy.parseDelay("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> LatencyProxy.parseDelay("fast")).hasMessageContaining("250us");
    }

    private static Duration roundTrip(Socket socket, byte[] message) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        long started = System.nanoTime();
        out.write(message);
        out.flush();
        byte[] back = in.readNBytes(message.length);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(back).isEqualTo(message);
        return took;
    }

    /** Echoes every byte back, one thread per connection. */
    private static final class Echo implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        Echo() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> {
                            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                                in.transferTo(out);
                            } catch (IOException e) {
                                // closed
                            }
                        });
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

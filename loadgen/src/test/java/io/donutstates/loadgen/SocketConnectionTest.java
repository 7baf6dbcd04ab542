package io.donutstates.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket client against a scripted server that misbehaves in the ways real ones do. */
@Timeout(10)
class SocketConnectionTest {

    private static final String CREATED = "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}";

    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void keepsOneConnectionForManyRequests() throws Exception {
        try (HttpConnection c = connect(answersPerConnection(Integer.MAX_VALUE))) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.exchange(request())).isEqualTo(201);
            }
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void resendsOnceWhenAReusedConnectionWasClosedWithoutAnswer() throws Exception {
        // One answer per connection, then the server hangs up without saying so: every reuse finds it closed.
        try (HttpConnection c = connect(answersPerConnection(1))) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.exchange(request())).isEqualTo(201);
            }
        }
        assertThat(connections).hasValue(3);
    }

    @Test
    void aFreshConnectionClosedWithoutAnswerIsAnError() throws Exception {
        try (HttpConnection c = connect(answersPerConnection(0))) {
            assertThatThrownBy(() -> c.exchange(request())).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> c.exchange(request())).isInstanceOf(EOFException.class);
        }
        assertThat(connections).hasValue(2); // a failed connection is dropped, the next request reconnects
    }

    private HttpConnection connect(Runnable script) throws IOException, UsageException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(script, "scripted-server");
        t.setDaemon(true);
        t.start();
        return new SocketTransport(Duration.ofSeconds(5)).connect(endpoint());
    }

    private PreparedRequest request() throws UsageException {
        return new SocketTransport(Duration.ofSeconds(5)).prepare(endpoint(),
                new RequestSpec("POST", "/api/sales", "{\"sku\":\"CP-502101\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    private Endpoint endpoint() throws UsageException {
        return Endpoint.parse("http://127.0.0.1:" + server.getLocalPort());
    }

    private Runnable answersPerConnection(int answers) {
        return () -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    InputStream in = s.getInputStream();
                    for (int i = 0; i < answers && readRequest(in); i++) {
                        s.getOutputStream().write(CREATED.getBytes(StandardCharsets.ISO_8859_1));
                    }
                    if (answers == 0) {
                        readRequest(in);
                    }
                } catch (IOException e) {
                    return; // the test closed the server
                }
            }
        };
    }

    /** Reads one request head and its Content-Length body; false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
        int at = text.indexOf("content-length:");
        int length = Integer.parseInt(text.substring(at + 15, text.indexOf('\r', at)).trim());
        return in.readNBytes(length).length == length;
    }
}

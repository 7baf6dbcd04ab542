package io.donutstates.loadgen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal blocking HTTP/1.1 client: a plain socket per buyer and per endpoint, requests
 * rendered to bytes up front, so a request costs one write and (usually) one read.
 */
public final class SocketTransport implements HttpTransport {

    private final int timeoutMillis;

    public SocketTransport(Duration timeout) {
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public PreparedRequest prepare(Endpoint endpoint, RequestSpec spec) {
        byte[] body = spec.jsonBody() == null ? new byte[0] : spec.jsonBody();
        StringBuilder head = new StringBuilder(160)
                .append(spec.method()).append(' ').append(endpoint.basePath()).append(spec.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.hostHeader()).append("\r\n")
                .append("User-Agent: donut-loadgen\r\n")
                .append("Accept: application/json\r\n");
        if (spec.jsonBody() != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream wire = new ByteArrayOutputStream(head.length() + body.length);
        wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        wire.writeBytes(body);
        return new WireRequest(endpoint, wire.toByteArray());
    }

    @Override
    public HttpConnection connect(Endpoint endpoint) {
        return new SocketConnection(endpoint, timeoutMillis);
    }

    @Override
    public void close() {
        // Nothing shared: every connection belongs to, and is closed by, its buyer.
    }

    /** The complete request bytes, head and body, for one endpoint. */
    record WireRequest(Endpoint endpoint, byte[] bytes) implements PreparedRequest {
    }
}

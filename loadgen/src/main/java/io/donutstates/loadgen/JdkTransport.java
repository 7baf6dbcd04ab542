package io.donutstates.loadgen;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** {@link HttpClient} on HTTP/1.1, one shared client whose pool gives each buyer a keep-alive connection. */
public final class JdkTransport implements HttpTransport {

    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient client;

    public JdkTransport(Duration timeout) {
        this.timeout = timeout;
        this.executor = Threads.virtualPerTask().orElseGet(() -> Threads.platform(4, "jdk-http"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public PreparedRequest prepare(Endpoint endpoint, RequestSpec spec) {
        HttpRequest.BodyPublisher body = spec.jsonBody() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(spec.jsonBody());
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(spec.path()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(spec.method(), body);
        if (spec.jsonBody() != null) {
            builder.header("Content-Type", "application/json");
        }
        return new JdkRequest(endpoint, builder.build());
    }

    @Override
    public HttpConnection connect(Endpoint endpoint) {
        return new JdkConnection();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    record JdkRequest(Endpoint endpoint, HttpRequest request) implements PreparedRequest {
    }

    /** Keeps only the last body; the client itself owns and pools the sockets. */
    private final class JdkConnection implements HttpConnection {

        private byte[] lastBody = new byte[0];

        @Override
        public int exchange(PreparedRequest request) throws IOException {
            try {
                HttpResponse<byte[]> response = client.send(((JdkRequest) request).request(), HttpResponse.BodyHandlers.ofByteArray());
                lastBody = response.body();
                return response.statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }

        @Override
        public boolean bodyContains(byte[] needle) {
            return Bytes.contains(lastBody, lastBody.length, needle);
        }

        @Override
        public void close() {
            lastBody = new byte[0];
        }
    }
}

package io.donutstates.loadgen;

import java.net.URI;

/** One server instance the crowd is sent to: where to connect and what to put in front of paths. */
public record Endpoint(URI uri, String host, int port, String basePath) {

    /** Accepts {@code http://host[:port][/prefix]}; only plain HTTP, as the socket client speaks nothing else. */
    public static Endpoint parse(String text) throws UsageException {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url '" + text + "' is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--url '" + text + "' must look like http://127.0.0.1:8080");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return new Endpoint(uri, uri.getHost(), port, path);
    }

    /** The Host header value, with the port only when it is not the default. */
    public String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == 80 ? h : h + ":" + port;
    }

    public URI resolve(String path) {
        return URI.create("http://" + hostHeader() + basePath + path);
    }

    @Override
    public String toString() {
        return "http://" + hostHeader() + basePath;
    }
}

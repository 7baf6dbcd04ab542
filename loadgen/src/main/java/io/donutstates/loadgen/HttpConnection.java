package io.donutstates.loadgen;

import java.io.Closeable;
import java.io.IOException;

/** One buyer's keep-alive channel; not thread-safe, each buyer owns its own. */
public interface HttpConnection extends Closeable {

    /**
     * Sends the request and blocks until the whole response has been read.
     * On failure the connection is closed and the next exchange reconnects.
     *
     * @return the response status code
     */
    int exchange(PreparedRequest request) throws IOException;

    /** Whether the last response body contains these bytes; a byte search, no JSON parsing. */
    boolean bodyContains(byte[] needle);

    @Override
    void close();
}

package io.donutstates.loadgen;

/** The HTTP client the buyers use, kept behind this interface so implementations can be compared. */
public interface HttpTransport extends AutoCloseable {

    String name();

    PreparedRequest prepare(Endpoint endpoint, RequestSpec spec);

    /** A connection for one buyer to one endpoint; it connects lazily on the first exchange. */
    HttpConnection connect(Endpoint endpoint);

    @Override
    void close();
}

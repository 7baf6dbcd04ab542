package io.donutstates.loadgen;

/** A request rendered once, before the run, by one {@link HttpTransport}, and sent many times. */
public interface PreparedRequest {

    Endpoint endpoint();
}

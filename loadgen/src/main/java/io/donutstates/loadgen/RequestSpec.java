package io.donutstates.loadgen;

/** A request as the workload describes it, before a client renders it for one endpoint. */
public record RequestSpec(String method, String path, byte[] jsonBody) {
}

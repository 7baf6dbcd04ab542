package io.donutstates.factory.simulator;

/**
 * Counters since start.
 *
 * @param ordersAccepted  production requests answered 202
 * @param ordersRefused   production requests answered 503 by the simulated failure rate
 * @param callbacksSent   callbacks delivered (2xx); a duplicated callback counts twice
 * @param callbacksFailed callbacks given up after their retries (or refused with a 4xx)
 */
public record FactoryStats(long ordersAccepted, long ordersRefused, long callbacksSent, long callbacksFailed) {
}

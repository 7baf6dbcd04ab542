package io.donutstates.ops;

import org.springframework.boot.health.contributor.Status;

/**
 * A health status between UP and DOWN: a part that sales do not need is failing (the queues, a
 * factory, the outbox's topic). Readiness shows it and still answers 200, so a load balancer keeps
 * an instance that can sell; ops see which part and why in the details.
 */
final class Degraded {

    static final Status STATUS = new Status("DEGRADED");

    private Degraded() {
    }
}

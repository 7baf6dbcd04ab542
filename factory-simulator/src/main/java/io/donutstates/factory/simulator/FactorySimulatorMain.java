package io.donutstates.factory.simulator;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator standalone, configured from {@code DONUT_FACTORY_*} environment variables. */
public final class FactorySimulatorMain {

    private FactorySimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FactorySimulator simulator;
        try {
            simulator = FactorySimulator.start(FactorySettings.fromEnvironment(System.getenv()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("factory-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "factory-simulator-shutdown"));
        System.out.println("Factory simulator listening on " + simulator.baseUrl() + " (" + simulator.faults() + ")");
        // The server's threads are daemons (virtual or not), so main has to stay alive until killed.
        stopped.await();
    }
}

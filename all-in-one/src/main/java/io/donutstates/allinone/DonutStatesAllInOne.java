package io.donutstates.allinone;

import io.donutstates.factory.simulator.FactorySimulatorMain;
import java.util.Map;

/**
 * {@code java -jar all-in-one/target/donut-states.jar}: the whole shop, one command; with
 * {@code --mode=database|queues|factory} (or {@code DONUT_MODE}) one part of a multi-process set-up.
 */
public final class DonutStatesAllInOne {

    private DonutStatesAllInOne() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> environment = System.getenv();
        try {
            LaunchMode.Choice choice = LaunchMode.choose(args, environment);
            switch (choice.mode()) {
                case DATABASE -> DatabaseMode.run(environment);
                case QUEUES -> QueuesMode.run(environment);
                case FACTORY -> FactorySimulatorMain.main(choice.remainingArgs());
                case ALL -> runShop(environment, choice.remainingArgs());
            }
        } catch (LaunchMode.Misuse e) {
            // An unknown mode or a bad launcher setting (e.g. DONUT_DB_PORT=abc).
            usage(e.getMessage());
        }
    }

    private static void runShop(Map<String, String> environment, String[] args) {
        long started = System.nanoTime();
        AllInOne shop;
        try {
            shop = AllInOne.start(environment, args);
        } catch (RuntimeException e) {
            // Say why in one line and leave; what did start was stopped by AllInOne.
            System.err.println("donut-states did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(StartupReport.of(shop, (System.nanoTime() - started) / 1_000_000, environment));
    }

    private static void usage(String problem) {
        System.err.println("donut-states: " + problem);
        System.err.println(LaunchMode.USAGE);
        System.exit(2);
    }
}

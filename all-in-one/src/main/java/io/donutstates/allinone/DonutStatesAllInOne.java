package io.donutstates.allinone;

/** {@code java -jar all-in-one/target/donut-states.jar}: the whole shop, one command. */
public final class DonutStatesAllInOne {

    private DonutStatesAllInOne() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        AllInOne shop = AllInOne.start(System.getenv(), args);
        Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "donut-shutdown"));
        System.out.println(StartupReport.of(shop, (System.nanoTime() - started) / 1_000_000));
    }
}

package io.donutstates.factory.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts simulators on free ports and a callback receiver, and closes them after each test. */
abstract class SimulatorTestSupport {

    static final Duration DELAY = Duration.ofMillis(100);
    static final String ORDERS = "/api/manufactures";

    final List<AutoCloseable> toClose = new ArrayList<>();
    CallbackReceiver receiver;
    FactorySimulator simulator;
    Http http;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new CallbackReceiver();
        toClose.add(receiver);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    static FactorySettings settings() {
        return FactorySettings.defaults()
                .withPort(0)
                .withFaults(Faults.DEFAULT.withDelay(DELAY))
                .withCallbackRetryBackoff(List.of(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    FactorySimulator start(FactorySettings settings) {
        simulator = FactorySimulator.start(settings);
        toClose.add(0, simulator);
        http = new Http(simulator.baseUrl());
        return simulator;
    }

    FactorySimulator start() {
        return start(settings());
    }

    String orderBody(String countJson) {
        return """
                {"MessageGroupId":"stock-arrival-group","MessageAttributeProductId":"CP-502101",
                 "MessageAttributeProductCnt":%s,"MessageAttributeFactoryId":"FF-500293",
                 "MessageAttributeRequester":"Donut-States","CallbackUrl":"%s"}
                """.formatted(countJson, receiver.url("/api/factory/callbacks/abc?token=xyz"));
    }

    OrderSnapshot order(String orderId) {
        return simulator.orders().stream().filter(o -> o.orderId().equals(orderId)).findFirst().orElseThrow();
    }
}

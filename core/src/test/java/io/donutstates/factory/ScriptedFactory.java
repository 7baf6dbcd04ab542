package io.donutstates.factory;

import java.util.ArrayList;
import java.util.List;

/** A factory that answers as the test tells it to, and remembers every order it was sent. */
public final class ScriptedFactory implements Factory {

    private final List<ProductionOrder> orders = new ArrayList<>();
    private FactoryAnswer answer = new FactoryAnswer.Accepted();

    /** From now on the factory takes every order. */
    public void accepts() {
        answer = new FactoryAnswer.Accepted();
    }

    /** From now on the factory refuses (or cannot be reached), with this reason. */
    public void refuses(String reason) {
        answer = new FactoryAnswer.Refused(reason);
    }

    /** From now on the factory's circuit is open: it is not called. */
    public void circuitOpen(String reason) {
        answer = new FactoryAnswer.Unavailable(reason);
    }

    /** The orders that reached the factory (an open circuit reaches none). */
    public List<ProductionOrder> orders() {
        return List.copyOf(orders);
    }

    @Override
    public synchronized FactoryAnswer order(ProductionOrder order) {
        if (!(answer instanceof FactoryAnswer.Unavailable)) {
            orders.add(order);
        }
        return answer;
    }
}

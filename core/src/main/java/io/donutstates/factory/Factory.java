package io.donutstates.factory;

/** The factory that produces donuts on request (the legacy Factory API). */
public interface Factory {

    FactoryAnswer order(ProductionOrder order);
}

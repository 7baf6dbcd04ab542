package io.donutstates.backorder;

/** The in-memory fake keeps the contract the database adapter keeps. */
class InMemoryBackordersTest extends BackordersContract {

    private final InMemoryBackorders backorders = new InMemoryBackorders();

    @Override
    protected Backorders backorders() {
        return backorders;
    }

    @Override
    protected BackorderViews views() {
        return backorders;
    }

    @Override
    protected BackorderPolicies policies() {
        return backorders;
    }
}

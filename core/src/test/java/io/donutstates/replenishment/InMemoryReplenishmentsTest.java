package io.donutstates.replenishment;

/** The in-memory fake keeps the contract the database adapter keeps. */
class InMemoryReplenishmentsTest extends ReplenishmentsContract {

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();

    @Override
    protected Replenishments replenishments() {
        return replenishments;
    }

    @Override
    protected ReplenishmentViews views() {
        return replenishments;
    }
}

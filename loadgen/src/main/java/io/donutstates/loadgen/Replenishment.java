package io.donutstates.loadgen;

/** The part of a replenishment the consistency check needs. */
public record Replenishment(String id, String status, long quantity, Long deliveredQuantity) {

    public boolean delivered() {
        return "DELIVERED".equals(status);
    }

    /** What reached the shelf; falls back to the ordered quantity when the server leaves it out. */
    public long deliveredAmount() {
        return deliveredQuantity != null ? deliveredQuantity : quantity;
    }
}

package io.donutstates.loadgen;

/**
 * The consistency check for one SKU: {@code stockBefore - stockAfter + deliveredDuringRun} must equal
 * the quantity the server confirmed as sold (warmup included, since warmup sales take stock too).
 */
public record SkuCheck(String sku, long stockBefore, long stockAfter, long deliveredDuringRun,
                       long replenishmentsCreated, long confirmedSold, boolean passed) {

    static SkuCheck compare(String sku, StockSnapshot before, StockSnapshot after, long confirmedSold) {
        var earlier = before.replenishments().get(sku);
        var later = after.replenishments().get(sku);
        long created = later.keySet().stream().filter(id -> !earlier.containsKey(id)).count();
        long delivered = later.values().stream()
                .filter(Replenishment::delivered)
                .filter(r -> earlier.get(r.id()) == null || !earlier.get(r.id()).delivered())
                .mapToLong(Replenishment::deliveredAmount)
                .sum();
        long stockBefore = before.stock().get(sku);
        long stockAfter = after.stock().get(sku);
        boolean passed = stockBefore - stockAfter + delivered == confirmedSold;
        return new SkuCheck(sku, stockBefore, stockAfter, delivered, created, confirmedSold, passed);
    }

    public long takenFromStock() {
        return stockBefore - stockAfter + deliveredDuringRun;
    }
}

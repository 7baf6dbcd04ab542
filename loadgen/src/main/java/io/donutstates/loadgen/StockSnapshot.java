package io.donutstates.loadgen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Stock and replenishments of the run's SKUs at one moment, read so that no delivery falls in between. */
record StockSnapshot(Map<String, Long> stock, Map<String, Map<String, Replenishment>> replenishments) {

    private static final int MAX_ATTEMPTS = 5;

    /**
     * Reads replenishments, then stock, then replenishments again, and retries while the set of delivered
     * ones changed in between: a delivery landing between the reads would otherwise show up as a
     * consistency failure that is only a torn read.
     */
    static StockSnapshot take(ShopApi api, List<String> skus, boolean wholeCatalog) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            Map<String, Map<String, Replenishment>> first = replenishments(api, skus);
            Map<String, Long> stock = new LinkedHashMap<>();
            Map<String, Long> catalog = wholeCatalog ? api.catalogStock() : Map.of();
            for (String sku : skus) {
                Long s = wholeCatalog ? catalog.get(sku) : Long.valueOf(api.stock(sku));
                if (s == null) {
                    throw new ApiException("SKU " + sku + " is no longer in the catalog");
                }
                stock.put(sku, s);
            }
            Map<String, Map<String, Replenishment>> second = replenishments(api, skus);
            if (delivered(first).equals(delivered(second)) || attempt == MAX_ATTEMPTS) {
                return new StockSnapshot(stock, second);
            }
        }
    }

    private static Map<String, Map<String, Replenishment>> replenishments(ShopApi api, List<String> skus)
            throws ApiException {
        Map<String, Map<String, Replenishment>> bySku = new LinkedHashMap<>();
        for (String sku : skus) {
            Map<String, Replenishment> byId = new LinkedHashMap<>();
            for (Replenishment r : api.replenishments(sku)) {
                byId.put(r.id(), r);
            }
            bySku.put(sku, byId);
        }
        return bySku;
    }

    private static Set<String> delivered(Map<String, Map<String, Replenishment>> bySku) {
        Set<String> ids = new TreeSet<>();
        bySku.forEach((sku, byId) -> byId.values().stream().filter(Replenishment::delivered)
                .forEach(r -> ids.add(sku + "/" + r.id())));
        return ids;
    }
}

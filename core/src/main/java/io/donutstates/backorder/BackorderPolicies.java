package io.donutstates.backorder;

import io.donutstates.stock.Sku;
import java.util.Optional;

/** Each product's backorder rules, where it has its own; the others follow the shop's default. */
public interface BackorderPolicies {

    Optional<BackorderPolicy> policyOf(Sku sku);

    void set(Sku sku, BackorderPolicy policy);
}

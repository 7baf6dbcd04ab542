package io.donutstates.allinone;

import io.donutstates.sales.Checkout;
import io.donutstates.sales.CombinedCheckout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The flash-crowd guarantees with {@code DONUT_SALES_MODE=combined}. */
class FlashCrowdCombinedTest extends FlashCrowdGuarantees {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DELAY", "10m", "DONUT_SALES_MODE", "combined");

    @Override
    TestShop shop() {
        return shop;
    }

    @Override
    Class<? extends Checkout> expectedCheckout() {
        return CombinedCheckout.class;
    }
}

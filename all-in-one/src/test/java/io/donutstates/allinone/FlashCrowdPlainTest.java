package io.donutstates.allinone;

import io.donutstates.sales.Checkout;
import io.donutstates.sales.Selling;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The flash-crowd guarantees with {@code DONUT_SALES_MODE=plain}. */
class FlashCrowdPlainTest extends FlashCrowdGuarantees {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DELAY", "10m", "DONUT_SALES_MODE", "plain");

    @Override
    TestShop shop() {
        return shop;
    }

    @Override
    Class<? extends Checkout> expectedCheckout() {
        return Selling.class;
    }
}

package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.http.SalesEndpoints;
import io.donutstates.sales.Checkout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flash crowd on one product never oversells and opens exactly one replenishment, in both sales
 * modes. The factory is slow here, so no delivery refills the shelf while the crowd is still buying.
 */
abstract class FlashCrowdGuarantees {

    abstract TestShop shop();

    /** The checkout the mode under test must put in front of buyers. */
    abstract Class<? extends Checkout> expectedCheckout();

    @Test
    void buyers_go_through_the_checkout_of_the_configured_mode() {
        var context = shop().shop().context();
        assertThat(untraced(context.getBean(Checkout.class))).isInstanceOf(expectedCheckout());
        // The purchase endpoints Spring serves are the composition root's, built on its checkout.
        var sales = context.getBean(io.donutstates.shop.Shop.class).sales();
        assertThat(context.getBean(SalesEndpoints.class)).isSameAs(sales.endpoints());
        assertThat(untraced(sales.checkout())).as("the checkout behind the purchase endpoints")
                .isInstanceOf(expectedCheckout());
    }

    /** The checkout behind the one that keeps buyers' trace contexts for their batches. */
    private static Checkout untraced(Checkout checkout) {
        return checkout instanceof io.donutstates.tracing.TracedBatches.TracedCheckout traced ? traced.combined() : checkout;
    }

    @Test
    void a_thousand_buyers_for_a_hundred_donuts_get_exactly_a_hundred() {
        var shop = shop();
        shop.setStock("CP-502102", 100);

        List<TestShop.Answer> answers = Crowd.run(100, 1_000, n -> shop.buy("CP-502102", 1));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(100);
        assertThat(shop.stockOf("CP-502102")).isZero();
        assertThat(shop.replenishments("CP-502102").size()).as("one factory order per stock-out").isEqualTo(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)
                .map(a -> a.json().get("replenishment").get("id").asString()).distinct().count()).isEqualTo(1);
        assertThat(shop.invariants()
.get("holds").asBoolean()).isTrue();
    }

    @Test
    void mixed_quantities_never_take_more_than_the_shelf_holds() {
        var shop = shop();
        shop.setStock("CP-502103", 100);

        List<TestShop.Answer> answers = Crowd.run(100, 600, n -> shop.buy("CP-502103", 1 + n % 3));

        int sold = answers.stream().filter(a -> a.status() == 201)
                .mapToInt(a -> a.json().get("quantity").asInt()).sum();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(sold).isLessThanOrEqualTo(100).isGreaterThan(97);
        assertThat(shop.stockOf("CP-502103")).isEqualTo(100 - sold);
        assertThat(shop.replenishments("CP-502103").size()).isEqualTo(1);
        assertThat(shop.invariants()
.get("holds").asBoolean()).isTrue();
    }

    @Test
    void a_thousand_buyers_for_three_hundred_donuts_in_eight_slots_get_exactly_three_hundred() {
        var shop = shop();
        assertThat(shop.setSlots("CP-502101", 8).status()).isEqualTo(200);
        shop.setStock("CP-502101", 300);

        List<TestShop.Answer> answers = Crowd.run(100, 1_000, n -> shop.buy("CP-502101", 1));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(300);
        assertThat(shop.stockOf("CP-502101")).isZero();
        assertThat(shop.get("/api/products/CP-502101").json().get("slots").asInt()).isEqualTo(8);
        assertThat(shop.replenishments("CP-502101").size()).as("one factory order per stock-out").isEqualTo(1);
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
    }

    @Test
    void mixed_quantities_over_sixteen_slots_are_refused_only_when_the_shelf_is_short() {
        var shop = shop();
        assertThat(shop.setSlots("CP-502104", 16).status()).isEqualTo(200);
        shop.setStock("CP-502104", 100);

        List<TestShop.Answer> answers = Crowd.run(100, 400, n -> shop.buy("CP-502104", 1 + n % 5));

        int sold = answers.stream().filter(a -> a.status() == 201)
                .mapToInt(a -> a.json().get("quantity").asInt()).sum();
        int smallestRefused = answers.stream().filter(a -> a.status() == 409)
                .mapToInt(a -> a.json().get("requested").asInt()).min().orElse(Integer.MAX_VALUE);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(sold).isLessThanOrEqualTo(100);
        assertThat(shop.stockOf("CP-502104")).isEqualTo(100 - sold)
                .as("whatever is left is less than any refused buyer wanted: no refusal while the shelf could serve")
                .isLessThan(smallestRefused);
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
    }
}

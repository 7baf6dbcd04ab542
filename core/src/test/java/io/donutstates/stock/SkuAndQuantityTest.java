package io.donutstates.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bad SKUs and counts stop at the edge with a message that names the field. */
class SkuAndQuantityTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "CP 502101", "CP-502101'; DROP TABLE product;--", "-CP", "부산"})
    void refuses_skus_that_are_not_sku_shaped(String text) {
        assertThatThrownBy(() -> Sku.of(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sku");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CP-502101", "cp-502101", "Cp-502101", " CP-502101", "CP-502101\t", "\n cp-502101 "})
    void reads_every_spelling_of_a_sku_as_its_trimmed_upper_case_form(String text) {
        assertThat(Sku.of(text)).isEqualTo(Sku.of("CP-502101"));
        assertThat(Sku.of(text).value()).isEqualTo("CP-502101");
    }

    @Test
    void upper_cases_only_ascii_letters_so_a_dotless_i_stays_refused() {
        assertThatThrownBy(() -> Sku.of("cı-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_overlong_skus_without_echoing_them_whole() {
        assertThatThrownBy(() -> Sku.of("A".repeat(10_000))).hasMessageNotContaining("A".repeat(100));
    }

    @Test
    void reads_counts_sent_as_numbers_or_numeric_strings() {
        assertThat(Quantity.parse(10, "count").value()).isEqualTo(10);
        assertThat(Quantity.parse("10", "count").value()).isEqualTo(10);
        assertThat(Quantity.parse(" 7 ", "count").value()).isEqualTo(7);
        assertThat(Quantity.parse(12L, "count").value()).isEqualTo(12);
    }

    @Test
    void refuses_counts_that_are_not_positive_whole_numbers() {
        for (Object bad : new Object[]{0, -1, "-1", "ten", 1.5, "1.5", null, true, 10_000_000_000L, "99999999"}) {
            assertThatThrownBy(() -> Quantity.parse(bad, "MessageAttributeProductCnt"))
                    .as("%s", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MessageAttributeProductCnt");
        }
    }

    @Test
    void a_reorder_policy_needs_a_positive_quantity() {
        assertThatThrownBy(() -> new ReorderPolicy(0, 0)).hasMessageContaining("reorderQuantity");
        assertThatThrownBy(() -> new ReorderPolicy(10, -1)).hasMessageContaining("reorderPoint");
    }
}

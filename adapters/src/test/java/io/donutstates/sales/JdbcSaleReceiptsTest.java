package io.donutstates.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.replenishment.JdbcReplenishments;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.shared.TestDatabase;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idempotency receipts against a real MariaDB: a key is claimed once, and every answer comes back as given. */
class JdbcSaleReceiptsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private static HikariDataSource database;
    private static JdbcReplenishments replenishments;
    private static JdbcSaleReceipts receipts;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
        replenishments = new JdbcReplenishments(database);
        receipts = new JdbcSaleReceipts(database, replenishments);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void a_key_is_claimed_once() {
        assertThat(receipts.claim("key-1", "CP-1x1", T0)).isTrue();
        receipts.complete("key-1", new SaleResult.UnknownProduct(Sku.of("CP-1")));

        assertThat(receipts.claim("key-1", "CP-1x1", T0)).isFalse();
        assertThat(receipts.claim("key-1", "CP-1x2", T0)).isFalse();
        assertThat(receipts.find("key-1")).hasValueSatisfying(r -> assertThat(r.fingerprint()).isEqualTo("CP-1x1"));
    }

    @Test
    void a_sale_comes_back_as_it_was_answered() {
        var sold = new SaleResult.Sold(42, Sku.of("CP-1"), 2, 7);
        receipts.claim("key-sold", "CP-1x2", T0);
        receipts.complete("key-sold", sold);

        assertThat(receipts.find("key-sold")).contains(new SaleReceipts.Receipt("CP-1x2", sold));
    }

    @Test
    void a_refusal_comes_back_naming_its_replenishment() {
        var replenishment = Replenishment.requested(ReplenishmentId.random(), Sku.of("CP-2"), new FactoryId("FF-500293"),
                Quantity.of(10), T0);
        replenishments.open(replenishment);
        var refused = new SaleResult.OutOfStock(Sku.of("CP-2"), 3, 1, replenishments.find(replenishment.id()).orElseThrow());
        receipts.claim("key-refused", "CP-2x3", T0);
        receipts.complete("key-refused", refused);

        assertThat(receipts.find("key-refused")).contains(new SaleReceipts.Receipt("CP-2x3", refused));
    }

    @Test
    void an_unknown_product_comes_back_too_and_an_unknown_key_finds_nothing() {
        receipts.claim("key-unknown", "NOPEx1", T0);
        receipts.complete("key-unknown", new SaleResult.UnknownProduct(Sku.of("NOPE")));

        assertThat(receipts.find("key-unknown")).hasValueSatisfying(r ->
                assertThat(r.result()).isEqualTo(new SaleResult.UnknownProduct(Sku.of("NOPE"))));
        assertThat(receipts.find("never-used")).isEmpty();
    }

    @Test
    void a_reused_key_is_not_kept_as_an_answer() {
        assertThatThrownBy(() -> receipts.complete("key-x", new SaleResult.KeyReused("key-x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An answered sale survives an OS crash: the embedded database flushes every commit to disk unless
 * the deployment chose otherwise, and a shop on a database that does not says so in its health
 * (and stays in service).
 */
class DurableCommitsTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    /** The all-in-one's own embedded database (no DONUT_DB_URL), asked for relaxed durability. */
    @RegisterExtension
    static final TestShop relaxedShop = TestShop.withDefaults(
            "DONUT_DB_URL", "",
            "DONUT_DATA_DIR", Path.of("target", "test-mariadb", "relaxed-" + ProcessHandle.current().pid()).toString(),
            "DONUT_DB_DURABILITY", "relaxed");

    @Test
    void the_embedded_database_flushes_every_commit_to_disk_by_default() {
        JsonNode durability = durabilityOf(shop);

        assertThat(durability.get("status").asString()).isEqualTo("UP");
        JsonNode details = durability.get("details");
        assertThat(details.get("durable").asBoolean()).isTrue();
        assertThat(details.get("innodb_flush_log_at_trx_commit").asLong()).isEqualTo(1);
        assertThat(details.get("relaxedByChoice").asBoolean()).isFalse();
        assertThat(details.has("warning")).as("no warning on a durable database").isFalse();
    }

    @Test
    void a_database_that_flushes_once_a_second_is_reported_as_not_durable_without_taking_the_shop_out_of_service() {
        JsonNode durability = durabilityOf(relaxedShop);

        assertThat(durability.get("status").asString()).isEqualTo("UP");
        JsonNode details = durability.get("details");
        assertThat(details.get("durable").asBoolean()).isFalse();
        assertThat(details.get("innodb_flush_log_at_trx_commit").asLong()).isEqualTo(2);
        assertThat(details.get("relaxedByChoice").asBoolean()).isTrue();
        assertThat(details.get("warning").asString())
                .contains("innodb_flush_log_at_trx_commit is 2, should be 1")
                .contains("acknowledged sales can be lost on an OS crash or power loss");
        assertThat(relaxedShop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
    }

    private static JsonNode durabilityOf(TestShop shop) {
        var health = shop.get("/actuator/health", "Authorization", "Bearer test-admin-token");
        assertThat(health.status()).as(health.body()).isIn(200, 503);
        return health.json().get("components").get("durability");
    }
}

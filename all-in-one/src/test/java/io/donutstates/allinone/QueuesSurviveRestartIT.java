package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The embedded queue server keeps its queues and messages under the data directory: dead letters
 * are still listed after the whole shop (queue server included) stopped and started again. An
 * integration test, in a JVM of its own: ElasticMQ's store is one per process, so a queue server of
 * another test still holding it would leave this one in memory.
 */
class QueuesSurviveRestartIT {

    private static final String TOKEN = "Bearer test-admin-token";

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_FACTORY_FAILURE_RATE", "1.0",
            "DONUT_FACTORY_GIVE_UP_AFTER", "2s",
            "DONUT_FACTORY_CIRCUIT_OPEN_FOR", "1s",
            "DONUT_QUEUE_DEAD_LETTER_WATCH_INTERVAL", "1s");

    @Test
    void dead_letters_are_still_listed_after_the_queue_server_restarted() throws Exception {
        String first = deadLetter("CP-502101");
        String second = deadLetter("CP-502102");
        // A listing peeks at the queue; the dead-letter watch peeking at the same moment hides the
        // letters from it for that moment, so each listing is asked until it shows them.
        List<JsonNode> before = await().atMost(Duration.ofSeconds(10)).until(QueuesSurviveRestartIT::deadLetters,
                letters -> replenishmentsOf(letters).containsAll(List.of(first, second)));
        List<String> ids = before.stream().map(letter -> letter.get("id").asString()).toList();

        shop.restart();

        List<JsonNode> after = await().atMost(Duration.ofSeconds(10)).until(QueuesSurviveRestartIT::deadLetters,
                letters -> letters.size() == ids.size());
        assertThat(after).extracting(letter -> letter.get("id").asString()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(after).extracting(letter -> letter.get("replenishmentId").asString()).contains(first, second);
        for (JsonNode letter : after) {
            assertThat(letter.get("body").asString()).contains(letter.get("replenishmentId").asString());
        }

        // And they are still workable: redriving one after the factory healed delivers it.
        shop.factory().faults(io.donutstates.factory.simulator.Faults.DEFAULT.withFailureRate(0));
        String firstLetter = after.stream().filter(l -> first.equals(l.get("replenishmentId").asString()))
                .findFirst().orElseThrow().get("id").asString();
        var redriven = shop.post("/api/admin/dlq/" + firstLetter + "/redrive", "", "Authorization", TOKEN);
        assertThat(redriven.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(
                shop.get("/api/replenishments/" + first).json().get("status").asString()));

        Path store = Path.of(shop.shop().settings().get("DONUT_DATA_DIR"), "queues");
        assertThat(Files.list(store).map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".mv.db"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
    }

    private String deadLetter(String sku) {
        shop.setStock(sku, 0);
        String id = shop.buy(sku, 1).json().get("replenishment").get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream()
                .anyMatch(letter -> id.equals(letter.get("replenishmentId").asString())));
        return id;
    }

    private static List<String> replenishmentsOf(List<JsonNode> letters) {
        return letters.stream().map(letter -> letter.get("replenishmentId").asString()).toList();
    }

    private static List<JsonNode> deadLetters() {
        var answer = shop.get("/api/admin/dlq", "Authorization", TOKEN);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        answer.json().forEach(letters::add);
        return letters;
    }
}

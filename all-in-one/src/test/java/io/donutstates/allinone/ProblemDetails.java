package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every error answer of the API is (README, "API"): RFC 9457 problem details as
 * {@code application/problem+json} with {@code type} (one URI per error word), {@code title} and
 * {@code detail}, plus the upper-case word in {@code status} and the detail in {@code message}, as
 * the clients written before read them.
 */
final class ProblemDetails {

    static final String TYPE_BASE = "https://donut-states.io/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemDetails() {
    }

    /** The problem's type for an error word: {@code UNKNOWN_PRODUCT} is {@code .../unknown-product}. */
    static String type(String word) {
        return TYPE_BASE + word.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Checks the problem shape and, when {@code word} is not null, its word; answers the body as JSON. */
    static JsonNode assertProblem(String what, String contentType, String body, String word) {
        assertThat(contentType).as("%s: content type; body %s", what, body).startsWith("application/problem+json");
        JsonNode json = JSON.readTree(body);
        assertThat(json.isObject()).as("%s: a JSON object: %s", what, body).isTrue();
        assertThat(json.path("status").isString()).as("%s: the error word in status: %s", what, body).isTrue();
        String actualWord = json.get("status").asString();
        if (word != null) {
            assertThat(actualWord).as("%s: error word", what).isEqualTo(word);
        }
        assertThat(actualWord).as("%s: error word", what).matches("[A-Z][A-Z_]*");
        assertThat(json.path("type").asString("")).as("%s: type: %s", what, body).isEqualTo(type(actualWord));
        assertThat(json.path("title").asString("")).as("%s: title: %s", what, body).isNotBlank();
        assertThat(json.path("detail").asString("")).as("%s: detail: %s", what, body).isNotBlank();
        assertThat(json.path("message").asString("")).as("%s: message (as detail): %s", what, body)
                .isEqualTo(json.get("detail").asString());
        return json;
    }

    static JsonNode assertProblem(String what, TestShop.Answer answer, int status, String word) {
        assertThat(answer.status()).as("%s: status; body %s", what, answer.body()).isEqualTo(status);
        return assertProblem(what, answer.contentType(), answer.body(), word);
    }
}

package io.donutstates.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the API's answers for every runtime (the service's {@code Replies}, the Lambda handlers):
 * nulls left out, instants as ISO-8601 text, records by their components, as the service's own
 * Jackson 3 mapper does with {@code spring.jackson.default-property-inclusion=non_null}.
 */
public final class AnswerJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private AnswerJson() {
    }

    public static String text(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** UTF-8 JSON, ready to send with its length. */
    public static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}

package io.donutstates.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes API answers as the service does (its Jackson 3 mapper with
 * {@code spring.jackson.default-property-inclusion=non_null}): nulls left out, instants as
 * ISO-8601 text, records by their components.
 */
final class ApiJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private ApiJson() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}

package io.donutstates.factory.simulator;

import tools.jackson.databind.json.JsonMapper;

/** The one shared JSON mapper; Jackson 3 mappers are immutable and thread-safe. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}

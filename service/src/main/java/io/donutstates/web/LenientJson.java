package io.donutstates.web;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON object whatever content type it came with: legacy clients and some factory
 * deployments send JSON as {@code text/plain}.
 */
@Component
public class LenientJson {

    private static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json;

    LenientJson(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("request body must be a JSON object; it was empty");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("request body is larger than " + MAX_BODY + " characters");
        }
        try {
            Object parsed = json.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("request body is not valid JSON");
        }
        throw new IllegalArgumentException("request body must be a JSON object");
    }
}

package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event fixtures under {@code src/test/resources/events/}, turned into the
 * aws-lambda-java-events classes by the serializer the Lambda Java runtime itself uses.
 */
final class Events {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    /** The fixture as a JSON tree, to change a field or two before use. */
    static ObjectNode tree(String fixture) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + fixture);
            }
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deserialises as the Lambda runtime would for a handler taking {@code type}. */
    static <T> T as(Class<T> type, JsonNode json) {
        return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader()).fromJson(JSON.writeValueAsString(json));
    }

    static <T> T load(Class<T> type, String fixture) {
        return as(type, tree(fixture));
    }

    static APIGatewayV2HTTPEvent http(String fixture) {
        return load(APIGatewayV2HTTPEvent.class, fixture);
    }

    static APIGatewayV2HTTPEvent http(String fixture, Consumer<ObjectNode> change) {
        ObjectNode tree = tree(fixture);
        change.accept(tree);
        return as(APIGatewayV2HTTPEvent.class, tree);
    }

    /** Moves a request to another method and path, as API Gateway would describe it. */
    static void route(ObjectNode event, String method, String path) {
        event.put("rawPath", path);
        ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
        http.put("method", method);
        http.put("path", path);
    }

    /** Sets the query string both raw and parsed, as API Gateway does. */
    static void query(ObjectNode event, String name, String value) {
        event.put("rawQueryString", name + "=" + value);
        event.putObject("queryStringParameters").put(name, value);
    }
}

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls handlers the way the AWS Lambda Java runtime does, with nothing on the class path but the
 * deployable jar and the runtime's serialization library: the handler class by name, its public no-arg
 * constructor once, the event JSON turned into the handler's input type, the result written as JSON.
 * Run as a single source file: {@code java -cp donut-states-lambda.jar:serialization.jar LambdaRuntimeStandIn.java
 * Handler::handleRequest event.json ...}.
 */
public class LambdaRuntimeStandIn {

    public static void main(String[] args) throws Exception {
        Map<Class<?>, Object> instances = new HashMap<>();
        ClassLoader loader = LambdaRuntimeStandIn.class.getClassLoader();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String handler = args[i];
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")), true, loader);
            Object instance = instances.get(type);
            if (instance == null) {
                instance = type.getConstructor().newInstance();
                instances.put(type, instance);
            }
            Method method = handleRequest(type);
            Object input = serializer(method.getParameterTypes()[0], loader)
                    .fromJson(Files.readString(Path.of(args[i + 1])));
            Object output = method.invoke(instance, input, null);
            System.out.println("RESULT " + type.getSimpleName() + " " + json(output, loader));
        }
        System.exit(0);
    }

    private static Method handleRequest(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Context.class) {
                return method;
            }
        }
        throw new IllegalArgumentException("no handleRequest(input, Context) in " + type);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader)
                : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private static String json(Object output, ClassLoader loader) {
        if (output == null) {
            return "null";
        }
        var bytes = new ByteArrayOutputStream();
        serializer(output.getClass(), loader).toJson(output, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

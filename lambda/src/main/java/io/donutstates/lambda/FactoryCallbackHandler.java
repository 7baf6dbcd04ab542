package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.FactoryCallbackEndpoint;
import io.donutstates.http.HttpReply;
import io.donutstates.replenishment.DeliveryCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original's {@code stock_inc_lambda}: the factory's "production complete" callback,
 * {@code POST /api/factory/callbacks/{id}?token=...}, with a JSON body sent as JSON or as
 * {@code text/plain}. The token authenticates the call; the shelf goes up once per replenishment
 * however often the factory calls, by {@code MessageAttributeProductCnt}. Answered by the shared
 * {@link FactoryCallbackEndpoint}, as the service's controller is; this class only routes.
 */
public class FactoryCallbackHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger log = LoggerFactory.getLogger(FactoryCallbackHandler.class);

    private final LambdaShop shop;

    /** Used by AWS Lambda: the shop is wired from the container's environment once, at init. */
    public FactoryCallbackHandler() {
        this(LambdaShop.fromEnvironment());
    }

    public FactoryCallbackHandler(LambdaShop shop) {
        this.shop = shop;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return HttpApiRequest.respond(event, this::route, log);
        } finally {
            shop.flushTraces();
        }
    }

    private HttpReply route(HttpApiRequest request) {
        String path = request.path();
        if (!path.startsWith(DeliveryCallbacks.PATH) || path.length() == DeliveryCallbacks.PATH.length()
                || path.indexOf('/', DeliveryCallbacks.PATH.length()) >= 0) {
            return HttpApiRequest.notFound(path);
        }
        if (!request.method().equals("POST")) {
            return HttpReply.methodNotAllowed(request.method());
        }
        return shop.factoryCallbackEndpoint().receive(path.substring(DeliveryCallbacks.PATH.length()),
                request.queryParameter("token").orElse(null), request.body(),
                request.header("traceparent").or(() -> request.queryParameter("traceparent")).orElse(null)).reply();
    }
}

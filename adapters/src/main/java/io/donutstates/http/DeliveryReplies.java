package io.donutstates.http;

import io.donutstates.replenishment.Delivery;
import io.donutstates.replenishment.DeliveryResult;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The factory's "production complete" callback contract: the count is
 * {@code MessageAttributeProductCnt}, a number or a string, never the legacy {@code stock} field.
 */
public final class DeliveryReplies {

    private DeliveryReplies() {
    }

    public static Delivery delivery(Map<String, Object> body) {
        return new Delivery(Sku.of(JsonBodies.text(body, "MessageAttributeProductId")),
                Quantity.parse(body.get("MessageAttributeProductCnt"), "MessageAttributeProductCnt"));
    }

    public static HttpReply missingToken() {
        return HttpReply.error(401, "UNAUTHORIZED", "callback token missing");
    }

    public static HttpReply of(DeliveryResult result) {
        if (result instanceof DeliveryResult.Delivered delivered) {
            return new HttpReply(200, view("DELIVERED", delivered.replenishment(), delivered.deliveredQuantity()));
        }
        if (result instanceof DeliveryResult.Refused refused) {
            return HttpReply.error(422, "DELIVERY_REFUSED", "replenishment " + refused.replenishment().id()
                    + " ordered " + refused.replenishment().quantity().value() + "; a delivery of "
                    + refused.reportedQuantity() + " is more than the " + refused.mostAccepted()
                    + " accepted, nothing was added");
        }
        if (result instanceof DeliveryResult.AlreadyDelivered already) {
            return new HttpReply(200, view("ALREADY_DELIVERED", already.replenishment(), null));
        }
        if (result instanceof DeliveryResult.NotAuthentic) {
            return HttpReply.error(403, "FORBIDDEN", "callback token does not match this replenishment");
        }
        if (result instanceof DeliveryResult.WrongProduct wrong) {
            return HttpReply.error(409, "WRONG_PRODUCT", "replenishment " + wrong.replenishment().id() + " is for "
                    + wrong.replenishment().sku() + ", not " + wrong.reportedSku());
        }
        return HttpReply.error(404, "UNKNOWN_REPLENISHMENT", "no such replenishment");
    }

    private static Map<String, Object> view(String status, Replenishment r, Integer delivered) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("replenishmentId", r.id().toString());
        body.put("sku", r.sku().value());
        if (delivered != null) {
            body.put("orderedQuantity", r.quantity().value());
            body.put("deliveredQuantity", delivered);
        }
        return body;
    }
}

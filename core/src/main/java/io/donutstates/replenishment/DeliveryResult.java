package io.donutstates.replenishment;

/** What a factory callback achieved. */
public sealed interface DeliveryResult {

    /** Stock went up by the delivered count, once. */
    record Delivered(Replenishment replenishment, int deliveredQuantity) implements DeliveryResult { }

    /** This replenishment was delivered before; nothing changed. */
    record AlreadyDelivered(Replenishment replenishment) implements DeliveryResult { }

    /** The callback's token does not belong to this replenishment; nothing changed. */
    record NotAuthentic() implements DeliveryResult { }

    /** No such replenishment; nothing changed. */
    record UnknownReplenishment() implements DeliveryResult { }

    /** The callback names another product than the one ordered; nothing changed. */
    record WrongProduct(Replenishment replenishment, String reportedSku) implements DeliveryResult { }
}

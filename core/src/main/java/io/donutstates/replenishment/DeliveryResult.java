package io.donutstates.replenishment;

/** What a factory callback achieved. */
public sealed interface DeliveryResult {

    /** Stock went up by the delivered count, once. */
    record Delivered(Replenishment replenishment, int deliveredQuantity) implements DeliveryResult {

        /** Fewer than ordered: recorded as delivered; the shelf orders again when it runs low. */
        public boolean isShort() {
            return deliveredQuantity < replenishment.quantity().value();
        }
    }

    /** This replenishment was delivered before; nothing changed. */
    record AlreadyDelivered(Replenishment replenishment) implements DeliveryResult { }

    /** The callback's token does not belong to this replenishment; nothing changed. */
    record NotAuthentic() implements DeliveryResult { }

    /** No such replenishment; nothing changed. */
    record UnknownReplenishment() implements DeliveryResult { }

    /**
     * The callback counts more than was ordered (beyond the tolerance allowed); nothing changed and ops
     * were told, as a factory does not do this and a leaked callback URL could.
     */
    record Refused(Replenishment replenishment, int reportedQuantity, int mostAccepted) implements DeliveryResult { }

    /** The callback names another product than the one ordered; nothing changed. */
    record WrongProduct(Replenishment replenishment, String reportedSku) implements DeliveryResult { }
}

package io.donutstates.backorder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a buyer is given once, when a backorder is placed, to cancel it. The shop keeps only
 * its SHA-256 (a random 256-bit secret needs no slow hash: there is nothing to guess), and signs
 * the backorder's notifications with that same digest, which the buyer can compute from the secret.
 */
public final class BackorderSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BackorderSecret() {
    }

    /** 32 random bytes, URL-safe Base64 without padding. */
    public static String create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of the secret's UTF-8 bytes: what is stored, and the notification signing key. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the secret is the one whose hash was stored, compared in constant time. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || secret.isEmpty() || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

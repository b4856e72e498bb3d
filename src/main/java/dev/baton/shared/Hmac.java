package dev.baton.shared;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC-SHA256, which every platform Baton hears from signs with (Shopify, WooCommerce, Meta), and the constant-time
 * comparison a signature check needs. Each module keeps its own encoding of the result (hex, base64, a prefix).
 */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(String secret, byte[] message) {
        try {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC pads a short key with zero bytes, so one zero byte is the empty key, which the JDK refuses.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether two signatures (or tokens) are equal, in time that does not depend on where they differ. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.baton.woocommerce.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * WooCommerce's webhook signature: {@code X-WC-Webhook-Signature} is base64(HMAC-SHA256(raw body, secret)), compared
 * in constant time. Secrets Baton generates are URL-safe base64, so WooCommerce's HTML-entity decoding of the secret
 * ({@code wp_specialchars_decode}) leaves them as they are.
 */
final class WebhookSignatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** 256 random bits. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    static boolean valid(byte[] body, String header, String secret) {
        if (header == null || header.isBlank() || secret == null) {
            return false;
        }
        byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmacSha256(String secret, byte[] message) {
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
}

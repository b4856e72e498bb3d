package dev.baton.woocommerce.internal;

import dev.baton.shared.Hmac;

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
        return Base64.getEncoder().encodeToString(Hmac.sha256(secret, body));
    }

    static boolean valid(byte[] body, String header, String secret) {
        if (header == null || header.isBlank() || secret == null) {
            return false;
        }
        return Hmac.same(sign(body, secret), header.strip());
    }
}

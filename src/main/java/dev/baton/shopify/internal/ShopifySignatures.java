package dev.baton.shopify.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Shopify's signatures. An OAuth redirect is signed with hex HMAC-SHA256 over its query parameters, sorted and
 * joined as {@code key=value&...} without {@code hmac}. Comparisons take constant time.
 */
final class ShopifySignatures {

    private ShopifySignatures() {
    }

    static boolean validQuery(Map<String, String> parameters, String secret) {
        String given = parameters.get("hmac");
        if (given == null || secret == null || secret.isEmpty()) {
            return false;
        }
        String message = new TreeMap<>(parameters).entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals("hmac"))
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining("&"));
        byte[] expected = HexFormat.of().formatHex(hmacSha256(secret, message.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    /** A webhook: base64 HMAC-SHA256 of the raw body, as sent in {@code X-Shopify-Hmac-Sha256}. */
    static boolean validBody(byte[] body, String header, String secret) {
        if (header == null || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] expected = java.util.Base64.getEncoder().encode(hmacSha256(secret, body));
        return MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package dev.baton.shopify.internal;

import dev.baton.shared.Hmac;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        String expected = HexFormat.of().formatHex(Hmac.sha256(secret, message.getBytes(StandardCharsets.UTF_8)));
        return Hmac.same(expected, given.toLowerCase());
    }

    /** A webhook: base64 HMAC-SHA256 of the raw body, as sent in {@code X-Shopify-Hmac-Sha256}. */
    static boolean validBody(byte[] body, String header, String secret) {
        if (header == null || secret == null || secret.isEmpty()) {
            return false;
        }
        return Hmac.same(Base64.getEncoder().encodeToString(Hmac.sha256(secret, body)), header.strip());
    }
}

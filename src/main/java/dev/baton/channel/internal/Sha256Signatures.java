package dev.baton.channel.internal;

import dev.baton.shared.Hmac;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code sha256=<hex HMAC-SHA256 of the raw body>} signature: Meta signs every WhatsApp webhook this way with the
 * app's secret ({@code X-Hub-Signature-256}), and Baton signs its REST channel callbacks the same way with the
 * channel's secret. It is checked on the bytes as received, before anything parses them, in constant time.
 */
final class Sha256Signatures {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private Sha256Signatures() {
    }

    static boolean valid(byte[] body, String header, String appSecret) {
        if (body == null || header == null || appSecret == null || appSecret.isEmpty()) {
            return false;
        }
        String given = header.strip();
        if (!given.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return Hmac.same(sign(body, appSecret), given.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    }

    /** The header's value for this body: what Meta sends, and what tests sign with. */
    static String header(byte[] body, String appSecret) {
        return PREFIX + sign(body, appSecret);
    }

    /** Constant-time comparison of two secrets (the webhook's verify token). */
    static boolean sameSecret(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return Hmac.same(expected, given);
    }

    private static String sign(byte[] body, String secret) {
        return HexFormat.of().formatHex(Hmac.sha256(secret, body));
    }
}

package dev.baton.channel.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
        byte[] expected = sign(body, appSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.substring(PREFIX.length()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
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
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

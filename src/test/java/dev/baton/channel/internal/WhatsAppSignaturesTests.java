package dev.baton.channel.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The expected signature below was computed apart, with {@code openssl dgst -sha256 -hmac app-secret-123}. */
class WhatsAppSignaturesTests {

    static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "sha256=20e391a99a86fc5adf7e3a453236d20c906360291977896cf2f671e03bb95703";

    @Test
    void theRawBodySignedWithTheAppSecretVerifies() {
        assertThat(WhatsAppSignatures.valid(BODY, SIGNATURE, "app-secret-123")).isTrue();
        assertThat(WhatsAppSignatures.header(BODY, "app-secret-123")).isEqualTo(SIGNATURE);
    }

    @Test
    void upperCaseHexAndSurroundingSpacesStillVerify() {
        assertThat(WhatsAppSignatures.valid(BODY, " sha256=" + SIGNATURE.substring(7).toUpperCase() + " ",
                "app-secret-123")).isTrue();
    }

    @Test
    void anotherSecretOrABodyChangedByOneByteDoesNotVerify() {
        assertThat(WhatsAppSignatures.valid(BODY, SIGNATURE, "app-secret-124")).isFalse();
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] = '1';
        assertThat(WhatsAppSignatures.valid(tampered, SIGNATURE, "app-secret-123")).isFalse();
    }

    @Test
    void aMissingHeaderPrefixOrSecretDoesNotVerify() {
        assertThat(WhatsAppSignatures.valid(BODY, null, "app-secret-123")).isFalse();
        assertThat(WhatsAppSignatures.valid(BODY, SIGNATURE.substring(7), "app-secret-123")).isFalse();
        assertThat(WhatsAppSignatures.valid(BODY, "sha1=" + SIGNATURE.substring(7), "app-secret-123")).isFalse();
        assertThat(WhatsAppSignatures.valid(BODY, "sha256=", "app-secret-123")).isFalse();
        assertThat(WhatsAppSignatures.valid(BODY, SIGNATURE, null)).isFalse();
        assertThat(WhatsAppSignatures.valid(BODY, SIGNATURE, "")).isFalse();
    }

    @Test
    void theVerifyTokenMustMatchExactly() {
        assertThat(WhatsAppSignatures.sameSecret("verify-me", "verify-me")).isTrue();
        assertThat(WhatsAppSignatures.sameSecret("verify-me", "verify-me ")).isFalse();
        assertThat(WhatsAppSignatures.sameSecret("verify-me", "VERIFY-ME")).isFalse();
        assertThat(WhatsAppSignatures.sameSecret("verify-me", null)).isFalse();
        assertThat(WhatsAppSignatures.sameSecret(null, "")).isFalse();
    }
}

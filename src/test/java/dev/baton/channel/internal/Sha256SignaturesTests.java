package dev.baton.channel.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The expected signature below was computed apart, with {@code openssl dgst -sha256 -hmac app-secret-123}. */
class Sha256SignaturesTests {

    static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "sha256=20e391a99a86fc5adf7e3a453236d20c906360291977896cf2f671e03bb95703";

    @Test
    void theRawBodySignedWithTheAppSecretVerifies() {
        assertThat(Sha256Signatures.valid(BODY, SIGNATURE, "app-secret-123")).isTrue();
        assertThat(Sha256Signatures.header(BODY, "app-secret-123")).isEqualTo(SIGNATURE);
    }

    @Test
    void upperCaseHexAndSurroundingSpacesStillVerify() {
        assertThat(Sha256Signatures.valid(BODY, " sha256=" + SIGNATURE.substring(7).toUpperCase() + " ",
                "app-secret-123")).isTrue();
    }

    @Test
    void anotherSecretOrABodyChangedByOneByteDoesNotVerify() {
        assertThat(Sha256Signatures.valid(BODY, SIGNATURE, "app-secret-124")).isFalse();
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] = '1';
        assertThat(Sha256Signatures.valid(tampered, SIGNATURE, "app-secret-123")).isFalse();
    }

    @Test
    void aMissingHeaderPrefixOrSecretDoesNotVerify() {
        assertThat(Sha256Signatures.valid(BODY, null, "app-secret-123")).isFalse();
        assertThat(Sha256Signatures.valid(BODY, SIGNATURE.substring(7), "app-secret-123")).isFalse();
        assertThat(Sha256Signatures.valid(BODY, "sha1=" + SIGNATURE.substring(7), "app-secret-123")).isFalse();
        assertThat(Sha256Signatures.valid(BODY, "sha256=", "app-secret-123")).isFalse();
        assertThat(Sha256Signatures.valid(BODY, SIGNATURE, null)).isFalse();
        assertThat(Sha256Signatures.valid(BODY, SIGNATURE, "")).isFalse();
    }

    @Test
    void theVerifyTokenMustMatchExactly() {
        assertThat(Sha256Signatures.sameSecret("verify-me", "verify-me")).isTrue();
        assertThat(Sha256Signatures.sameSecret("verify-me", "verify-me ")).isFalse();
        assertThat(Sha256Signatures.sameSecret("verify-me", "VERIFY-ME")).isFalse();
        assertThat(Sha256Signatures.sameSecret("verify-me", null)).isFalse();
        assertThat(Sha256Signatures.sameSecret(null, "")).isFalse();
    }
}

package dev.baton.woocommerce.internal;

import dev.baton.woocommerce.WooCommerceFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** WooCommerce's webhook signature, checked against its own test vectors (webhook_signature_test_vectors.json). */
class WebhookSignaturesTests {

    @Test
    void theVectorsSignaturesAreComputedAndAccepted() {
        JsonNode vectors = JsonMapper.builder().build()
                .readTree(WooCommerceFixtures.read("webhook_signature_test_vectors.json")).path("vectors");
        assertThat(vectors.size()).isPositive();
        for (JsonNode vector : vectors) {
            byte[] body = vector.path("raw_body").asString().getBytes(StandardCharsets.UTF_8);
            String secret = vector.path("secret").asString();
            String expected = vector.path("expected_signature").asString();

            assertThat(WebhookSignatures.sign(body, secret)).as(vector.path("name").asString()).isEqualTo(expected);
            assertThat(WebhookSignatures.valid(body, expected, secret))
                    .isEqualTo(vector.path("expect_valid").asBoolean());
        }
    }

    @Test
    void aChangedBodyAnotherSecretOrNoSignatureIsRefused() {
        byte[] body = "{\"id\":794,\"stock_quantity\":3}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatures.sign(body, "the-secret");

        assertThat(WebhookSignatures.valid(body, signature, "the-secret")).isTrue();
        assertThat(WebhookSignatures.valid("{\"id\":794,\"stock_quantity\":300}".getBytes(StandardCharsets.UTF_8),
                signature, "the-secret")).isFalse();
        assertThat(WebhookSignatures.valid(body, signature, "another-secret")).isFalse();
        assertThat(WebhookSignatures.valid(body, null, "the-secret")).isFalse();
        assertThat(WebhookSignatures.valid(body, "", "the-secret")).isFalse();
    }

    @Test
    void newSecretsAreRandomAndNeedNoEscaping() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            secrets.add(WebhookSignatures.newSecret());
        }
        assertThat(secrets).hasSize(20).allSatisfy(secret -> assertThat(secret).matches("[A-Za-z0-9_-]{43}"));
    }
}

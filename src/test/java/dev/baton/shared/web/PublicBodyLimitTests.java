package dev.baton.shared.web;

import dev.baton.TestStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints anyone may call without signing in refuse bodies over their limit with 413 and multipart bodies with
 * 415, as problem documents, never 500 and never reading a declared oversize body. (WooCommerce's small form ping is
 * still taken: {@code WooCommerceWebhookTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicBodyLimitTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.web.max-webhook-body", () -> "1MB");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebhookBodyOverTheLimitIsAnswered413() throws Exception {
        HttpResponse<String> answer = post("/webhooks/shopify", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(json(3 * 1024 * 1024)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("limit of 1 MB");
    }

    @Test
    void aBodyWithNoDeclaredLengthIsReadOnlyUpToTheLimit() throws Exception {
        HttpResponse<String> answer = post("/webhooks/shopify", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json(3 * 1024 * 1024))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("limit of 1 MB");
    }

    @Test
    void aLargeFormBodyOnAWebhookIsRefusedBeforeItIsParsedAndMultipartIsNotTaken() throws Exception {
        byte[] form = ("a=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> large = post("/webhooks/woocommerce/" + java.util.UUID.randomUUID(),
                "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofByteArray(form));
        HttpResponse<String> multipart = post("/webhooks/shopify", "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofString("--x--"));

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("form body");
        assertThat(multipart.statusCode()).isEqualTo(415);
        assertThat(multipart.body()).contains("takes a JSON body");
    }

    @Test
    void aWebChatMessageOverItsLimitIsAnswered413() throws Exception {
        HttpResponse<String> answer = post("/widget/api/any-key/messages", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(json(200 * 1024)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("limit of 64 KB");
    }

    private HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON document of about this many bytes. */
    private static byte[] json(int bytes) {
        char[] filler = new char[bytes];
        Arrays.fill(filler, 'x');
        return ("{\"id\":1,\"title\":\"" + new String(filler) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}

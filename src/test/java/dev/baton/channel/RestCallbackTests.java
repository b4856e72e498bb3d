package dev.baton.channel;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.TestStorage;
import dev.baton.channel.internal.DeliveryWorker;
import dev.baton.conversation.ConversationApi;
import dev.baton.pipeline.internal.PipelineService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.baton.conversation.ConversationApi.byRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies on a REST channel go to its callback URL, signed with the channel's secret; a failing receiver gets the
 * same delivery again with backoff until it takes it, a refusal or too many failures mark the message FAILED, and
 * nothing is sent twice.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestCallbackTests {

    private static final String API_KEY = "bt_rest_callback_key_0123456789abc";
    static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    PipelineService pipelines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    ConversationApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        receiver.start();
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.outbound.allow-private-hosts", () -> "true"); // the receiver is WireMock on this machine
        registry.add("baton.channel.delivery.initial-backoff", () -> "PT0.05S");
        registry.add("baton.channel.delivery.max-backoff", () -> "PT0.2S");
        registry.add("baton.channel.delivery.max-attempts", () -> "3");
        registry.add("baton.channel.delivery.read-timeout", () -> "PT1S");
    }

    @BeforeAll
    void setUp() {
        api = new ConversationApi(port, API_KEY);
        UUID accountId = jdbc.sql("select id from account").query(UUID.class).single();
        UUID pipeline = pipelines.firstPipeline(accountId);
        UUID firstStage = jdbc.sql("select id from pipeline_stage where pipeline_id = :p order by position limit 1")
                .param("p", pipeline).query(UUID.class).single();
        pipelines.setAiTrigger(accountId, firstStage, true);
    }

    @AfterAll
    void stop() {
        receiver.stop();
    }

    /** A REST channel selected for the agent, calling back to the receiver at /{slug}; answers its callback secret. */
    private String channel(String slug) {
        ResponseEntity<Map<String, Object>> created = api.client().post().uri("/api/v1/channels")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", slug, "kind", "REST", "agentEnabled", true, "callbackUrl", receiver.baseUrl() + "/" + slug))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("callbackSecret");
    }

    private List<LoggedRequest> callbacks(String slug) {
        return receiver.findAll(postRequestedFor(urlEqualTo("/" + slug)));
    }

    /** Runs the retries that are due (the recurring job does this every 15 s) until the condition holds. */
    private void retryUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            worker.retryDue();
            return condition.call();
        });
    }

    private String replyStatus(String conversation) {
        List<Map<String, Object>> agent = byRole(api.messages(conversation), "AGENT");
        return agent.isEmpty() ? null : (String) agent.get(0).get("status");
    }

    @Test
    void theReplyIsPostedToTheCallbackSignedWithTheChannelsSecret() throws Exception {
        String secret = channel("signed");
        receiver.stubFor(post("/signed").willReturn(aResponse().withStatus(200)));

        String conversation = api.send("signed", "s-1", "signed-contact", "hi");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(replyStatus(conversation)));

        List<LoggedRequest> requests = callbacks("signed");
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.getHeader("X-Baton-Signature-256"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.getBody())));
        JsonNode body = json.readTree(request.getBody());
        assertThat(body.path("conversationId").asString()).isEqualTo(conversation);
        assertThat(body.path("channelId").asString()).isEqualTo("signed");
        assertThat(body.path("contact").path("externalId").asString()).isEqualTo("signed-contact");
        assertThat(body.path("role").asString()).isEqualTo("AGENT");
        assertThat(body.path("text").asString()).isEqualTo(byRole(api.messages(conversation), "AGENT").get(0).get("text"));
        assertThat(request.getHeader("X-Baton-Delivery")).isEqualTo(body.path("deliveryId").asString());
    }

    @Test
    void aProductAnswerCarriesItsProductCardsBesideTheTextForTheHostToDraw() {
        channel("cards");
        receiver.stubFor(post("/cards").willReturn(aResponse().withStatus(200)));

        String conversation = api.send("cards", "c-1", "cards-contact", "Do you have the Stormline rain jacket in XS Spruce?");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(replyStatus(conversation)));

        JsonNode body = json.readTree(callbacks("cards").get(0).getBody());
        assertThat(body.path("text").asString()).contains("XS / Spruce").contains("XS / Black");
        JsonNode card = body.path("cards").get(0);
        assertThat(body.path("cards").size()).isEqualTo(1);
        assertThat(card.path("title").asString()).isEqualTo("Stormline 2.5L Rain Jacket");
        assertThat(card.path("option").asString()).isEqualTo("XS / Spruce");
        assertThat(card.path("price").asString()).isEqualTo("$159.00");
        assertThat(card.path("available").asBoolean()).isFalse();
        assertThat(card.path("url").asString()).isEqualTo("https://northwind-outfitters.example/products/stormline-rain-jacket");
        assertThat(card.path("imageUrl").asString()).isEqualTo("https://northwind-outfitters.example/images/stormline-rain-jacket.jpg");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cards = (List<Map<String, Object>>) byRole(api.messages(conversation), "AGENT").get(0).get("cards");
        assertThat(cards).singleElement().satisfies(stored -> assertThat(stored).containsEntry("option", "XS / Spruce"));
    }

    @Test
    void aGreetingCarriesNoCards() {
        channel("plain");
        receiver.stubFor(post("/plain").willReturn(aResponse().withStatus(200)));

        String conversation = api.send("plain", "p-1", "plain-contact", "hi");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(replyStatus(conversation)));

        JsonNode body = json.readTree(callbacks("plain").get(0).getBody());
        assertThat(body.path("cards").isArray()).isTrue();
        assertThat(body.path("cards").size()).isZero();
    }

    @Test
    void aFailingReceiverGetsTheSameDeliveryAgainUntilItTakesIt() {
        channel("flaky");
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("slow"));
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)).willSetStateTo("up"));
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        String conversation = api.send("flaky", "f-1", "flaky-contact", "hi");
        retryUntil(() -> "SENT".equals(replyStatus(conversation)));

        List<LoggedRequest> requests = callbacks("flaky");
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader("X-Baton-Delivery")).containsOnly(requests.get(0).getHeader("X-Baton-Delivery"));
        worker.retryDue();
        assertThat(callbacks("flaky")).as("sent once it was taken, never again").hasSize(3);
    }

    @Test
    void aRefusedDeliveryIsMarkedFailedWithItsStatusNotTheReceiversAnswerAndNotRetried() {
        channel("refusing");
        receiver.stubFor(post("/refusing").willReturn(aResponse().withStatus(400).withBody("unknown contact")));

        String conversation = api.send("refusing", "r-1", "refused-contact", "hi");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(replyStatus(conversation)));
        worker.retryDue();

        Map<String, Object> reply = byRole(api.messages(conversation), "AGENT").get(0);
        assertThat((String) reply.get("note")).contains("HTTP 400").doesNotContain("unknown contact");
        assertThat(callbacks("refusing")).hasSize(1);
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        channel("down");
        receiver.stubFor(post("/down").willReturn(aResponse().withStatus(500)));

        String conversation = api.send("down", "d-1", "down-contact", "hi");
        retryUntil(() -> "FAILED".equals(replyStatus(conversation)));
        worker.retryDue();

        assertThat(callbacks("down")).hasSize(3);
        assertThat((String) byRole(api.messages(conversation), "AGENT").get(0).get("note")).contains("HTTP 500");
    }
}

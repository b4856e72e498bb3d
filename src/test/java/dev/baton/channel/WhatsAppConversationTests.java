package dev.baton.channel;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.channel.internal.DeliveryRepository;
import dev.baton.channel.internal.DeliveryWorker;
import dev.baton.conversation.ConversationApi;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.baton.conversation.ConversationApi.byRole;
import static dev.baton.conversation.ConversationApi.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WhatsApp end to end on an account with the demo store: Meta's signed webhooks in, the agent's replies out through
 * the Cloud API (WireMock), retried when it fails, and their delivered and read statuses back. The default
 * pipeline's first stage has the AI trigger, so a new WhatsApp contact's lead is one the agent serves on a selected
 * channel. Every test writes from its own WhatsApp number.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatsAppConversationTests {

    static final String API_KEY = "bt_whatsapp_conversation_key_0123";
    static final String SELECTED = "106540352242922";
    static final String NOT_SELECTED = "106540352242923";
    static final String MESSAGES = "/v21.0/" + SELECTED + "/messages";
    static final String TOKEN = "EAAG-conversation-test-token";
    static final String APP_SECRET = "meta-app-secret-conversations";
    static final WireMockServer graph = new WireMockServer(options().dynamicPort());

    static {
        graph.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    JdbcClient jdbc;

    ConversationApi api;
    UUID selected;
    UUID notSelected;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.whatsapp.graph-base-url", graph::baseUrl);
        registry.add("baton.channel.delivery.initial-backoff", () -> "PT0.2S");
    }

    @BeforeAll
    void whatsAppChannels() {
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
        selected = channel("wa", SELECTED, true);
        notSelected = channel("wa-quiet", NOT_SELECTED, false);
    }

    @AfterAll
    void stop() {
        graph.stop();
    }

    @Test
    void aTextFromANewLeadGetsTheAgentsGroundedReplySentToTheCloudApi() {
        String shopper = "15550000001";
        graphAccepts(shopper, "wamid.reply-grounded");

        String conversation = webhook(selected, WhatsAppPayloads.to(SELECTED)
                .text(shopper, "Emma Larsen", "wamid.in-grounded", "How much is the Ridgeline Trail Runner?"));

        List<Map<String, Object>> messages = awaitReplySent(conversation);
        assertThat(texts(messages, "SHOPPER")).containsExactly("How much is the Ridgeline Trail Runner?");
        assertThat(texts(messages, "AGENT")).singleElement().asString().contains("Ridgeline Trail Runner").contains("$139.00");
        assertThat(api.conversation(conversation)).containsEntry("status", "AI_ACTIVE").containsEntry("contactName", "Emma Larsen");
        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.recipient_type", equalTo("individual")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(shopper)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.preview_url", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo(texts(messages, "AGENT").get(0)))));
    }

    @Test
    void anImageGetsThePoliteReplyThatOnlyTextIsRead() {
        String shopper = "15550000002";
        graphAccepts(shopper, "wamid.reply-image");

        String conversation = webhook(selected, WhatsAppPayloads.to(SELECTED)
                .media(shopper, "Marcus Reid", "wamid.in-image", "image"));

        List<Map<String, Object>> messages = awaitReplySent(conversation);
        assertThat(texts(messages, "SHOPPER")).containsExactly("[image]");
        String reply = texts(messages, "AGENT").get(0);
        assertThat(reply).contains("only read text messages");
        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(shopper)))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo(reply))));
    }

    @Test
    void theSameMessageDeliveredTwiceByMetaIsAnsweredOnce() {
        String shopper = "15550000003";
        graphAccepts(shopper, "wamid.reply-duplicate");
        WhatsAppPayloads payload = WhatsAppPayloads.to(SELECTED)
                .text(shopper, "Priya Shah", "wamid.in-duplicate", "Can I return shoes I bought last month?");

        String first = webhook(selected, payload);
        String second = webhook(selected, payload);

        assertThat(second).isEqualTo(first);
        List<Map<String, Object>> messages = awaitReplySent(first);
        assertThat(byRole(messages, "SHOPPER")).hasSize(1);
        assertThat(byRole(messages, "AGENT")).hasSize(1);
        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(shopper))));
    }

    @Test
    void aReplyTheCloudApiFailsWith500IsRetriedAndSentOnce() {
        String shopper = "15550000004";
        graph.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(shopper)))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}")));
        graph.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(shopper)))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(accepted(shopper, "wamid.reply-retried"))));

        String conversation = webhook(selected, WhatsAppPayloads.to(SELECTED)
                .text(shopper, "Jonas Berg", "wamid.in-retried", "How much is the Ridgeline Trail Runner?"));

        UUID reply = awaitReply(conversation);
        DeliveryRepository.StatusView failedOnce = await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.status(reply).orElseThrow(), view -> view.attempts() >= 1);
        assertThat(failedOnce.lastError()).contains("HTTP 500").contains("An unknown error occurred");
        // What the recurring retry job runs, called here so the test does not wait for its schedule.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            worker.retryDue();
            return deliveries.status(reply).orElseThrow().status() == DeliveryStatus.SENT;
        });
        assertThat(deliveries.status(reply).orElseThrow().attempts()).isEqualTo(2);
        graph.verify(2, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(shopper))));
        assertThat(byRole(api.messages(conversation), "AGENT")).singleElement()
                .satisfies(message -> assertThat(message.get("status")).isEqualTo("SENT"));
    }

    @Test
    void deliveredThenReadStatusesMoveTheReplyForward() {
        String shopper = "15550000005";
        graphAccepts(shopper, "wamid.reply-statuses");
        String conversation = webhook(selected, WhatsAppPayloads.to(SELECTED)
                .text(shopper, "Ana Souza", "wamid.in-statuses", "Can I return shoes I bought last month?"));
        UUID reply = UUID.fromString((String) byRole(awaitReplySent(conversation), "AGENT").get(0).get("id"));

        webhook(selected, WhatsAppPayloads.to(SELECTED).status("wamid.reply-statuses", "delivered", shopper));
        assertThat(deliveries.status(reply).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(statusOf(conversation, reply)).isEqualTo("DELIVERED");

        webhook(selected, WhatsAppPayloads.to(SELECTED).status("wamid.reply-statuses", "read", shopper));
        assertThat(deliveries.status(reply).orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
        assertThat(statusOf(conversation, reply)).isEqualTo("READ");
    }

    @Test
    void aReadStatusBeforeTheDeliveredOneIsNotUndone() {
        String shopper = "15550000006";
        graphAccepts(shopper, "wamid.reply-out-of-order");
        String conversation = webhook(selected, WhatsAppPayloads.to(SELECTED)
                .text(shopper, "Tomasz Nowak", "wamid.in-out-of-order", "How much is the Ridgeline Trail Runner?"));
        UUID reply = UUID.fromString((String) byRole(awaitReplySent(conversation), "AGENT").get(0).get("id"));

        webhook(selected, WhatsAppPayloads.to(SELECTED).status("wamid.reply-out-of-order", "read", shopper));
        webhook(selected, WhatsAppPayloads.to(SELECTED).status("wamid.reply-out-of-order", "delivered", shopper));

        assertThat(deliveries.status(reply).orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
        assertThat(statusOf(conversation, reply)).isEqualTo("READ");
    }

    @Test
    void aChannelNotSelectedForTheAgentGetsNoReply() {
        String shopper = "15550000007";

        String conversation = webhook(notSelected, WhatsAppPayloads.to(NOT_SELECTED)
                .text(shopper, "Lena Vogel", "wamid.in-quiet", "How much is the Ridgeline Trail Runner?"));

        List<Map<String, Object>> messages = api.awaitHandled(conversation);
        assertThat(byRole(messages, "SHOPPER")).singleElement().satisfies(message -> {
            assertThat(message.get("status")).isEqualTo("NOT_ANSWERED");
            assertThat((String) message.get("note")).contains("not selected for the agent");
        });
        assertThat(byRole(messages, "AGENT")).isEmpty();
        graph.verify(0, anyRequestedFor(urlPathMatching("/v21.0/" + NOT_SELECTED + "/.*")));
        graph.verify(0, anyRequestedFor(urlPathMatching(".*")).withRequestBody(containing(shopper)));
    }

    /** Creates a WhatsApp channel through the API, as an admin would; answers its uuid. */
    private UUID channel(String slug, String phoneNumberId, boolean agentEnabled) {
        ResponseEntity<Map<String, Object>> created = api.client().post().uri("/api/v1/channels")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", slug, "kind", "WHATSAPP", "phoneNumberId", phoneNumberId, "accessToken", TOKEN,
                        "appSecret", APP_SECRET, "verifyToken", "verify-" + slug, "agentEnabled", agentEnabled))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString((String) created.getBody().get("uuid"));
    }

    private static void graphAccepts(String shopper, String wamid) {
        graph.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(shopper)))
                .willReturn(okJson(accepted(shopper, wamid))));
    }

    private static String accepted(String shopper, String wamid) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + shopper + "\",\"wa_id\":\"" + shopper
                + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
    }

    /**
     * Posts Meta's signed notification (200 expected); answers the conversation of its first message, if it has
     * messages (null for statuses).
     */
    private String webhook(UUID channel, WhatsAppPayloads payload) {
        byte[] body = payload.bytes();
        ResponseEntity<String> answer = api.client().post().uri("/webhooks/whatsapp/{id}", channel)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WhatsAppPayloads.signature(body, APP_SECRET))
                .body(body).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        String wamid = payload.firstMessageId();
        return wamid == null ? null : jdbc.sql("""
                        select conversation_id from conversation_message where channel_id = :channel and external_id = :wamid""")
                .param("channel", channel).param("wamid", wamid).query(UUID.class).single().toString();
    }

    /** Waits for the agent's reply to be stored; answers its message id. */
    private UUID awaitReply(String conversation) {
        List<Map<String, Object>> messages = api.awaitMessages(conversation, m -> !byRole(m, "AGENT").isEmpty());
        return UUID.fromString((String) byRole(messages, "AGENT").get(0).get("id"));
    }

    /** Waits until the agent's reply went out through the Cloud API; answers the transcript. */
    private List<Map<String, Object>> awaitReplySent(String conversation) {
        return api.awaitMessages(conversation, messages -> byRole(messages, "AGENT").stream()
                .anyMatch(message -> "SENT".equals(message.get("status"))));
    }

    private String statusOf(String conversation, UUID messageId) {
        return (String) api.messages(conversation).stream().filter(m -> messageId.toString().equals(m.get("id")))
                .findFirst().orElseThrow().get("status");
    }
}

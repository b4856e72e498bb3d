package dev.baton.channel.web;

import dev.baton.TestStorage;
import dev.baton.channel.ContactDetails;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.InboundMessage;
import dev.baton.channel.Received;
import dev.baton.channel.TranscriptLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The widget's public endpoints over real HTTP (security, CORS, problem details, server-sent events), with the
 * conversations behind them replaced by a mock: what reaches them, and what the widget gets back.
 */
@DirtiesContext
@Import(MockedConversations.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebChatControllerTests {

    private static final String API_KEY = "bt_web_chat_controller_key_0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VISITOR = "0d7c5b0e-5a1f-4b8e-9a51-3f0c2e9d1a11";

    @LocalServerPort
    int port;

    @Autowired
    ConversationGateway conversations;

    @Autowired
    TranscriptStreams streams;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    UUID accountId;
    UUID channelId;
    String publicKey;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.channel.web-chat.stream-duration", () -> "PT3S");
        registry.add("baton.channel.web-chat.stream-check-interval", () -> "PT0.2S");
        registry.add("baton.channel.web-chat.max-streams", () -> "2");
        registry.add("baton.channel.web-chat.messages-per-visitor-per-minute", () -> "5");
    }

    @BeforeAll
    void theAccountsWebChat() throws Exception {
        HttpResponse<String> channels = http.send(HttpRequest.newBuilder(uri("/api/v1/channels"))
                .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode webChat = stream(JSON.readTree(channels.body()))
                .filter(channel -> "web-chat".equals(channel.get("id").asString())).findFirst().orElseThrow();
        publicKey = webChat.get("publicKey").asString();
        channelId = UUID.fromString(webChat.get("uuid").asString());
        accountId = jdbc.sql("select account_id from channel where id = :id").param("id", channelId).query(UUID.class).single();
    }

    @BeforeEach
    void noStreamLeftOpenAndAFreshMock() {
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams() == 0);
        reset(conversations);
    }

    @Test
    void aMessageGoesToTheConversationsFromAnUnverifiedContact() throws Exception {
        UUID conversationId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        when(conversations.receive(any())).thenReturn(new Received(conversationId, messageId, false));
        String clientMessageId = UUID.randomUUID().toString();

        HttpResponse<String> response = post("/messages", Map.of("visitorId", VISITOR, "messageId", clientMessageId,
                "text", "  How much is the Ridgeline Trail Runner?\n", "name", "Ada", "email", "ada@example.com"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("conversationId").asString()).isEqualTo(conversationId.toString());
        assertThat(body.get("messageId").asString()).isEqualTo(messageId.toString());
        assertThat(body.get("agentEnabled").asBoolean()).isFalse();
        ArgumentCaptor<InboundMessage> received = ArgumentCaptor.forClass(InboundMessage.class);
        verify(conversations).receive(received.capture());
        assertThat(received.getValue()).isEqualTo(InboundMessage.text(accountId, channelId, VISITOR + ":" + clientMessageId,
                new ContactDetails(VISITOR, "Ada", null, "ada@example.com", false), "How much is the Ridgeline Trail Runner?"));
    }

    @Test
    void theTranscriptIsTheVisitorsOwnAfterTheLineGiven() throws Exception {
        UUID shopper = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        when(conversations.transcript(accountId, channelId, VISITOR, 5, WebChatController.TRANSCRIPT_PAGE)).thenReturn(List.of(
                new TranscriptLine(6, shopper, "SHOPPER", "Do you ship to Norway?", Instant.parse("2026-11-26T10:00:00Z")),
                new TranscriptLine(9, agent, "AGENT", "Yes, in 3-5 days.", Instant.parse("2026-11-26T10:00:02Z"))));

        HttpResponse<String> response = get("/messages?visitorId=" + VISITOR + "&after=5");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode lines = JSON.readTree(response.body());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("seq").asLong()).isEqualTo(6);
        assertThat(lines.get(0).get("id").asString()).isEqualTo(shopper.toString());
        assertThat(lines.get(0).get("role").asString()).isEqualTo("SHOPPER");
        assertThat(lines.get(1).get("text").asString()).isEqualTo("Yes, in 3-5 days.");
        assertThat(lines.get(1).get("at").asString()).isEqualTo("2026-11-26T10:00:02Z");
        assertThat(get("/messages?visitorId=" + VISITOR).statusCode()).isEqualTo(200);
        verify(conversations).transcript(accountId, channelId, VISITOR, 0, WebChatController.TRANSCRIPT_PAGE);
    }

    @Test
    void anUnknownKeyIsNotFoundOnEveryEndpoint() throws Exception {
        String unknown = "/widget/api/pk_0000000000000000000000000000000";
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri(unknown + "/messages"))
                .header("Content-Type", "application/json").POST(body(Map.of("visitorId", VISITOR,
                        "messageId", UUID.randomUUID().toString(), "text", "hi"))));
        HttpResponse<String> transcript = send(HttpRequest.newBuilder(uri(unknown + "/messages?visitorId=" + VISITOR)));
        HttpResponse<String> events = send(HttpRequest.newBuilder(uri(unknown + "/events?visitorId=" + VISITOR))
                .header("Accept", "text/event-stream"));

        for (HttpResponse<String> response : List.of(post, transcript, events)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("detail").asString())
                    .isEqualTo("Web chat widget key 'pk_0000000000000000000000000000000' does not exist.");
        }
        verify(conversations, never()).receive(any());
    }

    @Test
    void aKeyOnAChannelThatIsNoWebChatIsNotFound() throws Exception {
        jdbc.sql("""
                insert into channel (id, account_id, slug, kind, name, agent_enabled, public_key, config, created_at, updated_at)
                values (:id, :account, 'crm', 'REST', 'CRM', true, 'pk_rest_channel_key', '{}', current_timestamp, current_timestamp)""")
                .param("id", UUID.randomUUID()).param("account", accountId).update();

        HttpResponse<String> response = post("/widget/api/pk_rest_channel_key/messages", Map.of("visitorId", VISITOR,
                "messageId", UUID.randomUUID().toString(), "text", "hi"));

        assertThat(response.statusCode()).isEqualTo(404);
        verify(conversations, never()).receive(any());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            empty text         | 0d7c5b0e-5a1f-4b8e-9a51-3f0c2e9d1a11 | m-0123456789abcdef | "   "     | 'text' is empty: write a message.
            text over 4096     | 0d7c5b0e-5a1f-4b8e-9a51-3f0c2e9d1a11 | m-0123456789abcdef | LONG      | The message has 4097 characters; the limit is 4096.
            short visitor id   | abc                                  | m-0123456789abcdef | hi        | 'visitorId' must be 16 to 64 letters, digits and dashes (a UUID), not 'abc'.
            visitor id of path | ../../../../etc/passwd-0123456       | m-0123456789abcdef | hi        | 'visitorId' must be 16 to 64 letters, digits and dashes (a UUID)
            long visitor id    | LONG_ID                              | m-0123456789abcdef | hi        | 'visitorId' must be 16 to 64 letters, digits and dashes (a UUID)
            no visitor id      | ""                                   | m-0123456789abcdef | hi        | 'visitorId' is missing: the widget sends a random UUID.
            no message id      | 0d7c5b0e-5a1f-4b8e-9a51-3f0c2e9d1a11 | ""                 | hi        | 'messageId' is missing: the widget sends a random UUID.
            """)
    void aMessageThatIsNotValidIsABadRequestThatSaysWhy(String name, String visitorId, String messageId, String text,
            String detail) throws Exception {
        String visitor = visitorId.equals("LONG_ID") ? "a".repeat(65) : visitorId;
        String message = text.equals("LONG") ? "x".repeat(4_097) : text;

        HttpResponse<String> response = post("/messages", Map.of("visitorId", visitor, "messageId", messageId, "text", message));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).startsWith(detail);
        verify(conversations, never()).receive(any());
    }

    @Test
    void aBadEmailNoBodyOrABadAfterIsABadRequestThatSaysWhy() throws Exception {
        HttpResponse<String> email = post("/messages", Map.of("visitorId", VISITOR, "messageId", UUID.randomUUID().toString(),
                "text", "hi", "email", "not an address"));
        HttpResponse<String> noBody = send(HttpRequest.newBuilder(uri(widget("/messages")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> negative = get("/messages?visitorId=" + VISITOR + "&after=-1");
        HttpResponse<String> word = send(HttpRequest.newBuilder(uri(widget("/events?visitorId=" + VISITOR + "&after=last")))
                .header("Accept", "text/event-stream"));

        assertThat(detail(email, 400)).isEqualTo("'email' is not an email address: 'not an address'.");
        assertThat(detail(noBody, 400)).startsWith("Send {\"visitorId\", \"messageId\", \"text\"}");
        assertThat(detail(negative, 400)).isEqualTo("'after' must be the seq of the last line shown (a whole number, "
                + "0 or more), not '-1'.");
        assertThat(detail(word, 400)).endsWith("not 'last'.");
        verify(conversations, never()).receive(any());
    }

    @Test
    void aVisitorWritingTooFastIsToldToWait() throws Exception {
        when(conversations.receive(any())).thenReturn(new Received(UUID.randomUUID(), UUID.randomUUID(), false));
        String visitor = UUID.randomUUID().toString();
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            statuses.add(post("/messages", Map.of("visitorId", visitor, "messageId", UUID.randomUUID().toString(),
                    "text", "message " + i)).statusCode());
        }
        HttpResponse<String> another = post("/messages", Map.of("visitorId", UUID.randomUUID().toString(),
                "messageId", UUID.randomUUID().toString(), "text", "hi"));

        // the limit counts per clock minute, so a minute turning over mid-test lets one more through
        assertThat(statuses.subList(0, 5)).containsOnly(202);
        assertThat(statuses.get(5)).isIn(429, 202);
        if (statuses.get(5) == 429) {
            assertThat(JSON.readTree(post("/messages", Map.of("visitorId", visitor, "messageId", UUID.randomUUID().toString(),
                    "text", "again")).body()).get("detail").asString()).isEqualTo(
                    "More than 5 messages in a minute: wait a moment, then send it again.");
        }
        assertThat(another.statusCode()).isEqualTo(202);
    }

    @Test
    void anyOriginMayCallTheWidgetEndpointsButNotTheApi() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri(widget("/messages")))
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        when(conversations.receive(any())).thenReturn(new Received(UUID.randomUUID(), UUID.randomUUID(), false));
        HttpResponse<String> message = send(HttpRequest.newBuilder(uri(widget("/messages")))
                .header("Origin", "https://shop.example").header("Content-Type", "application/json")
                .POST(body(Map.of("visitorId", VISITOR, "messageId", UUID.randomUUID().toString(), "text", "hi"))));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(widget("/messages?visitorId=x")))
                .header("Origin", "https://shop.example"));
        HttpResponse<String> apiPreflight = send(HttpRequest.newBuilder(uri("/api/v1/channels"))
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).containsIgnoringCase("content-type");
        for (HttpResponse<String> response : List.of(preflight, message, refused)) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(message.statusCode()).isEqualTo(202);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(apiPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theScriptIsServedWithoutSigningInInUtf8AndMayBeCachedForAnHour() throws Exception {
        HttpResponse<String> script = get("/widget/baton-chat.js");

        assertThat(script.statusCode()).isEqualTo(200);
        // A store page in another charset would garble the widget's texts without it.
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript")
                .containsIgnoringCase("charset=utf-8");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
        assertThat(script.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(script.body()).contains("data-key").contains("/widget/api/");
    }

    @Test
    void theEventStreamSendsEachNewLineOnceAndEndsAfterItsDuration() throws Exception {
        List<TranscriptLine> transcript = new CopyOnWriteArrayList<>();
        transcript.add(new TranscriptLine(3, UUID.randomUUID(), "SHOPPER", "hello", Instant.parse("2026-11-26T10:00:00Z")));
        when(conversations.transcript(eq(accountId), eq(channelId), eq(VISITOR), anyLong(), anyInt())).thenAnswer(call ->
                transcript.stream().filter(line -> line.seq() > call.<Long>getArgument(3)).toList());
        List<String> received = new CopyOnWriteArrayList<>();

        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(HttpRequest.newBuilder(
                        uri(widget("/events?visitorId=" + VISITOR + "&after=2"))).header("Accept", "text/event-stream")
                .header("Origin", "https://shop.example").build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    received.add("status:" + response.statusCode());
                    received.add("origin:" + response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
                    response.body().forEach(received::add);
                    return null;
                });
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("id:3"));
        UUID reply = UUID.randomUUID();
        transcript.add(new TranscriptLine(8, reply, "AGENT", "Hi! How can I help you today?", Instant.parse("2026-11-26T10:00:01Z")));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("id:8"));
        stream.get(10, TimeUnit.SECONDS);

        assertThat(received).startsWith("status:200", "origin:*").contains("retry:1000");
        assertThat(received).filteredOn(line -> line.startsWith("id:")).containsExactly("id:3", "id:8");
        String data = received.get(received.indexOf("id:8") + 1);
        assertThat(data).startsWith("data:");
        JsonNode line = JSON.readTree(data.substring("data:".length()));
        assertThat(line.get("id").asString()).isEqualTo(reply.toString());
        assertThat(line.get("role").asString()).isEqualTo("AGENT");
        assertThat(line.get("seq").asLong()).isEqualTo(8);
        verify(conversations, atLeastOnce()).transcript(accountId, channelId, VISITOR, 8, TranscriptStreams.PAGE);
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 0);
    }

    @Test
    void pastItsOpenStreamsANodeTellsTheWidgetToPoll() throws Exception {
        when(conversations.transcript(any(), any(), anyString(), anyLong(), anyInt())).thenReturn(List.of());
        List<CompletableFuture<HttpResponse<Void>>> open = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            open.add(http.sendAsync(HttpRequest.newBuilder(uri(widget("/events?visitorId=" + VISITOR)))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.discarding()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 2);

        HttpResponse<String> third = send(HttpRequest.newBuilder(uri(widget("/events?visitorId=" + VISITOR)))
                .header("Accept", "text/event-stream"));

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(third.body()).get("detail").asString()).contains("GET .../messages");
        CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 0);
    }

    private String widget(String path) {
        return "/widget/api/" + publicKey + path;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path.startsWith("/widget/") ? path : widget(path))));
    }

    private HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path.startsWith("/widget/") ? path : widget(path)))
                .header("Content-Type", "application/json").POST(body(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher body(Map<String, String> body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private static String detail(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).get("detail").asString();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }
}

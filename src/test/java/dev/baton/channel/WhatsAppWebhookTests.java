package dev.baton.channel;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.channel.internal.ChannelRepository;
import dev.baton.channel.internal.DeliveryRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Meta's webhooks at {@code /webhooks/whatsapp/{channel}} on a running Baton: the subscription handshake, the
 * signature check before anything is read, the shoppers' messages handed to the conversations (the real gateway,
 * spied on to see exactly what the channel hands over), and the statuses of replies sent through the Cloud API
 * (WireMock). No stage has the agent's trigger in this account, so the agent stays quiet; replies are queued here.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatsAppWebhookTests {

    static final String API_KEY = "bt_whatsapp_webhook_test_key_0123";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String APP_SECRET = "meta-app-secret-for-tests";
    static final String VERIFY_TOKEN = "verify-token-for-tests";
    static final String SHOPPER = "16505551234";
    static final WireMockServer graph = new WireMockServer(options().dynamicPort());
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    static {
        graph.start();
    }

    @LocalServerPort
    int port;

    @MockitoSpyBean
    ConversationGateway gateway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelRepository channels;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DeliveryUpdates updates;

    RestClient http;
    Channel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.whatsapp.graph-base-url", graph::baseUrl);
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @TestConfiguration
    static class Listening {

        @Bean
        DeliveryUpdates deliveryUpdates() {
            return new DeliveryUpdates();
        }
    }

    /** Every DeliveryUpdated, as published. */
    static class DeliveryUpdates {

        final List<DeliveryUpdated> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DeliveryUpdated event) {
            received.add(event);
        }

        List<DeliveryStatus> of(UUID messageId) {
            return received.stream().filter(event -> event.messageId().equals(messageId)).map(DeliveryUpdated::status)
                    .toList();
        }
    }

    @BeforeEach
    void whatsAppChannel() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        String slug = "wa-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> created = http.post().uri("/api/v1/channels")
                .header("Authorization", "Bearer " + API_KEY).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", slug, "kind", "WHATSAPP", "phoneNumberId", PHONE_NUMBER_ID, "accessToken", "EAAG-token",
                        "appSecret", APP_SECRET, "verifyToken", VERIFY_TOKEN, "agentEnabled", true))
                .retrieve().toEntity(OBJECT);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("webhookPath")).isEqualTo("/webhooks/whatsapp/" + created.getBody().get("uuid"));
        channel = channels.findById(UUID.fromString((String) created.getBody().get("uuid"))).orElseThrow().channel();
    }

    @Test
    void metaSubscribesWithTheChannelsVerifyTokenAndGetsItsChallengeBack() {
        ResponseEntity<String> answer = handshake(channel.id().toString(), "subscribe", VERIFY_TOKEN, "1158201444");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(answer.getBody()).isEqualTo("1158201444");
    }

    @Test
    void aWrongVerifyTokenOrAnotherModeIsForbidden() {
        ResponseEntity<String> wrongToken = handshake(channel.id().toString(), "subscribe", VERIFY_TOKEN + "x", "1158201444");
        ResponseEntity<String> noToken = handshake(channel.id().toString(), "subscribe", null, "1158201444");
        ResponseEntity<String> otherMode = handshake(channel.id().toString(), "unsubscribe", VERIFY_TOKEN, "1158201444");

        for (ResponseEntity<String> answer : List.of(wrongToken, noToken, otherMode)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getBody()).doesNotContain("1158201444");
        }
    }

    @Test
    void anUnknownChannelOrAChannelOfAnotherKindIsNotFound() {
        UUID webChat = channels.findBySlug(channel.accountId(), "web-chat").orElseThrow().channel().id();

        assertThat(handshake(UUID.randomUUID().toString(), "subscribe", VERIFY_TOKEN, "1").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(handshake("not-a-uuid", "subscribe", VERIFY_TOKEN, "1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        byte[] body = WhatsAppPayloads.to(PHONE_NUMBER_ID).text(SHOPPER, "Sheena", "wamid.lost", "Hi").bytes();
        assertThat(notify(webChat.toString(), body, WhatsAppPayloads.signature(body, APP_SECRET)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        verify(gateway, never()).receive(any());
    }

    @Test
    void aNotificationWithoutOrWithAWrongSignatureIsUnauthorizedAndReachesNothing() {
        UUID messageId = sentReply("Our store opens at nine.", "wamid.unsigned-status");
        byte[] message = WhatsAppPayloads.to(PHONE_NUMBER_ID).text(SHOPPER, "Sheena", "wamid.unsigned", "Hi").bytes();
        byte[] status = WhatsAppPayloads.to(PHONE_NUMBER_ID).status("wamid.unsigned-status", "read", SHOPPER).bytes();
        byte[] tampered = WhatsAppPayloads.to(PHONE_NUMBER_ID).text(SHOPPER, "Sheena", "wamid.unsigned", "Hi!").bytes();

        List<ResponseEntity<String>> answers = List.of(
                notify(channel.id().toString(), message, null),
                notify(channel.id().toString(), message, WhatsAppPayloads.signature(message, "another-app-secret")),
                notify(channel.id().toString(), tampered, WhatsAppPayloads.signature(message, APP_SECRET)),
                notify(channel.id().toString(), status, "sha256=" + "0".repeat(64)));

        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(answer.getBody()).contains("X-Hub-Signature-256");
        }
        verify(gateway, never()).receive(any());
        assertThat(stored("wamid.unsigned")).isZero();
        assertThat(deliveries.status(messageId).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequest() {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> answer = notify(channel.id().toString(), body, WhatsAppPayloads.signature(body, APP_SECRET));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        verify(gateway, never()).receive(any());
        assertThat(jdbc.sql("select count(*) from conversation_message where channel_id = :channel")
                .param("channel", channel.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aTextMessageReachesTheConversationsAsTheShoppersText() {
        byte[] body = WhatsAppPayloads.to(PHONE_NUMBER_ID)
                .text(SHOPPER, "Sheena Nelson", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRB", "Does it come in blue?").bytes();

        ResponseEntity<String> answer = notify(channel.id().toString(), body, WhatsAppPayloads.signature(body, APP_SECRET));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        verify(gateway).receive(InboundMessage.text(channel.accountId(), channel.id(),
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRB",
                new ContactDetails(SHOPPER, "Sheena Nelson", SHOPPER, null, true), "Does it come in blue?"));
        assertThat(stored("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRB")).isOne();
    }

    @Test
    void anImageReachesTheConversationsAsAnUnsupportedType() {
        byte[] body = WhatsAppPayloads.to(PHONE_NUMBER_ID).media(SHOPPER, "Sheena Nelson", "wamid.image", "image").bytes();

        ResponseEntity<String> answer = notify(channel.id().toString(), body, WhatsAppPayloads.signature(body, APP_SECRET));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        verify(gateway).receive(new InboundMessage(channel.accountId(), channel.id(), "wamid.image",
                new ContactDetails(SHOPPER, "Sheena Nelson", SHOPPER, null, true), null, "image"));
        assertThat(stored("wamid.image")).isOne();
    }

    @Test
    void aMessageToAnotherPhoneNumberOfTheSameMetaAppIsIgnored() {
        byte[] body = WhatsAppPayloads.to("200000000000001").text(SHOPPER, "Sheena", "wamid.elsewhere", "Hi").bytes();

        ResponseEntity<String> answer = notify(channel.id().toString(), body, WhatsAppPayloads.signature(body, APP_SECRET));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        verify(gateway, never()).receive(any());
        assertThat(stored("wamid.elsewhere")).isZero();
    }

    @Test
    void deliveredThenReadMoveTheReplyForwardAndEachChangeIsPublished() {
        UUID messageId = sentReply("The Ridgeline is $139.", "wamid.delivered-then-read");

        signedStatus("wamid.delivered-then-read", "delivered");
        assertThat(deliveries.status(messageId).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        signedStatus("wamid.delivered-then-read", "read");
        assertThat(deliveries.status(messageId).orElseThrow().status()).isEqualTo(DeliveryStatus.READ);

        assertThat(updates.of(messageId)).containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
    }

    @Test
    void aDeliveredStatusArrivingAfterReadDoesNotMoveTheReplyBack() {
        UUID messageId = sentReply("We ship in two days.", "wamid.read-before-delivered");

        signedStatus("wamid.read-before-delivered", "read");
        signedStatus("wamid.read-before-delivered", "delivered");

        assertThat(deliveries.status(messageId).orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
        assertThat(updates.of(messageId)).containsExactly(DeliveryStatus.SENT, DeliveryStatus.READ);
    }

    @Test
    void aFailedStatusMarksTheReplyFailedWithMetasReason() {
        UUID messageId = sentReply("Here is your tracking number.", "wamid.failed");
        byte[] body = WhatsAppPayloads.to(PHONE_NUMBER_ID).failed("wamid.failed", SHOPPER, 131047, "Re-engagement message")
                .bytes();

        assertThat(notify(channel.id().toString(), body, WhatsAppPayloads.signature(body, APP_SECRET)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        DeliveryRepository.StatusView status = deliveries.status(messageId).orElseThrow();
        assertThat(status.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status.lastError()).contains("Re-engagement message").contains("131047");
        assertThat(updates.received).anyMatch(event -> event.messageId().equals(messageId)
                && event.status() == DeliveryStatus.FAILED && event.error().contains("Re-engagement message"));
    }

    /** Queues a reply on the channel, lets the Cloud API (WireMock) accept it under this wamid, waits until SENT. */
    private UUID sentReply(String text, String wamid) {
        graph.stubFor(post(urlEqualTo("/v21.0/" + PHONE_NUMBER_ID + "/messages"))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo(text)))
                .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + SHOPPER
                        + "\",\"wa_id\":\"" + SHOPPER + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        UUID messageId = UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.send(new OutboundMessage(channel.accountId(), channel.id(),
                UUID.randomUUID(), messageId, SHOPPER, "AGENT", text)));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.status(messageId)
                .map(view -> view.status() == DeliveryStatus.SENT).orElse(false));
        return messageId;
    }

    /** How many messages of the channel carry this WhatsApp message id. */
    private int stored(String wamid) {
        return jdbc.sql("select count(*) from conversation_message where channel_id = :channel and external_id = :wamid")
                .param("channel", channel.id()).param("wamid", wamid).query(Integer.class).single();
    }

    private void signedStatus(String wamid, String status) {
        byte[] body = WhatsAppPayloads.to(PHONE_NUMBER_ID).status(wamid, status, SHOPPER).bytes();
        assertThat(notify(channel.id().toString(), body, WhatsAppPayloads.signature(body, APP_SECRET)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> handshake(String channelId, String mode, String token, String challenge) {
        return http.get().uri(uri -> {
                    uri.path("/webhooks/whatsapp/{id}").queryParam("hub.mode", mode).queryParam("hub.challenge", challenge);
                    if (token != null) {
                        uri.queryParam("hub.verify_token", token);
                    }
                    return uri.build(channelId);
                })
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> notify(String channelId, byte[] body, String signature) {
        return http.post().uri("/webhooks/whatsapp/{id}", channelId).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (signature != null) {
                        headers.set("X-Hub-Signature-256", signature);
                    }
                })
                .body(body).retrieve().toEntity(String.class);
    }
}

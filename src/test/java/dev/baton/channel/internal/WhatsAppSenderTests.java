package dev.baton.channel.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Cloud API's messages endpoint as WireMock plays it: what Baton sends, and how each answer is classified. */
class WhatsAppSenderTests {

    static final String TOKEN = "EAAG-secret-access-token-0123456789";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";

    private final WireMockServer graph = new WireMockServer(options().dynamicPort());
    private WhatsAppSender sender;

    @BeforeEach
    void start() {
        graph.start();
        sender = new WhatsAppSender(JsonMapper.builder().build(),
                new DeliveryProperties(8, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(2),
                        Duration.ofMillis(500)),
                new WhatsAppProperties(graph.baseUrl() + "/", "v21.0"));
    }

    @AfterEach
    void stop() {
        graph.stop();
    }

    @Test
    void aReplyIsPostedAsATextMessageWithTheBearerTokenAndItsWamidIsReturned() throws DeliveryFailure {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],
                 "messages":[{"id":"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}""")));

        String wamid = sender.send(channel(PHONE_NUMBER_ID), delivery("Yes, the Ridgeline comes in blue: \"Ocean\"."));

        assertThat(wamid).isEqualTo("wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA");
        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"text",
                         "text":{"preview_url":false,"body":"Yes, the Ridgeline comes in blue: \\"Ocean\\"."}}""")));
    }

    @Test
    void metasServerErrorsAndThrottlingAreRetried() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":1}}")));
        DeliveryFailure serverError = failure();
        assertThat(serverError.permanent()).isFalse();
        assertThat(serverError.getMessage()).contains("500").contains("An unknown error occurred");

        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}")));
        DeliveryFailure throttled = failure();
        assertThat(throttled.permanent()).isFalse();
        assertThat(throttled.getMessage()).contains("429").contains("(#130429) Rate limit hit");
    }

    @Test
    void aRefusedMessageIsPermanentAndCarriesMetasErrorMessage() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException",
                         "code":131030,"error_data":{"messaging_product":"whatsapp","details":"Add the number first."},
                         "fbtrace_id":"AxTpP2tOq9Q"}}""")));

        DeliveryFailure failure = failure();

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("HTTP 400: WhatsApp Cloud API: (#131030) Recipient phone number not in allowed list");
    }

    @Test
    void anExpiredTokenIsPermanentAndTheTokenIsNeverInTheFailure() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired\","
                        + "\"type\":\"OAuthException\",\"code\":190}}")));

        DeliveryFailure failure = failure();

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.getMessage()).contains("401").contains("Session has expired").doesNotContain(TOKEN);
    }

    @Test
    void anAnswerThatIsNotJsonIsReportedByItsStart() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

        DeliveryFailure failure = failure();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("HTTP 502: WhatsApp Cloud API: <html>Bad gateway</html>");
    }

    @Test
    void aSlowAnswerIsATimeoutThatIsRetried() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.late\"}]}")
                .withFixedDelay(3_000)));

        DeliveryFailure failure = failure();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).contains("did not answer");
    }

    @Test
    void anUnreachableGraphApiIsRetried() {
        graph.stop();

        DeliveryFailure failure = failure();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).contains("could not be reached").doesNotContain(TOKEN);
    }

    @Test
    void aPhoneNumberIdThatIsNotNumericIsRefusedWithoutCallingMeta() {
        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                () -> sender.send(channel("../../me"), delivery("Hi")));

        assertThat(failure.permanent()).isTrue();
        graph.verify(0, anyRequestedFor(anyUrl()));
    }

    private DeliveryFailure failure() {
        return catchThrowableOfType(DeliveryFailure.class, () -> sender.send(channel(PHONE_NUMBER_ID), delivery("Hi")));
    }

    private static ChannelRepository.StoredChannel channel(String phoneNumberId) {
        Channel channel = new Channel(UUID.randomUUID(), UUID.randomUUID(), "wa", ChannelKind.WHATSAPP, "WhatsApp",
                true, null);
        return new ChannelRepository.StoredChannel(channel, Map.of("phoneNumberId", phoneNumberId),
                Map.of("accessToken", TOKEN, "appSecret", "app-secret", "verifyToken", "verify"));
    }

    private static Delivery delivery(String text) {
        return new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "16505551234", "AGENT", text, 0);
    }
}

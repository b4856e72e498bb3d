package dev.baton.channel.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.shared.OutboundProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A REST channel's callback cannot be turned against Baton's own network, nor make Baton keep what it answered. */
class RestCallbackSenderTests {

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final DeliveryProperties delivery = new DeliveryProperties(8, Duration.ofSeconds(2), Duration.ofMinutes(10),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    @BeforeEach
    void start() {
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void aCallbackThatResolvesToAPrivateAddressIsNotCalledAndNotRetried() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        RestCallbackSender sender = sender(false);

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                () -> sender.send(channel(receiver.baseUrl() + "/hook"), reply()));

        assertThat(failure.getMessage()).contains("private or local address");
        assertThat(failure.permanent()).isTrue();
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void whatTheReceiverAnswersIsNeverKeptOnlyItsStatus() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unknown contact\",\"aws_secret\":\"AKIA-internal-credentials\"}")));

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                () -> sender(true).send(channel(receiver.baseUrl() + "/hook"), reply()));

        assertThat(failure.getMessage()).isEqualTo("HTTP 400").doesNotContain("unknown contact", "AKIA");
        assertThat(failure.permanent()).isTrue();
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    private RestCallbackSender sender(boolean allowPrivateHosts) {
        return new RestCallbackSender(JsonMapper.builder().build(), Clock.systemUTC(), delivery,
                new OutboundProperties(allowPrivateHosts));
    }

    private static ChannelRepository.StoredChannel channel(String callbackUrl) {
        return new ChannelRepository.StoredChannel(new Channel(UUID.randomUUID(), UUID.randomUUID(), "crm",
                ChannelKind.REST, "Host CRM", true, null), Map.of("callbackUrl", callbackUrl),
                Map.of("callbackSecret", "0123456789abcdef0123456789abcdef"));
    }

    private static Delivery reply() {
        return new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "contact-1", "AGENT", "Yes, L in Black is in stock.", 0, List.of());
    }
}

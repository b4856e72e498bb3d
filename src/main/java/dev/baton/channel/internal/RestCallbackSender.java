package dev.baton.channel.internal;

import dev.baton.shared.OutboundAddresses;
import dev.baton.shared.OutboundProperties;
import dev.baton.channel.ChannelKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a reply to a REST channel's callback URL as JSON, signed like Meta's and GitHub's webhooks:
 * {@code X-Baton-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the channel's callback secret>}.
 * {@code X-Baton-Delivery} carries the delivery id, the same on every attempt, so the receiver can drop a repeat.
 * A channel without a callback URL keeps its replies for {@code GET /api/v1/conversations/{id}/messages}.
 */
@Component
class RestCallbackSender implements ChannelSender {

    static final String SIGNATURE_HEADER = "X-Baton-Signature-256";
    static final String DELIVERY_HEADER = "X-Baton-Delivery";

    private final ObjectMapper json;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final HttpClient http;
    private final OutboundProperties outbound;

    RestCallbackSender(ObjectMapper json, Clock clock, DeliveryProperties properties, OutboundProperties outbound) {
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.outbound = outbound;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.REST;
    }

    @Override
    public String send(ChannelRepository.StoredChannel channel, Delivery delivery) throws DeliveryFailure {
        String callback = channel.config("callbackUrl");
        if (callback == null) {
            return null;
        }
        URI target = URI.create(callback);
        if (!outbound.allowPrivateHosts()) {
            // Checked again before each call: the host may resolve elsewhere than when the channel was saved.
            var address = OutboundAddresses.privateAddressOf(target);
            if (address.isPresent()) {
                throw DeliveryFailure.permanent("Not sent: the callback URL's host " + target.getHost()
                        + " now resolves to a private or local address (" + address.get().getHostAddress() + ").");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", delivery.id());
        body.put("channelId", channel.channel().slug());
        body.put("conversationId", delivery.conversationId());
        body.put("messageId", delivery.messageId());
        body.put("contact", Map.of("externalId", delivery.recipient()));
        body.put("role", delivery.role());
        body.put("text", delivery.text());
        body.put("cards", delivery.cards());
        body.put("sentAt", clock.instant().toString());
        byte[] raw = json.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header(DELIVERY_HEADER, delivery.id().toString())
                .header(SIGNATURE_HEADER, Sha256Signatures.header(raw, channel.secret("callbackSecret")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                .build();
        try {
            // The receiver's answer is not read: only its status is kept, never a foreign body.
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw DeliveryFailure.ofStatus(response.statusCode(), null);
            }
            return null;
        } catch (HttpTimeoutException e) {
            throw DeliveryFailure.retryable("The callback URL did not answer within " + properties.readTimeout().toSeconds() + " s.");
        } catch (IOException e) {
            throw DeliveryFailure.retryable("The callback URL could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retryable("Interrupted while calling the callback URL.");
        }
    }
}

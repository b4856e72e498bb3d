package dev.baton.channel.internal;

import dev.baton.channel.ChannelKind;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends a reply as a WhatsApp text message through the Cloud API ({@code POST /{version}/{phone number id}/messages})
 * and answers its wamid, which the delivered and read statuses name later. Throttling (429), Meta's 5xx and
 * timeouts are retried; any other refusal carries Meta's own {@code error.message}. The access token goes in the
 * Authorization header only: never into a log line or a failure message.
 */
@Component
class WhatsAppSender implements ChannelSender {

    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9]{1,30}");

    private final ObjectMapper json;
    private final DeliveryProperties delivery;
    private final WhatsAppProperties properties;
    private final HttpClient http;

    WhatsAppSender(ObjectMapper json, DeliveryProperties delivery, WhatsAppProperties properties) {
        this.json = json;
        this.delivery = delivery;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(delivery.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WHATSAPP;
    }

    @Override
    public String send(ChannelRepository.StoredChannel channel, Delivery message) throws DeliveryFailure {
        String phoneNumberId = channel.config("phoneNumberId");
        String token = channel.secret("accessToken");
        if (phoneNumberId == null || !PHONE_NUMBER_ID.matcher(phoneNumberId).matches() || token == null) {
            throw DeliveryFailure.permanent("The WhatsApp channel needs a numeric phoneNumberId and an accessToken.");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.messagesUrl(phoneNumberId)))
                .timeout(delivery.readTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body(message))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw DeliveryFailure.ofStatus(response.statusCode(), "WhatsApp Cloud API: " + error(response.body()));
            }
            return wamid(response.body());
        } catch (HttpTimeoutException e) {
            throw DeliveryFailure.retryable("The WhatsApp Cloud API did not answer within "
                    + delivery.readTimeout().toSeconds() + " s.");
        } catch (IOException e) {
            throw DeliveryFailure.retryable("The WhatsApp Cloud API could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retryable("Interrupted while calling the WhatsApp Cloud API.");
        }
    }

    private static Map<String, Object> body(Delivery message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.recipient());
        body.put("type", "text");
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("preview_url", false);
        text.put("body", message.text());
        body.put("text", text);
        return body;
    }

    /** The sent message's wamid; null if Meta accepted it without one (its statuses then match nothing). */
    private String wamid(String body) {
        try {
            JsonNode id = json.readTree(body).path("messages").path(0).path("id");
            return id.isString() ? id.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Meta's {@code error.message}, or the start of whatever else came back (a proxy's error page). */
    private String error(String body) {
        try {
            JsonNode message = json.readTree(body).path("error").path("message");
            if (message.isString() && !message.asString().isBlank()) {
                return message.asString();
            }
        } catch (JacksonException e) {
            // not JSON: fall through to the raw text
        }
        String raw = body == null ? "" : body.strip();
        return raw.isEmpty() ? "no details" : raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
    }
}

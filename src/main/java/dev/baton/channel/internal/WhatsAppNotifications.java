package dev.baton.channel.internal;

import dev.baton.channel.ContactDetails;
import dev.baton.channel.DeliveryStatus;
import dev.baton.channel.InboundMessage;
import dev.baton.shared.BatonException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one of Meta's webhooks says about a channel's phone number: the shoppers' messages and the statuses of the
 * messages Baton sent. Changes for another phone number (one Meta app may serve several) are left out.
 */
record WhatsAppNotifications(List<InboundMessage> messages, List<StatusReport> statuses) {

    /** Not the shopper's words: WhatsApp's notices (a changed number) and reactions to a message. */
    private static final Set<String> IGNORED_TYPES = Set.of("system", "reaction");

    /** A status of a sent message, by its wamid; {@code error} says why it FAILED. */
    record StatusReport(String providerMessageId, DeliveryStatus status, String error) {
    }

    /** Reads a verified body; a body that is not Meta's JSON is a bad request. */
    static WhatsAppNotifications read(ObjectMapper json, byte[] body, UUID accountId, UUID channelId,
            String phoneNumberId) {
        WhatsAppWebhookPayload payload = parse(json, body);
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusReport> statuses = new ArrayList<>();
        if (!WhatsAppWebhookPayload.OBJECT.equals(payload.object())) {
            return new WhatsAppNotifications(messages, statuses);
        }
        for (WhatsAppWebhookPayload.Value value : payload.values()) {
            if (phoneNumberId == null || !phoneNumberId.equals(value.phoneNumberId())) {
                continue;
            }
            for (WhatsAppWebhookPayload.Message message : WhatsAppWebhookPayload.list(value.messages())) {
                InboundMessage inbound = inbound(value, message, accountId, channelId);
                if (inbound != null) {
                    messages.add(inbound);
                }
            }
            for (WhatsAppWebhookPayload.Status status : WhatsAppWebhookPayload.list(value.statuses())) {
                StatusReport report = report(status);
                if (report != null) {
                    statuses.add(report);
                }
            }
        }
        return new WhatsAppNotifications(List.copyOf(messages), List.copyOf(statuses));
    }

    private static WhatsAppWebhookPayload parse(ObjectMapper json, byte[] body) {
        try {
            WhatsAppWebhookPayload payload = json.readValue(body, WhatsAppWebhookPayload.class);
            if (payload == null) {
                throw BatonException.badRequest("The webhook's body is empty JSON (null).");
            }
            return payload;
        } catch (JacksonException e) {
            throw BatonException.badRequest("The webhook's body is not a WhatsApp Business Account notification: "
                    + e.getOriginalMessage());
        }
    }

    private static InboundMessage inbound(WhatsAppWebhookPayload.Value value, WhatsAppWebhookPayload.Message message,
            UUID accountId, UUID channelId) {
        if (blank(message.id()) || blank(message.from()) || blank(message.type())
                || IGNORED_TYPES.contains(message.type())) {
            return null;
        }
        String waId = message.from();
        ContactDetails contact = new ContactDetails(waId, value.nameOf(waId), waId, null, true);
        if (!"text".equals(message.type())) {
            return new InboundMessage(accountId, channelId, message.id(), contact, null, message.type());
        }
        if (message.text() == null || blank(message.text().body())) {
            return null;
        }
        return InboundMessage.text(accountId, channelId, message.id(), contact, message.text().body());
    }

    private static StatusReport report(WhatsAppWebhookPayload.Status status) {
        if (blank(status.id()) || status.status() == null) {
            return null;
        }
        return switch (status.status()) {
            case "delivered" -> new StatusReport(status.id(), DeliveryStatus.DELIVERED, null);
            case "read" -> new StatusReport(status.id(), DeliveryStatus.READ, null);
            case "failed" -> new StatusReport(status.id(), DeliveryStatus.FAILED, error(status));
            // "sent" is recorded when the Graph API accepts the message; anything newer is not ours to guess
            default -> null;
        };
    }

    private static String error(WhatsAppWebhookPayload.Status status) {
        return WhatsAppWebhookPayload.list(status.errors()).stream().findFirst()
                .map(error -> {
                    String text = !blank(error.title()) ? error.title()
                            : !blank(error.message()) ? error.message() : "no reason given";
                    return error.code() == null ? text : text + " (" + error.code() + ")";
                })
                .map(text -> "WhatsApp could not deliver the message: " + text)
                .orElse("WhatsApp could not deliver the message.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

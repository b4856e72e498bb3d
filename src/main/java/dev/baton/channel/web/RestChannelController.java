package dev.baton.channel.web;

import dev.baton.account.CurrentAccount;
import dev.baton.channel.ChannelKind;
import dev.baton.channel.ContactDetails;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.InboundMessage;
import dev.baton.channel.Received;
import dev.baton.channel.internal.ChannelRepository;
import dev.baton.channel.internal.ChannelService;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/**
 * The generic REST channel: a host CRM or a custom front end posts what its contacts write; the answer comes later,
 * to the channel's callback URL and through {@code GET /api/v1/conversations/{id}/messages}.
 */
@Tag(name = "Channels", description = "Channels shoppers write on, and messages from REST channels")
@RestController
class RestChannelController {

    static final int MAX_TEXT = 4_096;
    static final int MAX_ID = 200;

    private final ChannelService channels;
    private final ConversationGateway gateway;
    private final CurrentAccount account;

    RestChannelController(ChannelService channels, ConversationGateway gateway, CurrentAccount account) {
        this.channels = channels;
        this.gateway = gateway;
        this.account = account;
    }

    record ContactRequest(String externalId, String name, String phone, String email) {
    }

    record MessageRequest(String externalMessageId, ContactRequest contact, String text) {
    }

    @Operation(summary = "A contact's message on a REST channel: stored, answered in the background (202)")
    @PostMapping("/api/v1/channels/{channelId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, UUID> receive(@PathVariable String channelId, @RequestBody(required = false) MessageRequest request) {
        ChannelRepository.StoredChannel channel = channels.stored(account.id(), channelId);
        if (channel.channel().kind() != ChannelKind.REST) {
            throw BatonException.badRequest("Channel '" + channelId + "' is a " + channel.channel().kind()
                    + " channel; only REST channels take messages through this API.");
        }
        if (request == null) {
            throw BatonException.badRequest("Send {\"externalMessageId\", \"contact\": {\"externalId\", \"name\", "
                    + "\"phone\", \"email\"}, \"text\"}.");
        }
        String messageId = required(request.externalMessageId(), "externalMessageId", MAX_ID);
        if (request.contact() == null) {
            throw BatonException.badRequest("'contact' is missing: who wrote the message, at least its 'externalId'.");
        }
        String contactId = required(request.contact().externalId(), "contact.externalId", MAX_ID);
        String text = required(request.text(), "text", MAX_TEXT);
        ContactDetails contact = new ContactDetails(contactId, optional(request.contact().name(), "contact.name", 200),
                optional(request.contact().phone(), "contact.phone", 40),
                optional(request.contact().email(), "contact.email", 320), true);
        Received received = gateway.receive(InboundMessage.text(account.id(), channel.channel().id(), messageId,
                contact, text));
        return Map.of("conversationId", received.conversationId());
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw BatonException.badRequest("'" + field + "' is missing or empty.");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw BatonException.badRequest("'" + field + "' has " + stripped.length() + " characters; the limit is " + max + ".");
        }
        return stripped;
    }
}

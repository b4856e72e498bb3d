package dev.baton.channel.internal;

import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.channel.ContactDetails;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.InboundMessage;
import dev.baton.channel.Received;
import dev.baton.channel.TranscriptLine;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The web chat widget's side of Baton. The widget is public: it names its channel by the public key pasted into the
 * store's pages, and a visitor is only the random id their browser keeps, so nothing they say about themselves is
 * verified. A visitor reads their own transcript only: it is looked up by the channel and their id together.
 */
@Service
public class WebChatService {

    public static final int MAX_TEXT = 4_096;
    private static final int MAX_KEY = 64;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final ChannelRepository channels;
    private final ConversationGateway conversations;
    private final VisitorRateLimit rateLimit;

    WebChatService(ChannelRepository channels, ConversationGateway conversations, VisitorRateLimit rateLimit) {
        this.channels = channels;
        this.conversations = conversations;
        this.rateLimit = rateLimit;
    }

    /** What the widget posts; {@code messageId} is made by the widget, so sending it again changes nothing. */
    public record VisitorMessage(String visitorId, String messageId, String text, String name, String email) {
    }

    /** Where the message went, and whether the agent is on for this widget (else only the team answers). */
    public record Sent(UUID conversationId, UUID messageId, boolean agentEnabled) {
    }

    /** The web chat channel of this widget key; 404 for an unknown key or a channel of another kind. */
    @Transactional(readOnly = true)
    public Channel channel(String publicKey) {
        if (publicKey == null || publicKey.length() > MAX_KEY) {
            throw BatonException.notFound("Web chat widget key", "'" + abbreviated(publicKey) + "'");
        }
        return channels.findByPublicKey(publicKey).map(ChannelRepository.StoredChannel::channel)
                .filter(channel -> channel.kind() == ChannelKind.WEB_CHAT)
                .orElseThrow(() -> BatonException.notFound("Web chat widget key", "'" + publicKey + "'"));
    }

    @Transactional
    public Sent receive(String publicKey, VisitorMessage message) {
        Channel channel = channel(publicKey);
        if (message == null) {
            throw BatonException.badRequest("Send {\"visitorId\", \"messageId\", \"text\"} and, if the visitor gave them, "
                    + "\"name\" and \"email\".");
        }
        String visitorId = visitorId(message.visitorId());
        String messageId = clientId(message.messageId(), "messageId");
        String text = text(message.text());
        String name = optional(message.name(), "name", 200);
        String email = optional(message.email(), "email", 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw BatonException.badRequest("'email' is not an email address: '" + abbreviated(email) + "'.");
        }
        if (!rateLimit.tryAcquire(channel.id() + ":" + visitorId)) {
            throw WebChatLimitReached.tooManyMessages(rateLimit.perMinute());
        }
        // The message id is the visitor's own: prefixed, so one visitor cannot collide with (or learn of) another's.
        Received received = conversations.receive(InboundMessage.text(channel.accountId(), channel.id(),
                visitorId + ":" + messageId, new ContactDetails(visitorId, name, null, email, false), text));
        return new Sent(received.conversationId(), received.messageId(), channel.agentEnabled());
    }

    /** The visitor's transcript after {@code after} (a seq the widget showed last; 0 for all). */
    public List<TranscriptLine> transcript(Channel channel, String visitorId, long after, int limit) {
        return conversations.transcript(channel.accountId(), channel.id(), visitorId, after, limit);
    }

    public static String visitorId(String visitorId) {
        return clientId(visitorId, "visitorId");
    }

    /** The {@code after} parameter: absent means from the start. */
    public static long after(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BatonException.badRequest("'after' must be the seq of the last line shown (a whole number, 0 or more), "
                + "not '" + abbreviated(after) + "'.");
    }

    private static String clientId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw BatonException.badRequest("'" + field + "' is missing: the widget sends a random UUID.");
        }
        if (!CLIENT_ID.matcher(value).matches()) {
            throw BatonException.badRequest("'" + field + "' must be 16 to 64 letters, digits and dashes (a UUID), not '"
                    + abbreviated(value) + "'.");
        }
        return value;
    }

    private static String text(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw BatonException.badRequest("'text' is empty: write a message.");
        }
        if (stripped.length() > MAX_TEXT) {
            throw BatonException.badRequest("The message has " + stripped.length() + " characters; the limit is "
                    + MAX_TEXT + ".");
        }
        return stripped;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw BatonException.badRequest("'" + field + "' has " + stripped.length() + " characters; the limit is "
                    + max + ".");
        }
        return stripped;
    }

    private static String abbreviated(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 70 ? value.substring(0, 70) + "..." : value;
    }
}

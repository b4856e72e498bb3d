package dev.baton.channel.internal;

import dev.baton.channel.ChannelKind;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.DeliveryUpdated;
import dev.baton.channel.InboundMessage;
import dev.baton.shared.BatonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import java.util.UUID;

/**
 * Meta's webhooks for a WhatsApp channel. The subscription handshake answers Meta's challenge when the verify
 * token matches; a notification is checked against the app secret on its raw bytes before it is parsed, then its
 * messages go to the conversations and its statuses to the deliveries, all in one transaction.
 */
@Service
public class WhatsAppWebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookIntake.class);

    private final ChannelRepository channels;
    private final ConversationGateway gateway;
    private final DeliveryRepository deliveries;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    WhatsAppWebhookIntake(ChannelRepository channels, ConversationGateway gateway, DeliveryRepository deliveries,
            ApplicationEventPublisher events, ObjectMapper json) {
        this.channels = channels;
        this.gateway = gateway;
        this.deliveries = deliveries;
        this.events = events;
        this.json = json;
    }

    /** What one notification carried for the channel, as counted after handling it. */
    public record Receipt(int messages, int statuses) {
    }

    /** The challenge to echo when Meta subscribes with the channel's verify token; 403 otherwise. */
    @Transactional(readOnly = true)
    public String verify(UUID channelId, String mode, String verifyToken, String challenge) {
        ChannelRepository.StoredChannel channel = whatsApp(channelId);
        if (!"subscribe".equals(mode) || challenge == null
                || !Sha256Signatures.sameSecret(channel.secret("verifyToken"), verifyToken)) {
            throw new Refused(403, "Forbidden", "The verify token does not match this channel's, or hub.mode is not"
                    + " 'subscribe'.");
        }
        return challenge;
    }

    @Transactional
    public Receipt receive(UUID channelId, byte[] body, String signature) {
        ChannelRepository.StoredChannel channel = whatsApp(channelId);
        if (!Sha256Signatures.valid(body, signature, channel.secret("appSecret"))) {
            log.warn("Refused a WhatsApp webhook for channel {}: {}", channel.channel().slug(),
                    signature == null ? "no X-Hub-Signature-256" : "its signature does not verify with the app secret");
            throw new Refused(401, "Unauthorized", "The webhook's signature (X-Hub-Signature-256) does not verify "
                    + "with this channel's app secret.");
        }
        WhatsAppNotifications notifications = WhatsAppNotifications.read(json, body, channel.channel().accountId(),
                channelId, channel.config("phoneNumberId"));
        for (InboundMessage message : notifications.messages()) {
            gateway.receive(message);
        }
        int statuses = 0;
        for (WhatsAppNotifications.StatusReport report : notifications.statuses()) {
            var updated = deliveries.reportStatus(channelId, report.providerMessageId(), report.status(), report.error());
            updated.ifPresent(delivery -> events.publishEvent(new DeliveryUpdated(delivery.accountId(),
                    delivery.conversationId(), delivery.messageId(), report.status(), report.error())));
            statuses += updated.isPresent() ? 1 : 0;
        }
        return new Receipt(notifications.messages().size(), statuses);
    }

    private ChannelRepository.StoredChannel whatsApp(UUID channelId) {
        return channels.findById(channelId).filter(stored -> stored.channel().kind() == ChannelKind.WHATSAPP)
                .orElseThrow(() -> BatonException.notFound("WhatsApp channel", channelId));
    }

    /** A webhook Meta did not sign, or a subscription with the wrong token. */
    static final class Refused extends BatonException {
        Refused(int status, String title, String detail) {
            super(status, title, detail);
        }
    }
}

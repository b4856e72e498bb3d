package dev.baton.conversation.internal;

import dev.baton.agent.SalesAgent;
import dev.baton.channel.Channels;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.DeliveryUpdated;
import dev.baton.channel.InboundMessage;
import dev.baton.channel.Outbox;
import dev.baton.channel.OutboundMessage;
import dev.baton.channel.Received;
import dev.baton.channel.TranscriptLine;
import dev.baton.conversation.ConversationClosed;
import dev.baton.conversation.ConversationStarted;
import dev.baton.conversation.ConversationStatus;
import dev.baton.conversation.ManagerReplied;
import dev.baton.handover.Handovers;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.Leads;
import dev.baton.shared.BatonException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes in what shoppers write (any channel), and what people do with a conversation: a manager's reply, stopping
 * the agent, closing. Answering is {@link ConversationTurns}'s job, after the message is committed.
 */
@Service
public class ConversationService implements ConversationGateway {

    static final int MAX_TEXT = 4_096;
    /** The note on a shopper's message that was not text: the turn answers that only text is read. */
    static final String UNSUPPORTED = "unsupported message type: ";

    private final ConversationRepository conversations;
    private final ContactResolver contacts;
    private final Leads leads;
    private final Outbox outbox;
    private final SalesAgent agent;
    private final Channels channels;
    private final Handovers handovers;
    private final SatisfactionSurvey survey;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, ContactResolver contacts, Leads leads, Outbox outbox,
            SalesAgent agent, Channels channels, Handovers handovers, SatisfactionSurvey survey,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.leads = leads;
        this.outbox = outbox;
        this.agent = agent;
        this.channels = channels;
        this.handovers = handovers;
        this.survey = survey;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Received receive(InboundMessage message) {
        Optional<MessageRow> seen = conversations.findByExternalId(message.channelId(), message.externalMessageId());
        if (seen.isPresent()) {
            return new Received(seen.get().conversationId(), seen.get().id(), true);
        }
        boolean text = message.text() != null && !message.text().isBlank();
        if (!text && message.unsupportedType() == null) {
            throw BatonException.badRequest("The message has no text.");
        }
        if (text && message.text().length() > MAX_TEXT) {
            throw BatonException.badRequest("The message has " + message.text().length() + " characters; the limit is "
                    + MAX_TEXT + ".");
        }
        UUID contactId = contacts.resolve(message.accountId(), message.channelId(), message.contact());
        Optional<Received> rating = text ? survey.answer(message, contactId) : Optional.empty();
        if (rating.isPresent()) {
            return rating.get();
        }
        ConversationRow conversation = openConversation(message, contactId);
        UUID messageId = UUID.randomUUID();
        String body = text ? message.text().strip() : "[" + message.unsupportedType() + "]";
        String note = text ? null : UNSUPPORTED + message.unsupportedType();
        if (!conversations.insertIncoming(messageId, message.accountId(), conversation.id(), message.channelId(),
                message.externalMessageId(), body, note)) {
            MessageRow first = conversations.findByExternalId(message.channelId(), message.externalMessageId()).orElseThrow();
            return new Received(first.conversationId(), first.id(), true);
        }
        if (conversation.status() == ConversationStatus.HANDED_OVER) {
            handovers.shopperWrote(message.accountId(), conversation.id());
        }
        events.publishEvent(new MessageReceived(message.accountId(), conversation.id()));
        return new Received(conversation.id(), messageId, false);
    }

    private ConversationRow openConversation(InboundMessage message, UUID contactId) {
        Optional<ConversationRow> open = conversations.findOpen(contactId, message.channelId());
        if (open.isPresent()) {
            return open.get();
        }
        UUID id = UUID.randomUUID();
        if (conversations.insertOpen(id, message.accountId(), contactId, message.channelId(),
                message.contact().externalId())) {
            Lead lead = leads.openLeadFor(message.accountId(), contactId, message.contact().name());
            conversations.setLead(id, lead.id());
            ConversationRow created = conversations.find(message.accountId(), id).orElseThrow();
            events.publishEvent(new ConversationStarted(message.accountId(), id, lead.id(), lead.stageId(),
                    channels.get(message.accountId(), message.channelId()).kind().name(), created.createdAt()));
            return created;
        }
        return conversations.findOpen(contactId, message.channelId()).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TranscriptLine> transcript(UUID accountId, UUID channelId, String contactExternalId, long afterSeq,
            int limit) {
        return contacts.known(accountId, channelId, contactExternalId)
                .map(contactId -> conversations.seenBy(accountId, contactId, channelId, afterSeq, limit).stream()
                        .map(m -> new TranscriptLine(m.seq(), m.id(), m.role(), m.text(), m.createdAt(), m.cards()))
                        .toList())
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public ConversationRow get(UUID accountId, UUID conversationId) {
        return conversations.find(accountId, conversationId)
                .orElseThrow(() -> BatonException.notFound("Conversation", conversationId));
    }

    @Transactional(readOnly = true)
    public List<MessageRow> messages(UUID accountId, UUID conversationId, long afterSeq, int limit) {
        get(accountId, conversationId);
        return conversations.messages(conversationId, afterSeq, limit);
    }

    @Transactional(readOnly = true)
    public List<ConversationRow> ofLead(UUID accountId, UUID leadId) {
        return conversations.byLead(accountId, leadId);
    }

    /**
     * The agent never writes in this conversation again, whatever arrives. Waits for a reply being written to
     * finish; stopping twice changes nothing.
     */
    @Transactional
    public ConversationRow stopAgent(UUID accountId, UUID conversationId, String who) {
        ConversationRow conversation = locked(accountId, conversationId);
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw BatonException.conflict("The conversation is closed; the agent no longer writes in it.");
        }
        if (conversation.status() != ConversationStatus.AGENT_STOPPED) {
            conversations.updateStatus(conversationId, ConversationStatus.AGENT_STOPPED);
            conversations.insert(accountId, conversationId, "SYSTEM", "Agent stopped by " + who + ".", "NOTE", null, null);
        }
        return get(accountId, conversationId);
    }

    /** A manager's reply, sent through the shopper's channel; the agent stops speaking in this conversation. */
    @Transactional
    public UUID reply(UUID accountId, UUID conversationId, String text, UUID userId, String who) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw BatonException.badRequest("The reply is empty.");
        }
        if (body.length() > MAX_TEXT) {
            throw BatonException.badRequest("The reply has " + body.length() + " characters; the limit is " + MAX_TEXT + ".");
        }
        ConversationRow conversation = locked(accountId, conversationId);
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw BatonException.conflict("The conversation is closed; the shopper's next message opens a new one.");
        }
        if (conversation.status() == ConversationStatus.AI_ACTIVE) {
            conversations.updateStatus(conversationId, ConversationStatus.HANDED_OVER);
            conversations.insert(accountId, conversationId, "SYSTEM", who + " took over from the agent.", "NOTE", null, null);
        }
        UUID messageId = conversations.insert(accountId, conversationId, "MANAGER", body, "PENDING", null, userId);
        outbox.send(new OutboundMessage(accountId, conversation.channelId(), conversationId, messageId,
                conversation.recipient(), "MANAGER", body));
        handovers.managerReplied(accountId, conversationId, userId);
        events.publishEvent(new ManagerReplied(accountId, conversationId, userId, clock.instant()));
        return messageId;
    }

    /**
     * A manager hands a handed-over conversation back to the agent: it answers the shopper's next message, starting
     * afresh (a new agent state: no memory of what it was waiting for before the handover). A stopped agent stays
     * stopped.
     */
    @Transactional
    public ConversationRow handBack(UUID accountId, UUID conversationId, String who) {
        ConversationRow conversation = locked(accountId, conversationId);
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw BatonException.conflict("The conversation is closed; the shopper's next message opens a new one.");
        }
        if (conversation.status() == ConversationStatus.AGENT_STOPPED) {
            throw BatonException.conflict("The agent was stopped in this conversation for good; it cannot be handed back.");
        }
        if (conversation.status() != ConversationStatus.AI_ACTIVE) {
            conversations.startAgent(conversationId, agent.start(accountId));
            handovers.handedBack(accountId, conversationId);
            conversations.insert(accountId, conversationId, "SYSTEM", who + " handed the conversation back to the agent.",
                    "NOTE", null, null);
        }
        return get(accountId, conversationId);
    }

    /** Closes the conversation: the contact's next message opens a new one. */
    @Transactional
    public ConversationRow close(UUID accountId, UUID conversationId, String who) {
        ConversationRow conversation = locked(accountId, conversationId);
        if (conversation.status() != ConversationStatus.CLOSED) {
            conversations.updateStatus(conversationId, ConversationStatus.CLOSED);
            conversations.insert(accountId, conversationId, "SYSTEM", "Closed by " + who + ".", "NOTE", null, null);
            handovers.closed(accountId, conversationId);
            ConversationRow closed = get(accountId, conversationId);
            events.publishEvent(new ConversationClosed(accountId, conversationId, closed.leadId(), stageOf(closed),
                    closed.agentConversationId() != null, closed.handedOverAt() != null, closed.createdAt(),
                    closed.closedAt()));
            return closed;
        }
        return get(accountId, conversationId);
    }

    private UUID stageOf(ConversationRow conversation) {
        return conversation.leadId() == null ? null
                : leads.find(conversation.accountId(), conversation.leadId()).map(Lead::stageId).orElse(null);
    }

    private ConversationRow locked(UUID accountId, UUID conversationId) {
        return conversations.lock(accountId, conversationId)
                .orElseThrow(() -> BatonException.notFound("Conversation", conversationId));
    }

    /** The channel's word on a reply: in the sender's transaction. */
    @EventListener
    void on(DeliveryUpdated update) {
        conversations.deliveryStatus(update.accountId(), update.messageId(), update.status().name(), update.error());
    }
}

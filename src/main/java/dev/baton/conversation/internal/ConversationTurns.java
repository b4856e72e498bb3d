package dev.baton.conversation.internal;

import dev.baton.shared.ProductCard;
import dev.baton.agent.AgentAnswer;
import dev.baton.agent.SalesAgent;
import dev.baton.channel.Channel;
import dev.baton.channel.Channels;
import dev.baton.channel.Outbox;
import dev.baton.channel.OutboundMessage;
import dev.baton.conversation.ConversationStatus;
import dev.baton.handover.Situation;
import dev.baton.pipeline.Leads;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a conversation's incoming messages one at a time, in arrival order, on any number of nodes. A turn holds
 * the conversation's row lock: it takes the oldest pending message, decides whether the agent answers it (Kommo's
 * rules: an incoming message, on a channel selected for the agent, from a lead in a stage with the AI trigger, starts
 * it; once started it serves the conversation until it hands over, is stopped or the conversation closes), and
 * commits the reply with the queued delivery. A node that finds the conversation locked leaves it to the node holding
 * it, which looks for more pending messages after it lets go, so nothing waits. A message whose node stopped before
 * answering is picked up by a recurring JobRunr job.
 */
@Component
public class ConversationTurns {

    private static final Logger log = LoggerFactory.getLogger(ConversationTurns.class);
    static final Duration STALLED_AFTER = Duration.ofSeconds(20);

    private final ConversationRepository conversations;
    private final SalesAgent agent;
    private final Channels channels;
    private final Leads leads;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HandoverStep handover;

    ConversationTurns(ConversationRepository conversations, SalesAgent agent, Channels channels, Leads leads,
            Outbox outbox, TransactionTemplate transaction, Clock clock, HandoverStep handover) {
        this.conversations = conversations;
        this.agent = agent;
        this.channels = channels;
        this.leads = leads;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.handover = handover;
    }

    /**
     * Without a transaction of its own ({@code NOT_SUPPORTED}), so each turn below commits
     * in its own transaction: a reply goes out as soon as it is written, and a turn that fails rolls back alone while
     * the message is marked and handed over in the next one.
     */
    @ApplicationModuleListener(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void on(MessageReceived event) {
        work(event.conversationId());
    }

    /** Messages that waited too long: the node that stored them stopped before answering. */
    @Recurring(id = "conversation-stalled-messages", interval = "${baton.conversation.stalled-check-interval:PT30S}")
    public void answerStalled() {
        for (UUID conversationId : conversations.withPendingSince(clock.instant().minus(STALLED_AFTER), 500)) {
            work(conversationId);
        }
    }

    /** Works off the conversation's pending messages, unless another node is already doing it. */
    public void work(UUID conversationId) {
        boolean more = true;
        while (more) {
            Boolean locked = turns(conversationId);
            // After letting go, a message that arrived while this node held the lock (and was skipped by its own
            // listener, which found the row locked) is still pending: take it now.
            more = Boolean.TRUE.equals(locked) && conversations.hasPending(conversationId);
        }
    }

    /** Answers pending messages while holding the lock; false when another node holds it. */
    private Boolean turns(UUID conversationId) {
        while (true) {
            Turn turn;
            try {
                turn = transaction.execute(status -> turn(conversationId));
            } catch (RuntimeException e) {
                log.warn("Could not answer a message of conversation {}: {}", conversationId, e.toString());
                turn = transaction.execute(status -> failed(conversationId, e));
            }
            if (turn == Turn.LOCKED_ELSEWHERE) {
                return false;
            }
            if (turn == Turn.NOTHING_PENDING) {
                return true;
            }
        }
    }

    enum Turn { ANSWERED, NOTHING_PENDING, LOCKED_ELSEWHERE }

    private Turn turn(UUID conversationId) {
        Optional<ConversationRow> locked = conversations.tryLock(conversationId);
        if (locked.isEmpty()) {
            return Turn.LOCKED_ELSEWHERE;
        }
        ConversationRow conversation = locked.get();
        Optional<MessageRow> pending = conversations.oldestPending(conversationId);
        if (pending.isEmpty()) {
            return Turn.NOTHING_PENDING;
        }
        MessageRow message = pending.get();
        String notStarted = conversation.status() == ConversationStatus.OPEN ? whyNotStarted(conversation, message) : null;
        if (!conversation.status().agentMayAnswer()) {
            conversations.markHandled(message.id(), "NOT_ANSWERED", "the agent is off here: " + conversation.status());
        } else if (notStarted != null) {
            conversations.markHandled(message.id(), "NOT_ANSWERED", notStarted);
        } else {
            answer(conversation, message);
        }
        return Turn.ANSWERED;
    }

    /** Why an incoming message does not start the agent, or null when it does. */
    private String whyNotStarted(ConversationRow conversation, MessageRow message) {
        Channel channel = channels.get(conversation.accountId(), conversation.channelId());
        if (!channel.agentEnabled()) {
            return "the channel '" + channel.slug() + "' is not selected for the agent";
        }
        if (conversation.leadId() == null || !leads.agentTriggered(conversation.accountId(), conversation.leadId())) {
            return "the lead's stage has no AI agent trigger";
        }
        Duration cooldown = leads.cooldown(conversation.accountId());
        if (!cooldown.isZero()) {
            Optional<Instant> closed = conversations.previousClosedAt(conversation.accountId(), conversation.contactId(),
                    conversation.channelId(), conversation.id());
            if (closed.isPresent() && closed.get().plus(cooldown).isAfter(message.createdAt())) {
                return "cooldown: the previous conversation closed at " + closed.get() + ", the agent waits "
                        + cooldown.toSeconds() + " s";
            }
        }
        return null;
    }

    private void answer(ConversationRow conversation, MessageRow message) {
        UUID accountId = conversation.accountId();
        UUID agentConversation = conversation.agentConversationId();
        if (conversation.status() == ConversationStatus.OPEN) {
            agentConversation = agent.start(accountId);
            conversations.startAgent(conversation.id(), agentConversation);
        }
        String reply;
        AgentAnswer answer = null;
        Situation.ContactFacts contact = Situation.ContactFacts.none();
        if (message.note() != null && message.note().startsWith(ConversationService.UNSUPPORTED)) {
            reply = agent.onlyTextSupported(accountId, agentConversation);
        } else {
            contact = handover.contactFacts(conversation);
            answer = agent.answer(accountId, agentConversation, message.text(), contact);
            reply = answer.text();
        }
        List<ProductCard> cards = answer == null ? List.of() : answer.cards();
        UUID replyId = conversations.insert(accountId, conversation.id(), "AGENT", reply, "PENDING", null, null,
                message.id(), cards);
        outbox.send(new OutboundMessage(accountId, conversation.channelId(), conversation.id(), replyId,
                conversation.recipient(), "AGENT", reply, cards));
        conversations.markHandled(message.id(), "ANSWERED", null);
        if (answer != null && answer.handover()) {
            ConversationRow current = conversations.find(accountId, conversation.id()).orElseThrow();
            handover.handOver(current, answer.language(), answer.reasons(), answer.evidence(), contact);
        }
    }

    /** The agent failed on a message (the database, a bug): the message is marked, the team takes over. */
    private Turn failed(UUID conversationId, RuntimeException error) {
        Optional<ConversationRow> locked = conversations.tryLock(conversationId);
        if (locked.isEmpty()) {
            return Turn.LOCKED_ELSEWHERE;
        }
        Optional<MessageRow> pending = conversations.oldestPending(conversationId);
        if (pending.isEmpty()) {
            return Turn.NOTHING_PENDING;
        }
        conversations.markHandled(pending.get().id(), "NOT_ANSWERED", "Baton could not answer: " + error);
        if (locked.get().status() == ConversationStatus.AI_ACTIVE) {
            ConversationRow conversation = locked.get();
            String language = handover.tellShopper(conversation, pending.get(), List.of("TECHNICAL_ISSUE"));
            handover.handOver(conversation, language, List.of("TECHNICAL_ISSUE"),
                    List.of("TECHNICAL_ISSUE: Baton could not answer a message: " + error), Situation.ContactFacts.none());
        }
        return Turn.ANSWERED;
    }
}

package dev.baton.agent;

import dev.baton.handover.Situation;

import java.util.List;
import java.util.UUID;

/**
 * The sales agent as other modules use it: a conversation in a channel gets the agent's own state (language, what
 * it is waiting for, memory, the trace of each reply), then one answer per shopper message.
 */
public interface SalesAgent {

    /** Starts the agent's state for a new conversation; its id is passed to every {@link #answer}. */
    UUID start(UUID accountId);

    /**
     * Answers one shopper message. Callers answer one message of a conversation at a time (the agent also locks its
     * state), and send the answer's text to the shopper.
     */
    default AgentAnswer answer(UUID accountId, UUID agentConversationId, String text) {
        return answer(accountId, agentConversationId, text, Situation.ContactFacts.none());
    }

    /**
     * Answers one shopper message knowing what the store knows of the contact (their orders and spend, whether they
     * have an open issue on another channel), which the VIP and channel-switch handover rules judge.
     */
    AgentAnswer answer(UUID accountId, UUID agentConversationId, String text, Situation.ContactFacts contact);

    /**
     * What the agent did in the conversation, oldest first: each tool call with its arguments and the start of its
     * result ("lookupOrder {orderNumber=#1001} -> #1001: paid, shipped"), for a manager's summary.
     */
    List<String> actions(UUID accountId, UUID agentConversationId);

    /** The conversation's language (ISO 639-1): the shopper's so far, else the account's default. */
    String language(UUID accountId, UUID agentConversationId);

    /** The polite "I can only read text" reply, in the conversation's language, for a photo or a voice note. */
    String onlyTextSupported(UUID accountId, UUID agentConversationId);
}

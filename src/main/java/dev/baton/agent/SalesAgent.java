package dev.baton.agent;

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
    AgentAnswer answer(UUID accountId, UUID agentConversationId, String text);

    /** The polite "I can only read text" reply, in the conversation's language, for a photo or a voice note. */
    String onlyTextSupported(UUID accountId, UUID agentConversationId);
}

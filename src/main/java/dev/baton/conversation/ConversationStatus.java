package dev.baton.conversation;

/**
 * Where a conversation is. {@code OPEN}: the agent has not started in it (its channel or the lead's stage does not
 * trigger it), the team answers. The agent starts ({@code AI_ACTIVE}) on an incoming message on a selected channel
 * from a lead in a triggered stage, and stops for good when it hands over ({@code HANDED_OVER}), when someone stops
 * it ({@code AGENT_STOPPED}), or when the conversation is {@code CLOSED}.
 */
public enum ConversationStatus {
    OPEN, AI_ACTIVE, HANDED_OVER, AGENT_STOPPED, CLOSED;

    /** The agent may still start (OPEN) or go on (AI_ACTIVE). */
    public boolean agentMayAnswer() {
        return this == OPEN || this == AI_ACTIVE;
    }
}

package dev.baton.agent.internal;

/**
 * One message of a conversation: the shopper's ({@code role} "customer", no trace) or the agent's ("agent", with
 * the trace of that reply).
 */
public record ConversationMessage(String role, String text, Trace trace) {

    public boolean fromAgent() {
        return "agent".equals(role);
    }
}

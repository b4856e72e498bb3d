package dev.baton.agent;

import java.util.List;

/**
 * The agent's answer to one message: what to send, in which language (ISO 639-1), and whether a person should take
 * over and why (reason codes such as {@code HUMAN_REQUESTED}).
 */
public record AgentAnswer(String text, String language, boolean handover, List<String> reasons) {

    public AgentAnswer {
        reasons = List.copyOf(reasons);
    }
}

package dev.baton.agent.internal;

import java.util.List;

/** The agent's answer to one message: what to send, in which language, whether a person takes over and why. */
public record AgentReply(String text, Language language, boolean handover, List<String> reasons, Trace trace) {
}

package dev.baton.agent.internal;

import dev.baton.shared.ProductCard;

import java.util.List;

/**
 * The agent's answer to one message: what to send, in which language, whether a person takes over and why, and the
 * products it shows as cards (none when a person takes over).
 */
public record AgentReply(String text, Language language, boolean handover, List<String> reasons, Trace trace,
        List<ProductCard> cards) {

    public AgentReply {
        cards = List.copyOf(cards);
    }
}

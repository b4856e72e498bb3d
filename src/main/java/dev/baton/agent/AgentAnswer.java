package dev.baton.agent;

import dev.baton.shared.ProductCard;

import java.util.List;

/**
 * The agent's answer to one message: what to send, in which language (ISO 639-1), and whether a person should take
 * over, why (reason codes such as {@code HUMAN_REQUESTED}) and on what evidence ("HUMAN_REQUESTED: phrase: ..."),
 * and the products the answer shows, for the channel to draw as cards under the text.
 */
public record AgentAnswer(String text, String language, boolean handover, List<String> reasons, List<String> evidence,
        List<ProductCard> cards) {

    public AgentAnswer {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        cards = List.copyOf(cards);
    }

    public AgentAnswer(String text, String language, boolean handover, List<String> reasons) {
        this(text, language, handover, reasons, List.of(), List.of());
    }
}

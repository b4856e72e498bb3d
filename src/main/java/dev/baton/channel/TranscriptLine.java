package dev.baton.channel;

import dev.baton.shared.ProductCard;
import java.util.List;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of what a contact sees on a channel, for the web chat widget: {@code seq} grows with every message
 * of the account, so a widget asks for what came after the last one it showed. {@code role} is SHOPPER, AGENT,
 * MANAGER or SYSTEM; {@code cards} the products an agent reply shows under its text.
 */
public record TranscriptLine(long seq, UUID messageId, String role, String text, Instant at, List<ProductCard> cards) {

    public TranscriptLine {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }

    /** A line with no product cards. */
    public TranscriptLine(long seq, UUID messageId, String role, String text, Instant at) {
        this(seq, messageId, role, text, at, List.of());
    }
}

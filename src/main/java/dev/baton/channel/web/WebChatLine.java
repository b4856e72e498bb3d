package dev.baton.channel.web;

import dev.baton.shared.ProductCard;
import dev.baton.channel.TranscriptLine;

import java.util.List;
import java.time.Instant;
import java.util.UUID;

/** One line of a visitor's transcript as the widget reads it. */
record WebChatLine(long seq, UUID id, String role, String text, Instant at, List<ProductCard> cards) {

    static WebChatLine of(TranscriptLine line) {
        return new WebChatLine(line.seq(), line.messageId(), line.role(), line.text(), line.at(), line.cards());
    }
}

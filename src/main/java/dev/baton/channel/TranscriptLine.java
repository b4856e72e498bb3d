package dev.baton.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of what a contact sees on a channel, for the web chat widget: {@code seq} grows with every message
 * of the account, so a widget asks for what came after the last one it showed. {@code role} is SHOPPER, AGENT,
 * MANAGER or SYSTEM.
 */
public record TranscriptLine(long seq, UUID messageId, String role, String text, Instant at) {
}

package dev.baton.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation being handed over, as the conversation module knows it: who, where (channel kind WEB_CHAT,
 * WHATSAPP, REST), the shopper's language, the reason codes with their evidence, the transcript so far and what the
 * agent did (its tool calls and their results), and the store's facts about the contact.
 */
public record HandoverRequest(UUID accountId, UUID conversationId, UUID leadId, UUID contactId, String contactName,
        String channelKind, String language, Instant conversationStartedAt, List<String> reasons,
        List<String> evidence, List<Line> transcript, List<String> agentActions, Situation.ContactFacts contact) {

    public HandoverRequest {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        transcript = List.copyOf(transcript);
        agentActions = List.copyOf(agentActions);
        contact = contact == null ? Situation.ContactFacts.none() : contact;
    }

    /** A line of the transcript: {@code role} SHOPPER, AGENT, MANAGER or SYSTEM. */
    public record Line(String role, String text, Instant at) {
    }
}

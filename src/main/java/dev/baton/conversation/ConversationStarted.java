package dev.baton.conversation;

import java.time.Instant;
import java.util.UUID;

/** A contact's new conversation on a channel ({@code channelKind}: WEB_CHAT, WHATSAPP, REST). */
public record ConversationStarted(UUID accountId, UUID conversationId, UUID leadId, UUID stageId, String channelKind,
        Instant at) {
}

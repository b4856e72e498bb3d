package dev.baton.conversation.internal;

import java.util.UUID;

/** An incoming message was stored; the conversation's queue is worked off after the commit. */
record MessageReceived(UUID accountId, UUID conversationId) {
}

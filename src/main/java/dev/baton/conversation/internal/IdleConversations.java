package dev.baton.conversation.internal;

import dev.baton.conversation.ConversationStatus;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Closes the conversations the agent serves once they go quiet (the account's {@code idleCloseAfterMinutes}, 0:
 * never), so a conversation the agent resolved counts as resolved. A handed-over conversation waits for people and
 * is never closed here. Each close re-checks under the conversation's row lock, so a message that just arrived keeps
 * it open, and any number of nodes may run this.
 */
@Component
public class IdleConversations {

    private static final Logger log = LoggerFactory.getLogger(IdleConversations.class);
    static final int BATCH = 500;

    private final IdleConversationRepository idleConversations;
    private final ConversationRepository conversations;
    private final ConversationService service;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdleConversations(IdleConversationRepository idleConversations, ConversationRepository conversations,
            ConversationService service, TransactionTemplate transaction, Clock clock) {
        this.idleConversations = idleConversations;
        this.conversations = conversations;
        this.service = service;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Recurring(id = "conversation-idle-close", interval = "${baton.conversation.idle-check-interval:PT5M}")
    public void closeIdle() {
        int defaultMinutes = ConversationSettings.DEFAULT_IDLE_CLOSE_MINUTES;
        for (int minutes : idleConversations.idleThresholds(defaultMinutes)) {
            Instant cutoff = clock.instant().minus(Duration.ofMinutes(minutes));
            for (IdleConversationRepository.Idle idle
                    : idleConversations.idleSince(minutes, defaultMinutes, cutoff, BATCH)) {
                try {
                    transaction.executeWithoutResult(status -> closeIfIdle(idle, cutoff, minutes));
                } catch (RuntimeException e) {
                    log.warn("Could not close idle conversation {}: {}", idle.conversationId(), e.toString());
                }
            }
        }
    }

    private void closeIfIdle(IdleConversationRepository.Idle idle, Instant cutoff, int minutes) {
        Optional<ConversationRow> locked = conversations.lock(idle.accountId(), idle.conversationId());
        if (locked.isEmpty() || locked.get().status() != ConversationStatus.AI_ACTIVE
                || idleConversations.hasMessageSince(idle.conversationId(), cutoff)) {
            return;
        }
        service.close(idle.accountId(), idle.conversationId(), "Baton (no messages for " + quiet(minutes) + ")");
    }

    static String quiet(int minutes) {
        if (minutes % 60 != 0) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        int hours = minutes / 60;
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}

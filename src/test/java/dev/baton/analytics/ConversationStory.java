package dev.baton.analytics;

import dev.baton.conversation.ConversationClosed;
import dev.baton.conversation.ConversationStarted;
import dev.baton.conversation.CsatRated;
import dev.baton.conversation.ManagerReplied;
import dev.baton.handover.ConversationHandedOver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One conversation told as the events the conversation and handover modules publish, in the order they happen. */
public final class ConversationStory {

    private final UUID accountId;
    private final UUID conversationId = UUID.randomUUID();
    private final UUID leadId = UUID.randomUUID();
    private final UUID stageId;
    private final Instant startedAt;
    private final List<Object> events = new ArrayList<>();
    private boolean agentStarted;
    private boolean handedOver;

    private ConversationStory(UUID accountId, UUID stageId, Instant startedAt) {
        this.accountId = accountId;
        this.stageId = stageId;
        this.startedAt = startedAt;
        events.add(new ConversationStarted(accountId, conversationId, leadId, stageId, "REST", startedAt));
    }

    public static ConversationStory started(UUID accountId, UUID stageId, Instant at) {
        return new ConversationStory(accountId, stageId, at);
    }

    public ConversationStory agentAnswers() {
        agentStarted = true;
        return this;
    }

    /** The agent hands over {@code after} the start; a person should answer within {@code sla}. */
    public ConversationStory handedOver(Duration after, Duration sla, String... reasons) {
        agentStarted = true;
        handedOver = true;
        Instant at = startedAt.plus(after);
        events.add(new ConversationHandedOver(accountId, conversationId, UUID.randomUUID(), leadId, stageId,
                List.of(reasons), "NORMAL", null, at.plus(sla), startedAt, at));
        return this;
    }

    public ConversationStory managerReplies(Duration after) {
        events.add(new ManagerReplied(accountId, conversationId, null, startedAt.plus(after)));
        return this;
    }

    public ConversationStory closed(Duration after) {
        events.add(new ConversationClosed(accountId, conversationId, leadId, stageId, agentStarted, handedOver,
                startedAt, startedAt.plus(after)));
        return this;
    }

    public ConversationStory rated(int score, Duration after) {
        events.add(new CsatRated(accountId, conversationId, score, startedAt.plus(after)));
        return this;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public List<Object> events() {
        return List.copyOf(events);
    }
}

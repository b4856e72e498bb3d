package dev.baton.analytics.internal;

import dev.baton.conversation.ConversationClosed;
import dev.baton.conversation.ConversationStarted;
import dev.baton.conversation.CsatRated;
import dev.baton.conversation.ManagerReplied;
import dev.baton.handover.ConversationHandedOver;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the fact table from the events of the conversation and handover modules, each in a transaction of its own
 * after the publisher's commit; a listener that fails stays in the event publication registry and runs again when Baton restarts.
 */
@Component
class ConversationFacts {

    static final String AGENT = "AGENT";
    static final String PEOPLE = "PEOPLE";

    private final ConversationFactRepository facts;

    ConversationFacts(ConversationFactRepository facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(ConversationStarted event) {
        facts.started(event.accountId(), event.conversationId(), event.leadId(), event.stageId(), event.channelKind(),
                event.at());
    }

    @ApplicationModuleListener
    void on(ConversationHandedOver event) {
        facts.handedOver(event.accountId(), event.conversationId(), event.at(), event.reasons(), event.priority(),
                event.slaDueAt());
        facts.startKnownFromLater(event.accountId(), event.conversationId(), event.leadId(), event.stageId(),
                event.conversationStartedAt());
    }

    @ApplicationModuleListener
    void on(ManagerReplied event) {
        facts.managerReplied(event.accountId(), event.conversationId(), event.at());
    }

    /** Resolved by the agent: it answered and never handed over; anything else needed people. */
    @ApplicationModuleListener
    void on(ConversationClosed event) {
        facts.closed(event.accountId(), event.conversationId(), event.at(), event.agentStarted(),
                event.agentStarted() && !event.handedOver() ? AGENT : PEOPLE);
        facts.startKnownFromLater(event.accountId(), event.conversationId(), event.leadId(), event.stageId(),
                event.startedAt());
    }

    @ApplicationModuleListener
    void on(CsatRated event) {
        facts.rated(event.accountId(), event.conversationId(), event.score(), event.at());
    }
}

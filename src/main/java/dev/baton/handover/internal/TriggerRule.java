package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;

import java.util.List;

/** One handover reason's checks; empty when it does not fire. */
interface TriggerRule {

    HandoverReason reason();

    List<Evidence> check(ConversationSoFar conversation, RuleSetting setting);
}

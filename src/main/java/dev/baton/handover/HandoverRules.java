package dev.baton.handover;

import java.util.UUID;

/** The handover decision for one moment of a conversation, under the account's rule settings. */
public interface HandoverRules {

    Decision evaluate(UUID accountId, Situation situation);

    /** The reasons switched on for the account: a chat model may hand over for these only. */
    java.util.Set<HandoverReason> enabled(UUID accountId);
}

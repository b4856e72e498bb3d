package dev.baton.handover;

import java.util.UUID;

/** The handover decision for one moment of a conversation, under the account's rule settings. */
public interface HandoverRules {

    Decision evaluate(UUID accountId, Situation situation);

    /** The reasons switched on for the account: a chat model may hand over for these only. */
    java.util.Set<HandoverReason> enabled(UUID accountId);

    /** The version of the trained classifiers that judge beside the rules, or empty when they are not loaded. */
    java.util.Optional<String> classifierVersion();
}

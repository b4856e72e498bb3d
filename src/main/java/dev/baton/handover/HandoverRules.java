package dev.baton.handover;

import java.util.UUID;

/** The handover decision for one moment of a conversation, under the account's rule settings. */
public interface HandoverRules {

    Decision evaluate(UUID accountId, Situation situation);
}

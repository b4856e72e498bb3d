package dev.baton.handover.internal;

import java.util.UUID;

/** Where an account's rule settings come from: the database over the defaults, or the defaults alone in tests. */
@FunctionalInterface
interface RuleBooks {

    RuleBook forAccount(UUID accountId);
}

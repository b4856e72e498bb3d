/**
 * When the agent should stop and hand the shopper to a person: ten named trigger rules ({@link
 * dev.baton.handover.HandoverReason}), each with its own switch and thresholds per account, evaluated on the
 * conversation so far and the reply the agent is about to send. A decision names every rule that fired and the
 * evidence it fired on, so a manager can see why.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handover",
        allowedDependencies = { "knowledge", "account", "pipeline", "shared" })
package dev.baton.handover;

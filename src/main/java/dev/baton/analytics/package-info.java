/**
 * Analytics for managers: how many conversations the agent resolved and how many needed people, handovers by
 * reason over time, how long shoppers waited for a handover and then for a person, SLA breaches, per pipeline stage,
 * and the satisfaction survey's answers. Its own fact table (one row per conversation) is filled from the public
 * events of the conversation and handover modules; no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = { "conversation", "handover", "pipeline", "account", "shared" })
package dev.baton.analytics;

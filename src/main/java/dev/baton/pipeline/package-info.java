/**
 * The CRM core for standalone use (host CRMs map onto it): pipelines with ordered stages, leads in them, and where
 * the agent works: the "AI agent" trigger per stage, the cooldown after a conversation closes, and conflicts with
 * other automations on a stage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipelines")
package dev.baton.pipeline;

package dev.baton.pipeline.internal;

/** Whether the agent answers shoppers: it needs a selected channel and a stage with its trigger. */
public enum AgentStatus {
    /** A channel is selected and a stage has the trigger: the agent answers leads' messages there. */
    ACTIVE,
    /** No channel is selected: the agent can be saved and tried in the playground only. */
    PLAYGROUND_ONLY,
    /** No stage has the AI agent trigger: no lead starts the agent. */
    INACTIVE
}

package dev.baton.pipeline;

import java.util.List;
import java.util.UUID;

/**
 * A stage of a pipeline, in {@code position} order. {@code aiTrigger} is the "AI agent" trigger: a message from a
 * lead in this stage, on a selected channel, starts the agent. {@code automations} names other automations (another
 * bot) on the stage; with the trigger on, that is a conflict.
 */
public record Stage(UUID id, UUID pipelineId, String name, int position, StageKind kind, boolean aiTrigger,
        List<String> automations) {

    public Stage {
        automations = List.copyOf(automations);
    }

    public boolean conflicting() {
        return aiTrigger && !automations.isEmpty();
    }
}

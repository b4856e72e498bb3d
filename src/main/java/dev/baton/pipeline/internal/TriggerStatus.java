package dev.baton.pipeline.internal;

import dev.baton.channel.Channel;
import dev.baton.pipeline.Stage;

import java.util.List;

/**
 * Where the agent works, as the Pipeline and Agent settings pages and the API show it: its status with the sentence
 * that explains it, the stages with its trigger, the channels selected for it, the cooldown, and the stages where
 * another automation conflicts with it.
 */
public record TriggerStatus(AgentStatus status, String explanation, List<TriggeredStage> stages,
        List<Channel> channels, int cooldownSeconds, List<TriggeredStage> conflicts) {

    public TriggerStatus {
        stages = List.copyOf(stages);
        channels = List.copyOf(channels);
        conflicts = List.copyOf(conflicts);
    }

    /** A stage with the trigger, and the name of its pipeline. */
    public record TriggeredStage(Stage stage, String pipelineName) {

        public String warning() {
            return PipelineEditor.conflictWarning(stage);
        }
    }
}

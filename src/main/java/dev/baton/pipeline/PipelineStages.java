package dev.baton.pipeline;

import java.util.List;
import java.util.UUID;

/** A pipeline's name with its stages in order, for other modules that let people pick a stage. */
public record PipelineStages(UUID pipelineId, String pipelineName, List<Stage> stages) {

    public PipelineStages {
        stages = List.copyOf(stages);
    }
}

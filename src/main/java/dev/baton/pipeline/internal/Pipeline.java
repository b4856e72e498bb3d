package dev.baton.pipeline.internal;

import dev.baton.pipeline.Stage;

import java.util.List;
import java.util.UUID;

/** A pipeline with its stages, in order. */
public record Pipeline(UUID id, String name, int position, List<Stage> stages) {

    public Pipeline {
        stages = List.copyOf(stages);
    }
}

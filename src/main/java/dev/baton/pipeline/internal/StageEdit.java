package dev.baton.pipeline.internal;

import dev.baton.pipeline.Stage;

import java.util.List;

/** A stage as saved, with what the user should know about it: the conflict the change has made, if any. */
public record StageEdit(Stage stage, List<String> warnings) {

    public StageEdit {
        warnings = List.copyOf(warnings);
    }
}

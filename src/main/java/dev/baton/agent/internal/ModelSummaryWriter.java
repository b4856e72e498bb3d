package dev.baton.agent.internal;

import dev.baton.handover.SummaryWriter;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The handover's summaries written by the configured chat model; nothing when none is configured. */
@Component
class ModelSummaryWriter implements SummaryWriter {

    private final ModelResponder model;

    ModelSummaryWriter(ModelResponder model) {
        this.model = model;
    }

    @Override
    public boolean available() {
        return model.configured();
    }

    @Override
    public Optional<String> write(UUID accountId, String instructions, String material) {
        return model.configured() ? model.complete(instructions, material) : Optional.empty();
    }
}

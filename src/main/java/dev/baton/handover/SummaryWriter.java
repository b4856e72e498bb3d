package dev.baton.handover;

import java.util.Optional;
import java.util.UUID;

/**
 * Writes a handover summary with a chat model, when one is configured (the agent module provides it). Empty when
 * there is no model or it failed: the extractive summary stays.
 */
public interface SummaryWriter {

    /** Whether a model is there to write at all (when not, the handover does not even read the material). */
    boolean available();

    Optional<String> write(UUID accountId, String instructions, String material);
}

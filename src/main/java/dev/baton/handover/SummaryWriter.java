package dev.baton.handover;

import java.util.Optional;
import java.util.UUID;

/**
 * Writes a handover summary with a chat model, when one is configured (the agent module provides it). Empty when
 * there is no model or it failed: the extractive summary stays.
 */
public interface SummaryWriter {

    Optional<String> write(UUID accountId, String instructions, String material);
}

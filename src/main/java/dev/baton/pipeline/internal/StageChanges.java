package dev.baton.pipeline.internal;

import dev.baton.pipeline.StageKind;

import java.util.List;

/**
 * What a stage is made of, or what changes in it: each field left null stays as it is (for a new stage: a name is
 * needed; an open stage before the won and lost ones, no trigger, no automations otherwise).
 */
public record StageChanges(String name, Integer position, StageKind kind, Boolean aiTrigger, List<String> automations) {
}

package dev.baton.knowledge.internal;

/** Whether a source's current text is what the agent searches. */
public enum SourceStatus {
    PENDING, INDEXED, FAILED
}

package dev.baton.knowledge.internal;

/** How many of an account's sources are in each state; archived sources count only as archived. */
public record SourceCounts(long total, long indexed, long pending, long failed, long archived) {
}

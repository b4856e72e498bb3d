package dev.baton.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figures of a period (both dates included, in the account's time zone). A conversation counts in the period
 * it started in; a handover, and what followed it (the wait for a person, the SLA), in the period it happened in.
 * Durations are in seconds; a percentile or an average with nothing to measure is null.
 */
public record AnalyticsReport(LocalDate from, LocalDate to, Conversations conversations, Handovers handovers,
        Durations timeToHandover, FirstReply timeToFirstHumanReply, Sla sla, List<StageFigures> byStage, Csat csat) {

    /** {@code open}: not closed yet, so resolved by nobody so far. */
    public record Conversations(long total, long resolvedByAgent, long resolvedByPeople, long open) {
    }

    /**
     * {@code byReason} and {@code byDay} count each handover once, under its first reason (its category);
     * {@code allReasons} counts every reason a handover named.
     */
    public record Handovers(long total, Map<String, Long> byReason, Map<String, Long> allReasons, List<Day> byDay) {
    }

    /** Every day of the period, with the handovers of each reason that day (reasons with none left out). */
    public record Day(LocalDate date, long total, Map<String, Long> reasons) {
    }

    public record Durations(Long p50Seconds, Long p90Seconds, long count) {
    }

    /** {@code waiting}: handed over, no person has replied yet, and the conversation is still open. */
    public record FirstReply(Long p50Seconds, Long p90Seconds, long count, long waiting) {
    }

    /**
     * Handovers with a due time: {@code breached} (a person replied after it, or has not and it has passed),
     * {@code met} (replied by then), {@code open} (no reply yet, still time).
     */
    public record Sla(long breached, long met, long open) {
    }

    public record StageFigures(UUID stageId, String stageName, long conversations, long handovers,
            long resolvedByAgent, long resolvedByPeople) {
    }

    /**
     * Survey answers by who resolved the conversation: the agent alone, people after the agent (handed or taken
     * over), or the team without the agent.
     */
    public record Csat(Score aiOnly, Score handedOver, Score teamOnly) {
    }

    public record Score(long responses, Double average) {
    }
}

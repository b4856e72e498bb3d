package dev.baton.analytics.internal;

import dev.baton.account.Accounts;
import dev.baton.analytics.internal.AnalyticsQueries.CsatGroup;
import dev.baton.analytics.internal.AnalyticsQueries.HandoverFact;
import dev.baton.analytics.internal.AnalyticsQueries.StageCounts;
import dev.baton.analytics.internal.AnalyticsReport.Conversations;
import dev.baton.analytics.internal.AnalyticsReport.Csat;
import dev.baton.analytics.internal.AnalyticsReport.Day;
import dev.baton.analytics.internal.AnalyticsReport.Durations;
import dev.baton.analytics.internal.AnalyticsReport.FirstReply;
import dev.baton.analytics.internal.AnalyticsReport.Handovers;
import dev.baton.analytics.internal.AnalyticsReport.Score;
import dev.baton.analytics.internal.AnalyticsReport.Sla;
import dev.baton.analytics.internal.AnalyticsReport.StageFigures;
import dev.baton.handover.HandoverReason;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Works out an account's report for a period from the fact table. */
@Service
public class AnalyticsReports {

    private final AnalyticsQueries queries;
    private final Leads leads;
    private final Accounts accounts;
    private final Clock clock;

    AnalyticsReports(AnalyticsQueries queries, Leads leads, Accounts accounts, Clock clock) {
        this.queries = queries;
        this.leads = leads;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The period from the request's dates (YYYY-MM-DD, either may be missing), in the account's time zone. */
    public ReportPeriod period(UUID accountId, String from, String to) {
        return ReportPeriod.parse(from, to, ZoneId.of(accounts.settings(accountId).timeZone()), clock);
    }

    @Transactional(readOnly = true)
    public AnalyticsReport report(UUID accountId, ReportPeriod period) {
        Instant from = period.start();
        Instant to = period.end();
        List<StageCounts> stages = queries.byStage(accountId, from, to);
        List<HandoverFact> handovers = queries.handovers(accountId, from, to);
        return new AnalyticsReport(period.from(), period.to(), conversations(stages),
                handovers(handovers, queries.allReasons(accountId, from, to), period), timeToHandover(handovers),
                timeToFirstHumanReply(handovers), sla(handovers, clock.instant()), stages(accountId, stages),
                csat(queries.csat(accountId, from, to)));
    }

    private static Conversations conversations(List<StageCounts> stages) {
        return new Conversations(stages.stream().mapToLong(StageCounts::conversations).sum(),
                stages.stream().mapToLong(StageCounts::resolvedByAgent).sum(),
                stages.stream().mapToLong(StageCounts::resolvedByPeople).sum(),
                stages.stream().mapToLong(StageCounts::open).sum());
    }

    private static Handovers handovers(List<HandoverFact> handovers, Map<String, Long> named, ReportPeriod period) {
        Map<String, Long> byReason = allCodes();
        Map<String, Long> allReasons = allCodes();
        named.forEach((reason, count) -> allReasons.merge(reason, count, Long::sum));
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            days.put(day, new LinkedHashMap<>());
        }
        for (HandoverFact handover : handovers) {
            String reason = handover.reason() == null ? "UNKNOWN" : handover.reason();
            byReason.merge(reason, 1L, Long::sum);
            LocalDate day = LocalDate.ofInstant(handover.handedOverAt(), period.zone());
            days.computeIfAbsent(day, d -> new LinkedHashMap<>()).merge(reason, 1L, Long::sum);
        }
        List<Day> byDay = days.entrySet().stream().map(day -> new Day(day.getKey(),
                day.getValue().values().stream().mapToLong(Long::longValue).sum(), ordered(day.getValue()))).toList();
        return new Handovers(handovers.size(), byReason, allReasons, byDay);
    }

    private static Map<String, Long> allCodes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (HandoverReason reason : HandoverReason.values()) {
            counts.put(reason.name(), 0L);
        }
        return counts;
    }

    /** The reasons in the codes' order, the ones with none left out. */
    private static Map<String, Long> ordered(Map<String, Long> counts) {
        Map<String, Long> ordered = allCodes();
        counts.forEach((reason, count) -> ordered.merge(reason, count, Long::sum));
        ordered.values().removeIf(count -> count == 0);
        return ordered;
    }

    private static Durations timeToHandover(List<HandoverFact> handovers) {
        List<Long> seconds = handovers.stream().filter(h -> h.startedAt() != null)
                .map(h -> seconds(h.startedAt(), h.handedOverAt())).toList();
        return new Durations(Percentiles.of(seconds, 50), Percentiles.of(seconds, 90), seconds.size());
    }

    private static FirstReply timeToFirstHumanReply(List<HandoverFact> handovers) {
        List<Long> seconds = handovers.stream().filter(h -> h.firstHumanReplyAt() != null)
                .map(h -> seconds(h.handedOverAt(), h.firstHumanReplyAt())).toList();
        long waiting = handovers.stream().filter(h -> h.firstHumanReplyAt() == null && h.closedAt() == null).count();
        return new FirstReply(Percentiles.of(seconds, 50), Percentiles.of(seconds, 90), seconds.size(), waiting);
    }

    private static Sla sla(List<HandoverFact> handovers, Instant now) {
        long breached = 0;
        long met = 0;
        long open = 0;
        for (HandoverFact handover : handovers) {
            Instant due = handover.slaDueAt();
            Instant reply = handover.firstHumanReplyAt();
            if (due == null) {
                continue;
            }
            if (reply != null) {
                if (reply.isAfter(due)) {
                    breached++;
                } else {
                    met++;
                }
            } else if (now.isAfter(due)) {
                breached++;
            } else {
                open++;
            }
        }
        return new Sla(breached, met, open);
    }

    /** The stages in their pipelines' order; a stage deleted since, and conversations without one, last. */
    private List<StageFigures> stages(UUID accountId, List<StageCounts> counts) {
        record Named(StageCounts counts, Optional<Stage> stage) {
        }
        List<Named> named = new ArrayList<>(counts.stream()
                .map(c -> new Named(c, c.stageId() == null ? Optional.empty() : leads.stage(accountId, c.stageId())))
                .toList());
        named.sort(Comparator.comparing((Named n) -> n.stage().map(s -> s.pipelineId().toString()).orElse("~"))
                .thenComparing(n -> n.stage().map(Stage::position).orElse(Integer.MAX_VALUE))
                .thenComparing(n -> -n.counts().conversations()));
        return named.stream().map(n -> new StageFigures(n.counts().stageId(), n.stage().map(Stage::name)
                        .orElse(n.counts().stageId() == null ? "No stage" : "Deleted stage"),
                n.counts().conversations(), n.counts().handovers(), n.counts().resolvedByAgent(),
                n.counts().resolvedByPeople())).toList();
    }

    private static Csat csat(List<CsatGroup> groups) {
        long[] aiOnly = new long[2];
        long[] handedOver = new long[2];
        long[] teamOnly = new long[2];
        for (CsatGroup group : groups) {
            long[] into;
            if (ConversationFacts.AGENT.equals(group.resolvedBy())) {
                into = aiOnly;
            } else if (ConversationFacts.PEOPLE.equals(group.resolvedBy())) {
                into = Boolean.TRUE.equals(group.agentStarted()) ? handedOver : teamOnly;
            } else {
                continue; // rated, but the close is not recorded yet
            }
            into[0] += group.responses();
            into[1] += group.scoreSum();
        }
        return new Csat(score(aiOnly), score(handedOver), score(teamOnly));
    }

    private static Score score(long[] responsesAndSum) {
        return new Score(responsesAndSum[0], responsesAndSum[0] == 0 ? null
                : Math.round(100.0 * responsesAndSum[1] / responsesAndSum[0]) / 100.0);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}

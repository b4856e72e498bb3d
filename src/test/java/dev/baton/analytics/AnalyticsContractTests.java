package dev.baton.analytics;

import dev.baton.account.internal.TestAccounts;
import dev.baton.account.internal.TestAccounts.NewAccount;
import dev.baton.conversation.ConversationClosed;
import dev.baton.conversation.CsatRated;
import dev.baton.conversation.ManagerReplied;
import dev.baton.pipeline.PipelineApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics facts and report, run once per storage mode by its subclasses. A seeded set of conversations (each
 * told as its events) gives known figures; the same events out of order, delivered twice and handled at the same
 * time give the same figures; another account sees none of them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsContractTests {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    AnalyticsEvents events;
    Instant now;
    /** Three days ago, 00:00 UTC: the seeded conversations start then and on the two days after. */
    Instant day0;

    @BeforeAll
    void setUp() {
        events = new AnalyticsEvents(publisher, transaction, jdbc);
        now = clock.instant();
        day0 = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    record Seeded(NewAccount account, RestClient api, String inquiry, String qualified, List<ConversationStory> stories) {

        List<Object> events() {
            List<Object> all = new ArrayList<>();
            stories.forEach(story -> all.addAll(story.events()));
            return all;
        }
    }

    /**
     * Seven conversations: resolved by the agent (rated 5); handed over, answered in time, closed (rated 3);
     * handed over, answered late, closed (rated 4); handed over and never answered; the team alone, no agent
     * (rated 2); the agent still talking; handed over minutes ago, still within its SLA.
     */
    Seeded seed(String name) {
        NewAccount account = accounts.create(name);
        PipelineApi pipelines = new PipelineApi(port, account.apiKey(), account.id());
        Map<String, Object> sales = pipelines.firstPipeline();
        String inquiry = PipelineApi.stageId(sales, "New inquiry");
        String qualified = PipelineApi.stageId(sales, "Qualified");
        UUID s1 = UUID.fromString(inquiry);
        UUID s2 = UUID.fromString(qualified);
        UUID id = account.id();
        List<ConversationStory> stories = List.of(
                ConversationStory.started(id, s1, day0.plus(ofHours(10))).agentAnswers().closed(ofMinutes(30))
                        .rated(5, ofMinutes(31)),
                ConversationStory.started(id, s1, day0.plus(ofHours(11)))
                        .handedOver(ofSeconds(120), ofMinutes(10), "HUMAN_REQUESTED", "NEGATIVE_EMOTION")
                        .managerReplies(ofSeconds(120 + 300)).managerReplies(ofMinutes(20)).closed(ofHours(1))
                        .rated(3, ofMinutes(61)),
                ConversationStory.started(id, s2, day0.plus(Duration.ofDays(1)).plus(ofHours(9)))
                        .handedOver(ofSeconds(600), ofMinutes(10), "OUT_OF_KNOWLEDGE")
                        .managerReplies(ofSeconds(600 + 2400)).closed(ofHours(2)).rated(4, ofHours(3)),
                ConversationStory.started(id, s2, day0.plus(Duration.ofDays(1)).plus(ofHours(14)))
                        .handedOver(ofSeconds(60), ofMinutes(10), "HUMAN_REQUESTED"),
                ConversationStory.started(id, s1, day0.plus(Duration.ofDays(2)).plus(ofHours(8)))
                        .managerReplies(ofMinutes(5)).closed(ofMinutes(30)).rated(2, ofMinutes(40)),
                ConversationStory.started(id, s1, day0.plus(Duration.ofDays(2)).plus(ofHours(9))).agentAnswers(),
                ConversationStory.started(id, s2, now.minus(ofMinutes(10)))
                        .handedOver(ofSeconds(300), ofHours(1), "VIP"));
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + account.apiKey())
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        return new Seeded(account, api, inquiry, qualified, stories);
    }

    Map<String, Object> report(RestClient api, String query) {
        ResponseEntity<Map<String, Object>> response = api.get().uri("/api/v1/analytics" + query).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    String period() {
        return "?from=" + LocalDate.ofInstant(day0, ZoneOffset.UTC) + "&to=" + LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeededConversationsGiveTheirFigures() {
        Seeded seeded = seed("Analytics figures");
        events.publishEach(seeded.events());
        events.awaitRecorded();

        Map<String, Object> report = report(seeded.api(), period());

        assertThat(report).containsEntry("from", LocalDate.ofInstant(day0, ZoneOffset.UTC).toString())
                .containsEntry("to", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        assertThat(report.get("conversations")).isEqualTo(Map.of("total", 7, "resolvedByAgent", 1,
                "resolvedByPeople", 3, "open", 3));
        Map<String, Object> handovers = (Map<String, Object>) report.get("handovers");
        assertThat(handovers).containsEntry("total", 4);
        assertThat((Map<String, Object>) handovers.get("byReason")).hasSize(10)
                .containsEntry("HUMAN_REQUESTED", 2).containsEntry("OUT_OF_KNOWLEDGE", 1).containsEntry("VIP", 1)
                .containsEntry("NEGATIVE_EMOTION", 0);
        assertThat((Map<String, Object>) handovers.get("allReasons"))
                .containsEntry("HUMAN_REQUESTED", 2).containsEntry("NEGATIVE_EMOTION", 1);
        List<Map<String, Object>> byDay = (List<Map<String, Object>>) handovers.get("byDay");
        assertThat(byDay).hasSize(4);
        assertThat(byDay.get(0)).isEqualTo(Map.of("date", LocalDate.ofInstant(day0, ZoneOffset.UTC).toString(),
                "total", 1, "reasons", Map.of("HUMAN_REQUESTED", 1)));
        assertThat(byDay.get(1).get("reasons")).isEqualTo(Map.of("HUMAN_REQUESTED", 1, "OUT_OF_KNOWLEDGE", 1));
        assertThat(byDay.stream().filter(day -> day.get("date").equals(
                LocalDate.ofInstant(now.minus(ofMinutes(5)), ZoneOffset.UTC).toString())).findFirst().orElseThrow()
                .get("reasons")).isEqualTo(Map.of("VIP", 1));
        // 60, 120, 300, 600 s: the median is the 2nd, the 90th percentile the 4th (nearest rank)
        assertThat(report.get("timeToHandover")).isEqualTo(Map.of("p50Seconds", 120, "p90Seconds", 600, "count", 4));
        assertThat(report.get("timeToFirstHumanReply")).isEqualTo(Map.of("p50Seconds", 300, "p90Seconds", 2400,
                "count", 2, "waiting", 2));
        assertThat(report.get("sla")).isEqualTo(Map.of("breached", 2, "met", 1, "open", 1));
        assertThat((List<Map<String, Object>>) report.get("byStage")).containsExactly(
                Map.of("stageId", seeded.inquiry(), "stageName", "New inquiry", "conversations", 4, "handovers", 1,
                        "resolvedByAgent", 1, "resolvedByPeople", 2),
                Map.of("stageId", seeded.qualified(), "stageName", "Qualified", "conversations", 3, "handovers", 3,
                        "resolvedByAgent", 0, "resolvedByPeople", 1));
        Map<String, Object> csat = (Map<String, Object>) report.get("csat");
        assertThat(csat.get("aiOnly")).isEqualTo(Map.of("responses", 1, "average", 5.0));
        assertThat(csat.get("handedOver")).isEqualTo(Map.of("responses", 2, "average", 3.5));
        assertThat(csat.get("teamOnly")).isEqualTo(Map.of("responses", 1, "average", 2.0));

        assertThat(report(seeded.api(), "")).as("the last 30 days by default").isEqualTo(report(seeded.api(),
                "?from=" + LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(29) + "&to="
                        + LocalDate.ofInstant(now, ZoneOffset.UTC)));
        assertThat(report(seeded.api(), "").get("conversations")).isEqualTo(report.get("conversations"));
    }

    @Test
    void theSameEventsOutOfOrderTwiceAndAtOnceGiveTheSameFigures() {
        Seeded inOrder = seed("Analytics in order");
        events.publishEach(inOrder.events());
        Seeded shuffled = seed("Analytics out of order");
        List<Object> reversed = new ArrayList<>(shuffled.events());
        Collections.reverse(reversed);
        List<Object> twice = new ArrayList<>(reversed);
        reversed.forEach(event -> twice.add(AnalyticsEvents.redelivered(event)));
        events.publishTogether(twice);
        events.awaitRecorded();

        assertThat(withoutStageIds(report(shuffled.api(), period())))
                .isEqualTo(withoutStageIds(report(inOrder.api(), period())));
        assertThat(jdbc.sql("select count(*) from analytics_manager_reply r join analytics_conversation f "
                        + "on f.conversation_id = r.conversation_id where f.account_id = :account")
                .param("account", shuffled.account().id()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void anotherAccountSeesNoneOfItAndCannotChangeIt() {
        Seeded seeded = seed("Analytics seen by its own account");
        events.publishEach(seeded.events());
        NewAccount other = accounts.create("Analytics other account");
        RestClient otherApi = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + other.apiKey()).build();
        UUID seededConversation = seeded.stories().get(5).conversationId();
        events.publishEach(List.of(
                new ManagerReplied(other.id(), seededConversation, null, now),
                new ConversationClosed(other.id(), seededConversation, null, null, true, false, day0, now),
                new CsatRated(other.id(), seededConversation, 1, now)));
        events.publishEach(ConversationStory.started(other.id(), null, day0.plus(ofHours(1))).agentAnswers().events());
        events.awaitRecorded();

        assertThat(report(otherApi, period()).get("conversations")).isEqualTo(Map.of("total", 1,
                "resolvedByAgent", 0, "resolvedByPeople", 0, "open", 1));
        Map<String, Object> own = report(seeded.api(), period());
        assertThat(own.get("conversations")).isEqualTo(Map.of("total", 7, "resolvedByAgent", 1,
                "resolvedByPeople", 3, "open", 3));
        assertThat(((Map<?, ?>) own.get("csat")).get("aiOnly")).isEqualTo(Map.of("responses", 1, "average", 5.0));
        Map<String, Object> empty = report(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + accounts.create("Analytics empty").apiKey()).build(),
                period());
        assertThat(empty.get("conversations")).isEqualTo(Map.of("total", 0, "resolvedByAgent", 0,
                "resolvedByPeople", 0, "open", 0));
        Map<String, Object> noWait = new java.util.HashMap<>();
        noWait.put("p50Seconds", null);
        noWait.put("p90Seconds", null);
        noWait.put("count", 0);
        assertThat(empty.get("timeToHandover")).isEqualTo(noWait);
        assertThat(empty.get("byStage")).isEqualTo(List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void handoversCountOnTheirDayInTheAccountsTimeZone() {
        NewAccount account = accounts.create("Analytics in Tokyo");
        jdbc.sql("update account set time_zone = 'Asia/Tokyo' where id = :id").param("id", account.id()).update();
        // 20:00 UTC is 05:00 the next morning in Tokyo
        Instant evening = day0.plus(ofHours(20));
        events.publishEach(ConversationStory.started(account.id(), null, evening.minus(ofMinutes(1)))
                .handedOver(ofMinutes(1), ofHours(1), "SPECIAL_POLICY").events());
        events.awaitRecorded();
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + account.apiKey()).build();
        String tokyoDay = LocalDate.ofInstant(day0, ZoneOffset.UTC).plusDays(1).toString();

        Map<String, Object> report = report(api, "?from=" + tokyoDay + "&to=" + tokyoDay);
        Map<String, Object> dayBefore = report(api, "?from=" + LocalDate.ofInstant(day0, ZoneOffset.UTC) + "&to="
                + LocalDate.ofInstant(day0, ZoneOffset.UTC));

        assertThat((List<Map<String, Object>>) ((Map<String, Object>) report.get("handovers")).get("byDay"))
                .containsExactly(Map.of("date", tokyoDay, "total", 1, "reasons", Map.of("SPECIAL_POLICY", 1)));
        assertThat(((Map<String, Object>) dayBefore.get("handovers")).get("total")).isEqualTo(0);
    }

    @Test
    void badDatesAreProblems() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + accounts.create("Analytics bad dates").apiKey())
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        ResponseEntity<Map<String, Object>> notADate = api.get().uri("/api/v1/analytics?from=2026-13-01")
                .retrieve().toEntity(OBJECT);
        ResponseEntity<Map<String, Object>> backwards = api.get()
                .uri("/api/v1/analytics?from=2026-11-02&to=2026-11-01").retrieve().toEntity(OBJECT);
        ResponseEntity<Map<String, Object>> tooLong = api.get()
                .uri("/api/v1/analytics?from=2024-01-01&to=2026-01-01").retrieve().toEntity(OBJECT);

        assertThat(notADate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notADate.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat((String) notADate.getBody().get("detail")).contains("'from' must be a date like 2026-11-01");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) backwards.getBody().get("detail")).contains("is after 'to'");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutStageIds(Map<String, Object> report) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(report);
        copy.put("byStage", ((List<Map<String, Object>>) report.get("byStage")).stream().map(stage -> {
            Map<String, Object> without = new java.util.LinkedHashMap<>(stage);
            without.remove("stageId");
            return without;
        }).toList());
        return copy;
    }
}

package dev.baton.conversation;

import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.conversation.internal.IdleConversations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.baton.conversation.ConversationApi.byRole;
import static dev.baton.conversation.ConversationApi.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The satisfaction survey after a close (optional, off by default), its answer taken in once, and the idle close of
 * conversations the agent serves, end to end through the demo REST channel.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class ConversationSurveyTests {

    private static final String API_KEY = "bt_conversation_survey_key_0123456";
    private static final String QUESTION = "How did we do? Reply with a number from 1 (poor) to 5 (great).";
    private static final String THANKS = "Thank you for your feedback!";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdleConversations idle;

    ConversationApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
    }

    @BeforeAll
    void setUp() {
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
    }

    private Map<String, Object> settings(Map<String, Object> change) {
        ResponseEntity<Map<String, Object>> response = api.client().put().uri("/api/v1/conversations/settings")
                .contentType(MediaType.APPLICATION_JSON).body(change).retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A conversation the agent answered, then closed through the API. */
    private String closedConversation(String contact) {
        String conversation = api.send("demo", contact + "-hi", contact, "hi");
        api.awaitHandled(conversation);
        assertThat(api.client().post().uri("/api/v1/conversations/{id}/close", conversation).retrieve()
                .toEntity(ConversationApi.OBJECT).getBody()).containsEntry("status", "CLOSED");
        return conversation;
    }

    private void awaitSurveyHandled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where listener_id like '%SatisfactionSurvey%' and completion_date is null""").query(Long.class).single() == 0);
    }

    private List<Map<String, Object>> awaitSurvey(String conversation) {
        return api.awaitMessages(conversation, messages -> texts(messages, "SYSTEM").contains(QUESTION));
    }

    private Integer score(String conversation) {
        return jdbc.sql("select csat_score from conversation where id = :id").param("id", UUID.fromString(conversation))
                .query(Integer.class).list().get(0);
    }

    @Test
    void theSettingsHaveDefaultsAndChangeOnlyWhatIsSent() {
        Map<String, Object> defaults = api.client().get().uri("/api/v1/conversations/settings").retrieve()
                .body(ConversationApi.OBJECT);
        assertThat(defaults).containsEntry("idleCloseAfterMinutes", 1440);
        assertThat((Map<String, Object>) defaults.get("survey")).containsOnlyKeys("en", "es", "pt", "ru", "id", "pl")
                .containsEntry("en", Map.of("question", QUESTION, "thanks", THANKS));

        Map<String, Object> changed = settings(Map.of("survey", Map.of("es", Map.of("question", "¿Del 1 al 5?"))));
        ResponseEntity<Map<String, Object>> negative = api.client().put().uri("/api/v1/conversations/settings")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("idleCloseAfterMinutes", -1)).retrieve()
                .toEntity(ConversationApi.OBJECT);
        ResponseEntity<Map<String, Object>> french = api.client().put().uri("/api/v1/conversations/settings")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("survey", Map.of("fr", Map.of("question", "?"))))
                .retrieve().toEntity(ConversationApi.OBJECT);
        Map<String, Object> reset = settings(Map.of("survey", Map.of("es", Map.of("question", " "))));

        assertThat(((Map<String, Map<String, Object>>) changed.get("survey")).get("es"))
                .containsEntry("question", "¿Del 1 al 5?").containsEntry("thanks", "¡Gracias por tu opinión!");
        assertThat(changed).containsEntry("idleCloseAfterMinutes", 1440);
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) negative.getBody().get("detail")).contains("'idleCloseAfterMinutes'");
        assertThat(french.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((Map<String, Map<String, Object>>) reset.get("survey")).get("es").get("question"))
                .isEqualTo("¿Qué tal lo hicimos? Responde con un número del 1 (mal) al 5 (excelente).");
    }

    @Test
    void withTheSurveyOffAClosedConversationGetsNoQuestionAndARatingOpensANewConversation() {
        settings(Map.of("csatEnabled", false));
        String closed = closedConversation("survey-off");
        awaitSurveyHandled();

        String next = api.send("demo", "survey-off-5", "survey-off", "5");

        assertThat(texts(api.messages(closed), "SYSTEM")).doesNotContain(QUESTION);
        assertThat(next).isNotEqualTo(closed);
        assertThat(score(closed)).isNull();
    }

    @Test
    void aRatingAfterTheSurveyIsRecordedOnceThankedAndCountedInAnalytics() {
        settings(Map.of("csatEnabled", true));
        String closed = closedConversation("rating");
        List<Map<String, Object>> asked = awaitSurvey(closed);
        assertThat(byRole(asked, "SYSTEM").stream().filter(m -> QUESTION.equals(m.get("text"))).findFirst()
                .orElseThrow().get("status")).isNotEqualTo("NOTE");

        String rated = api.send("demo", "rating-5", "rating", " 5 ⭐");
        String again = api.send("demo", "rating-4", "rating", "4");
        List<Map<String, Object>> transcript = api.messages(closed);

        assertThat(rated).isEqualTo(closed);
        assertThat(score(closed)).isEqualTo(5);
        assertThat(texts(transcript, "SHOPPER")).containsExactly("hi", "5 ⭐");
        assertThat(byRole(transcript, "SHOPPER").get(1)).containsEntry("status", "ANSWERED");
        assertThat(texts(transcript, "SYSTEM")).contains(QUESTION, THANKS);
        // only the first answer counts: the second is an ordinary message, in a new conversation the agent answers
        assertThat(again).isNotEqualTo(closed);
        assertThat(byRole(api.awaitHandled(again), "AGENT")).hasSize(1);
        assertThat(api.send("demo", "rating-5", "rating", " 5 ⭐")).as("a delivery seen before").isEqualTo(closed);

        Map<String, Object> analytics = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.client().get().uri("/api/v1/analytics").retrieve().body(ConversationApi.OBJECT),
                report -> ((Map<String, Map<String, Object>>) report.get("csat")).get("aiOnly").get("responses")
                        .equals(1));
        assertThat(((Map<String, Map<String, Object>>) analytics.get("csat")).get("aiOnly"))
                .isEqualTo(Map.of("responses", 1, "average", 5.0));
    }

    @Test
    void aMessageThatIsNoRatingOrComesADayLaterOpensANewConversation() {
        settings(Map.of("csatEnabled", true));
        String first = closedConversation("not-a-rating");
        awaitSurvey(first);

        String question = api.send("demo", "not-a-rating-q", "not-a-rating", "Do you sell trail shoes in size 5?");
        api.awaitHandled(question);
        api.client().post().uri("/api/v1/conversations/{id}/close", question).retrieve().toBodilessEntity();
        awaitSurvey(question);
        jdbc.sql("update conversation set csat_asked_at = csat_asked_at - interval '25' hour where id = :id")
                .param("id", UUID.fromString(question)).update();
        String late = api.send("demo", "not-a-rating-late", "not-a-rating", "4");

        assertThat(question).isNotEqualTo(first);
        assertThat(late).isNotEqualTo(question);
        assertThat(score(first)).isNull();
        assertThat(score(question)).isNull();
    }

    @Test
    void theIdleCloseClosesOnlyQuietConversationsTheAgentServes() {
        settings(Map.of("csatEnabled", false, "idleCloseAfterMinutes", 60));
        try {
            String quiet = api.send("demo", "idle-1", "idle-quiet", "hi");
            String recent = api.send("demo", "idle-2", "idle-recent", "hi");
            String handedOver = api.send("demo", "idle-3", "idle-handed-over", "I want to talk to a person");
            List.of(quiet, recent, handedOver).forEach(api::awaitHandled);
            assertThat(api.conversation(handedOver)).containsEntry("status", "HANDED_OVER");
            for (String conversation : List.of(quiet, handedOver)) {
                jdbc.sql("update conversation_message set created_at = created_at - interval '2' hour "
                        + "where conversation_id = :id").param("id", UUID.fromString(conversation)).update();
            }

            idle.closeIdle();

            assertThat(api.conversation(quiet)).containsEntry("status", "CLOSED");
            assertThat(texts(api.messages(quiet), "SYSTEM")).contains("Closed by Baton (no messages for 1 hour).");
            assertThat(api.conversation(recent)).containsEntry("status", "AI_ACTIVE");
            assertThat(api.conversation(handedOver)).containsEntry("status", "HANDED_OVER");

            settings(Map.of("idleCloseAfterMinutes", 0));
            String never = api.send("demo", "idle-4", "idle-never", "hi");
            api.awaitHandled(never);
            jdbc.sql("update conversation_message set created_at = created_at - interval '30' day "
                    + "where conversation_id = :id").param("id", UUID.fromString(never)).update();
            idle.closeIdle();
            assertThat(api.conversation(never)).containsEntry("status", "AI_ACTIVE");
        } finally {
            settings(Map.of("idleCloseAfterMinutes", 1440));
        }
    }
}

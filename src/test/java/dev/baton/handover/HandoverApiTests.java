package dev.baton.handover;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** {@code /api/v1/handover}: the decision over HTTP, its problems, the API key, and the per-account rule settings. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverApiTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIndonesianRequestForAPersonIsAHandoverWithItsEvidence() {
        ResponseEntity<Map<String, Object>> answer = post(newAccountKey(), "/api/v1/handover/evaluate",
                Map.of("messages", List.of(Map.of("role", "customer", "text", "Halo kak"),
                        Map.of("role", "agent", "text", "Halo! Ada yang bisa dibantu?"),
                        Map.of("role", "customer", "text", "mau bicara dengan CS aja"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("handover", true).containsEntry("reasons", List.of("HUMAN_REQUESTED"))
                .containsOnlyKeys("handover", "reasons", "evidence", "classifier");
        assertThat(evidence(answer)).anySatisfy(item -> assertThat(item)
                .containsEntry("reason", "HUMAN_REQUESTED").containsEntry("rule", "phrase")
                .containsEntry("detail", "matched id: \"bicara dengan cs\""));
        assertThat(answer.getBody()).extractingByKey("classifier", MAP).satisfies(classifier -> {
            assertThat((String) classifier.get("version")).startsWith("handover-classifiers-");
            assertThat((Map<String, Object>) classifier.get("probabilities"))
                    .containsOnlyKeys("HUMAN_REQUESTED", "NEGATIVE_EMOTION", "SENSITIVE_DATA");
        });
    }

    @Test
    void anOrdinaryQuestionIsNoHandoverAndEveryOptionalPartIsRead() {
        String key = newAccountKey();
        ResponseEntity<Map<String, Object>> plain = post(key, "/api/v1/handover/evaluate",
                Map.of("messages", List.of(Map.of("role", "customer", "text", "Is the linen shirt available in M?"))));
        ResponseEntity<Map<String, Object>> withFacts = post(key, "/api/v1/handover/evaluate", Map.of(
                "messages", List.of(Map.of("role", "customer", "text", "Is the linen shirt available in M?")),
                "contact", Map.of("orderCount", 12, "tags", List.of("newsletter")),
                "agent", Map.of("lookupFoundNothing", true),
                "draftReply", "Yes, it is."));

        assertThat(plain.getBody()).containsEntry("handover", false).containsEntry("reasons", List.of())
                .containsEntry("evidence", List.of());
        assertThat(withFacts.getBody()).containsEntry("handover", true)
                .containsEntry("reasons", List.of("DATA_NOT_FOUND", "VIP"));
    }

    static Stream<Arguments> badBodies() {
        Map<String, String> customer = Map.of("role", "customer", "text", "hello");
        return Stream.of(
                Arguments.of("no messages", Map.of("messages", List.of()), "at least one message"),
                Arguments.of("messages missing", Map.of("contact", Map.of()), "at least one message"),
                Arguments.of("unknown role", Map.of("messages", List.of(Map.of("role", "manager", "text", "hi"))),
                        "messages[0].role must be \"customer\" or \"agent\""),
                Arguments.of("empty text", Map.of("messages", List.of(customer, Map.of("role", "agent", "text", " "))),
                        "messages[1].text must not be empty"),
                Arguments.of("text too long", Map.of("messages", List.of(Map.of("role", "customer", "text", "a".repeat(4097)))),
                        "at most 4096 characters"),
                Arguments.of("too many messages", Map.of("messages", Collections.nCopies(201, customer)),
                        "at most 200 messages, not 201"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsAProblemWithADetailThatSaysWhatIsWrong(String name, Map<String, Object> body, String detail) {
        ResponseEntity<Map<String, Object>> answer = post(newAccountKey(), "/api/v1/handover/evaluate", body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) answer.getBody().get("detail")).contains(detail);
    }

    @Test
    void withoutAValidApiKeyTheApiAnswers401() {
        Map<String, Object> body = Map.of("messages", List.of(Map.of("role", "customer", "text", "human please")));

        assertThat(post(null, "/api/v1/handover/evaluate", body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("bt_not_a_key_0000000000000000", "/api/v1/handover/evaluate", body).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client(null).get().uri("/api/v1/handover/rules").retrieve().toEntity(OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void rulesStartAtTheDefaultsAndAChangeIsKeptForThatAccountOnly() {
        String key = newAccountKey();
        String other = newAccountKey();
        Map<String, Object> vip = Map.of("messages", List.of(Map.of("role", "customer", "text", "Any news on the sale?")),
                "contact", Map.of("orderCount", 4, "tags", List.of("VIP")));
        assertThat(post(key, "/api/v1/handover/evaluate", vip).getBody()).containsEntry("reasons", List.of("VIP"));
        assertThat(rule(get(key), "VIP")).containsEntry("enabled", true).containsEntry("thresholds",
                Map.of("lifetimeSpend", 1000, "orderCount", 10, "tags", List.of("vip")));

        ResponseEntity<Map<String, Object>> changed = put(key, Map.of("rules", List.of(
                Map.of("reason", "VIP", "enabled", false),
                Map.of("reason", "NEGATIVE_EMOTION", "thresholds", Map.of("exclamationMarks", 5)))));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rule(changed.getBody(), "VIP")).containsEntry("enabled", false);
        assertThat(rule(get(key), "NEGATIVE_EMOTION").get("thresholds")).asInstanceOf(MAP).containsEntry("exclamationMarks", 5)
                .containsEntry("capitalsMinLetters", 12);
        assertThat(post(key, "/api/v1/handover/evaluate", vip).getBody()).containsEntry("handover", false);
        assertThat(post(other, "/api/v1/handover/evaluate", vip).getBody()).containsEntry("reasons", List.of("VIP"));
    }

    @Test
    void aLowerVipOrderCountHandsOverContactsItDidNotBefore() {
        String key = newAccountKey();
        Map<String, Object> regular = Map.of("messages", List.of(Map.of("role", "customer", "text", "Hi there")),
                "contact", Map.of("orderCount", 3));
        assertThat(post(key, "/api/v1/handover/evaluate", regular).getBody()).containsEntry("handover", false);

        put(key, Map.of("rules", List.of(Map.of("reason", "VIP", "thresholds", Map.of("orderCount", 3)))));

        assertThat(post(key, "/api/v1/handover/evaluate", regular).getBody()).containsEntry("reasons", List.of("VIP"));
    }

    @Test
    void anUnknownReasonOrThresholdOrAWrongValueIsAProblemAndChangesNothing() {
        String key = newAccountKey();

        assertThat(put(key, Map.of("rules", List.of(Map.of("reason", "BORED")))).getBody().get("detail"))
                .asString().contains("Unknown reason \"BORED\"");
        assertThat(put(key, Map.of("rules", List.of(Map.of("reason", "VIP", "enabled", false),
                Map.of("reason", "VIP", "thresholds", Map.of("colour", 1))))).getBody().get("detail"))
                .asString().contains("VIP has no threshold \"colour\"; it has lifetimeSpend, orderCount, tags");
        assertThat(put(key, Map.of("rules", List.of(Map.of("reason", "VIP", "thresholds", Map.of("orderCount", -1)))))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put(key, Map.of("rules", List.of(Map.of("reason", "VIP", "thresholds", Map.of("tags", "vip")))))
                .getBody().get("detail")).asString().contains("VIP.tags must be a list of texts");
        assertThat(put(key, Map.of("rules", List.of(Map.of("reason", "NEGATIVE_EMOTION",
                "thresholds", Map.of("classifier", 1.5))))).getBody().get("detail")).asString()
                .contains("NEGATIVE_EMOTION.classifier is a probability: a number from 0 to 1");
        assertThat(rule(get(key), "VIP")).containsEntry("enabled", true);
        assertThat(((Map<?, ?>) rule(get(key), "NEGATIVE_EMOTION").get("thresholds")).get("classifier"))
                .isEqualTo(0.55);
    }

    private String newAccountKey() {
        return accounts.create("Handover " + System.nanoTime()).apiKey();
    }

    private RestClient client(String key) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        return key == null ? builder.build() : builder.defaultHeader("Authorization", "Bearer " + key).build();
    }

    private ResponseEntity<Map<String, Object>> post(String key, String uri, Object body) {
        return client(key).post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    private ResponseEntity<Map<String, Object>> put(String key, Object body) {
        return client(key).put().uri("/api/v1/handover/rules").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(OBJECT);
    }

    private Map<String, Object> get(String key) {
        return client(key).get().uri("/api/v1/handover/rules").retrieve().body(OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Map<String, Object> rules, String reason) {
        return ((List<Map<String, Object>>) rules.get("rules")).stream().filter(rule -> reason.equals(rule.get("reason")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(ResponseEntity<Map<String, Object>> answer) {
        return (List<Map<String, Object>>) answer.getBody().get("evidence");
    }
}

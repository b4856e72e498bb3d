package dev.baton.agent;

import dev.baton.DemoStoreIndex;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The playground API as the agent's tests call it, and readers of its answers. */
final class PlaygroundApi {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient api;

    PlaygroundApi(int port, String apiKey) {
        this.api = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + apiKey)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    RestClient client() {
        return api;
    }

    /** Waits until the demo store's sources are all indexed. */
    void awaitDemoStoreIndexed() {
        DemoStoreIndex.await(api);
    }

    ResponseEntity<Map<String, Object>> startSession() {
        return api.post().uri("/api/v1/playground/sessions").retrieve().toEntity(OBJECT);
    }

    /** Sends a message and answers the agent's reply, failing the test if the status is not 200. */
    Map<String, Object> say(String session, String text) {
        ResponseEntity<Map<String, Object>> answer = api.post().uri("/api/v1/playground/sessions/{id}/messages", session)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", text)).retrieve().toEntity(OBJECT);
        assertThat(answer.getStatusCode()).as("answer to '%s': %s", text, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> trace(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("trace");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> handover(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("handover");
    }

    @SuppressWarnings("unchecked")
    static List<String> reasons(Map<String, Object> answer) {
        return (List<String>) handover(answer).get("reasons");
    }

    @SuppressWarnings("unchecked")
    static List<String> tools(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) trace(answer).get("tools")).stream().map(tool -> (String) tool.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> guardrails(Map<String, Object> answer) {
        return (List<String>) trace(answer).get("guardrails");
    }

    @SuppressWarnings("unchecked")
    static List<String> retrievedTitles(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) trace(answer).get("retrieved")).stream().map(hit -> (String) hit.get("title")).toList();
    }
}

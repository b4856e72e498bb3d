package dev.baton.conversation;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The channel and conversation APIs as tests call them: send as a shopper, read and act on conversations. */
public final class ConversationApi {

    public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient api;

    public ConversationApi(int port, String apiKey) {
        this.api = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + apiKey)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    public RestClient client() {
        return api;
    }

    /** Posts a shopper's message to a REST channel; answers the response (202 with the conversation id when fine). */
    public ResponseEntity<Map<String, Object>> post(String channel, String messageId, String contactId, String text,
            String phone, String email) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("externalId", contactId);
        contact.put("name", "Shopper " + contactId);
        contact.put("phone", phone);
        contact.put("email", email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalMessageId", messageId);
        body.put("contact", contact);
        body.put("text", text);
        return api.post().uri("/api/v1/channels/{channel}/messages", channel).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(OBJECT);
    }

    /** Posts a message that must be accepted; answers its conversation id. */
    public String send(String channel, String messageId, String contactId, String text) {
        ResponseEntity<Map<String, Object>> response = post(channel, messageId, contactId, text, null, null);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) response.getBody().get("conversationId");
    }

    public List<Map<String, Object>> messages(String conversationId) {
        return api.get().uri("/api/v1/conversations/{id}/messages", conversationId).retrieve().body(LIST);
    }

    public Map<String, Object> conversation(String conversationId) {
        return api.get().uri("/api/v1/conversations/{id}", conversationId).retrieve().body(OBJECT);
    }

    /** Waits until the transcript satisfies the condition (answering is asynchronous); answers the transcript. */
    public List<Map<String, Object>> awaitMessages(String conversationId, Predicate<List<Map<String, Object>>> condition) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> messages(conversationId), condition::test);
    }

    /** Waits until no shopper message of the conversation is pending; answers the transcript. */
    public List<Map<String, Object>> awaitHandled(String conversationId) {
        return awaitMessages(conversationId, messages -> messages.stream()
                .noneMatch(m -> "SHOPPER".equals(m.get("role")) && "PENDING".equals(m.get("status"))));
    }

    public static List<Map<String, Object>> byRole(List<Map<String, Object>> messages, String role) {
        return messages.stream().filter(m -> role.equals(m.get("role"))).toList();
    }

    public static List<String> texts(List<Map<String, Object>> messages, String role) {
        return byRole(messages, role).stream().map(m -> (String) m.get("text")).toList();
    }
}

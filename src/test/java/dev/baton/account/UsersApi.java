package dev.baton.account;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/** The users API as one account's API key calls it; every status is answered, none thrown. */
final class UsersApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient api;

    UsersApi(int port, String apiKey) {
        this.api = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + apiKey)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    List<Map<String, Object>> list() {
        return api.get().uri("/api/v1/users").retrieve().body(LIST);
    }

    ResponseEntity<Map<String, Object>> get(Object id) {
        return api.get().uri("/api/v1/users/{id}", id).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> create(Map<String, ?> body) {
        return api.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> update(Object id, Map<String, ?> body) {
        return api.put().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(OBJECT);
    }

    /** A manager with a password good enough to pass. */
    Map<String, Object> createManager(String username, String... groups) {
        ResponseEntity<Map<String, Object>> created = create(Map.of("username", username, "password", "manager-password",
                "displayName", "Manager " + username, "role", "MANAGER", "groups", List.of(groups)));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("Could not create " + username + ": " + created.getBody());
        }
        return created.getBody();
    }
}

package dev.baton.knowledge;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/** A small client of Baton's knowledge API for tests: answers every status instead of throwing. */
class KnowledgeApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    KnowledgeApi(int port, String apiKey) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    ResponseEntity<Map<String, Object>> create(String title, String text) {
        return http.post().uri("/api/v1/knowledge/sources").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "text", text)).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> postRaw(String path, String json) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> upload(String filename, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDispositionFormData("file", filename);
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, headers));
        return http.post().uri("/api/v1/knowledge/sources").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> get(Object id) {
        return http.get().uri("/api/v1/knowledge/sources/{id}", id).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<String> text(Object id) {
        return http.get().uri("/api/v1/knowledge/sources/{id}/text", id).retrieve().toEntity(String.class);
    }

    List<Map<String, Object>> list() {
        return http.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
    }

    ResponseEntity<Map<String, Object>> update(Object id, String title, String text) {
        return http.put().uri("/api/v1/knowledge/sources/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "text", text)).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> delete(Object id) {
        return http.delete().uri("/api/v1/knowledge/sources/{id}", id).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> archive(Object id, boolean archived) {
        return http.post().uri("/api/v1/knowledge/sources/{id}/" + (archived ? "archive" : "restore"), id)
                .retrieve().toEntity(OBJECT);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> search(String query, int limit) {
        ResponseEntity<Map<String, Object>> response = http.post().uri("/api/v1/knowledge/search")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("query", query, "limit", limit))
                .retrieve().toEntity(OBJECT);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("search answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return (List<Map<String, Object>>) response.getBody().get("results");
    }

    String status(Object id) {
        return (String) get(id).getBody().get("status");
    }
}

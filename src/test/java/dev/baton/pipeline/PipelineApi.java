package dev.baton.pipeline;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The pipeline, lead and trigger API as one account's API key calls it; every status is answered, none thrown. */
public final class PipelineApi {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient api;
    private final UUID accountId;

    public PipelineApi(int port, String apiKey, UUID accountId) {
        this.accountId = accountId;
        this.api = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + apiKey)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    /** The account the key belongs to. */
    public UUID accountId() {
        return accountId;
    }

    public ResponseEntity<Map<String, Object>> get(String uri, Object... variables) {
        return api.get().uri(uri, variables).retrieve().toEntity(OBJECT);
    }

    public List<Map<String, Object>> list(String uri, Object... variables) {
        return api.get().uri(uri, variables).retrieve().body(LIST);
    }

    public ResponseEntity<Map<String, Object>> post(String uri, Object body, Object... variables) {
        return api.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    public ResponseEntity<Map<String, Object>> postRaw(String uri, String json, Object... variables) {
        return api.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(OBJECT);
    }

    public ResponseEntity<Map<String, Object>> patch(String uri, Object body, Object... variables) {
        return api.patch().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    public ResponseEntity<Map<String, Object>> put(String uri, Object body, Object... variables) {
        return api.put().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    public ResponseEntity<Map<String, Object>> delete(String uri, Object... variables) {
        return api.delete().uri(uri, variables).retrieve().toEntity(OBJECT);
    }

    /** The account's first pipeline (the default "Sales" one until others are made). */
    public Map<String, Object> firstPipeline() {
        return list("/api/v1/pipelines").get(0);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> stages(Map<String, Object> pipeline) {
        return (List<Map<String, Object>>) pipeline.get("stages");
    }

    public static String stageId(Map<String, Object> pipeline, String name) {
        return stages(pipeline).stream().filter(stage -> name.equals(stage.get("name"))).map(stage -> (String) stage.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no stage " + name + " in " + pipeline));
    }
}

package dev.baton.shopify;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Baton's store and knowledge API as the Shopify tests call it, for one account: connect a shop, follow its sync
 * jobs, read the sources the sync made. Answers are returned whatever their status, for the tests to check.
 */
public final class StoreApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient api;

    public StoreApi(int port, String apiKey) {
        this.api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + apiKey)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public RestClient client() {
        return api;
    }

    public ResponseEntity<Map<String, Object>> connect(String shop, String token) {
        return api.post().uri("/api/v1/integrations/shopify").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("shop", shop, "accessToken", token)).retrieve().toEntity(OBJECT);
    }

    public Map<String, Object> integration(Object integrationId) {
        return api.get().uri("/api/v1/integrations/{id}", integrationId).retrieve().body(OBJECT);
    }

    /** {@code POST /api/v1/integrations/{id}/sync}: the answer names the job. */
    public Map<String, Object> sync(Object integrationId) {
        return api.post().uri("/api/v1/integrations/{id}/sync", integrationId).retrieve().body(OBJECT);
    }

    public Map<String, Object> job(Object jobId) {
        return api.get().uri("/api/v1/sync-jobs/{id}", jobId).retrieve().body(OBJECT);
    }

    /** Waits (up to a minute) for the job to reach this status, and answers the job. */
    public Map<String, Object> awaitJob(Object jobId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(job(jobId).get("status")));
        return job(jobId);
    }

    public List<Map<String, Object>> sources() {
        return api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
    }

    public List<Object> titles() {
        return sources().stream().map(source -> source.get("title")).toList();
    }

    /** The text of the source with this title. */
    public String text(String title) {
        Object id = sources().stream().filter(source -> title.equals(source.get("title"))).findFirst().orElseThrow().get("id");
        return api.get().uri("/api/v1/knowledge/sources/{id}/text", id).retrieve().body(String.class);
    }
}

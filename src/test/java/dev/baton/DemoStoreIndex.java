package dev.baton;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;


/** Tests that talk to the agent about the demo store first wait until its sources are all indexed. */
public final class DemoStoreIndex {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private DemoStoreIndex() {
    }

    /** {@code api}: a client with the account's API key. */
    public static void await(RestClient api) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
            return sources != null && sources.size() >= 50 && sources.stream().allMatch(s -> "INDEXED".equals(s.get("status")));
        });
    }
}

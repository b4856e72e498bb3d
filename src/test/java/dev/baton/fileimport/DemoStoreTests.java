package dev.baton.fileimport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A first start with the demo store: every published product and every policy becomes a locked, indexed source,
 * unpublished ones do not, orders are kept as records, and the shopper's return question finds the refund policy.
 * Run by one subclass per storage mode.
 */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.bootstrap.api-key=" + DemoStoreTests.API_KEY, "baton.bootstrap.demo-store=true"})
abstract class DemoStoreTests {

    static final String API_KEY = "demo-store-test-key";
    /** products.csv has 50 products, 4 of them draft, archived or unpublished; plus 5 policies. */
    static final int VISIBLE_PRODUCTS = 46;
    static final int POLICIES = 5;

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoStoreBecomesLockedIndexedSourcesAndAnswersTheReturnQuestion() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + API_KEY).build();

        await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
            return sources.size() == VISIBLE_PRODUCTS + POLICIES
                    && sources.stream().allMatch(source -> "INDEXED".equals(source.get("status")));
        });
        List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
        assertThat(sources).allSatisfy(source -> assertThat(source)
                .containsEntry("origin", "FILE_IMPORT").containsEntry("locked", true));
        assertThat(sources).extracting(source -> source.get("title"))
                .contains("Refund policy", "Shipping policy", "Ridgeline Trail Runner - Men's")
                .doesNotContain("Field Waxed Canvas Jacket", "Insulated Trail Gaiter");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) api.post().uri("/api/v1/knowledge/search")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "can I return shoes I bought last month?", "limit", 5))
                .retrieve().body(OBJECT).get("results");
        assertThat(results.get(0)).containsEntry("title", "Refund policy");

        assertThat(jdbc.sql("select count(*) from catalog_order").query(Long.class).single()).isEqualTo(12);
    }
}

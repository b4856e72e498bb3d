package dev.baton;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Restarting Baton loses nothing, in either storage mode, even when it stops in the middle of indexing. */
class RestartTests {

    private static final String API_KEY = "restart-test-key";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Test
    void embeddedDefaultKeepsSourcesAndIndexAcrossARestart() {
        Map<String, Object> storage = TestStorage.embedded();
        keepsEverythingAcrossARestart(storage, storage);
    }

    @Test
    void postgresKeepsSourcesAndIndexAcrossARestart() {
        keepsEverythingAcrossARestart(TestStorage.postgres("restart", true), TestStorage.postgres("restart", false));
    }

    @Test
    void embeddedDefaultFinishesIndexingInterruptedByAStop() {
        Map<String, Object> storage = TestStorage.embedded();
        finishesInterruptedIndexing(storage, storage);
    }

    @Test
    void postgresFinishesIndexingInterruptedByAStop() {
        finishesInterruptedIndexing(TestStorage.postgres("interrupted", true), TestStorage.postgres("interrupted", false));
    }

    @Test
    void changingTheEmbeddingModelReembedsEverySourceInTheBackground() {
        Map<String, Object> storage = TestStorage.embedded();
        Object id;
        try (var app = start(storage, false)) {
            RestClient api = api(app);
            id = create(api, "Bike fitting", "A bike fitting takes one hour and costs 60 dollars.");
            await().atMost(Duration.ofSeconds(60)).until(() -> "INDEXED".equals(status(api, id)));
        }
        storage.put("baton.test.embedding-model-id", "renamed-model");
        try (var app = start(storage, false)) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            await().atMost(Duration.ofSeconds(60)).until(() -> "renamed-model".equals(jdbc
                    .sql("select embedding_model from knowledge_source where id = :id").param("id", id)
                    .query(String.class).single()));
            assertThat(searchTitles(api(app), "how long is a bike fitting")).first().isEqualTo("Bike fitting");
        }
    }

    private void keepsEverythingAcrossARestart(Map<String, Object> first, Map<String, Object> second) {
        Object id;
        try (var app = start(first, false)) {
            RestClient api = api(app);
            id = create(api, "Repair service", "We resole climbing shoes in our Golden workshop within ten days.");
            await().atMost(Duration.ofSeconds(60)).until(() -> "INDEXED".equals(status(api, id)));
        }
        try (var app = start(second, false)) {
            RestClient api = api(app);
            assertThat(status(api, id)).isEqualTo("INDEXED");
            assertThat(searchTitles(api, "who resoles climbing shoes")).first().isEqualTo("Repair service");
            assertThat(JdbcClient.create(app.getBean(javax.sql.DataSource.class)).sql("select count(*) from account")
                    .query(Long.class).single()).as("the first start's account is reused, not created again").isEqualTo(1);
        }
    }

    private void finishesInterruptedIndexing(Map<String, Object> first, Map<String, Object> second) {
        Object id;
        try (var app = start(first, true)) {
            RestClient api = api(app);
            id = create(api, "Rental skis", "Touring skis can be rented for 45 dollars a day, boots included.");
            assertThat(status(api, id)).isEqualTo("PENDING");
        }
        try (var app = start(second, false)) {
            RestClient api = api(app);
            await().atMost(Duration.ofSeconds(60)).until(() -> "INDEXED".equals(status(api, id)));
            assertThat(searchTitles(api, "can I rent touring skis")).first().isEqualTo("Rental skis");
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> storage, boolean blockIndexing) {
        Map<String, Object> properties = new HashMap<>(storage);
        properties.put("server.port", "0");
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.bootstrap.demo-store", "false");
        properties.put("baton.test.block-indexing", String.valueOf(blockIndexing));
        // As arguments: properties() would only set defaults, which application.properties overrides.
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BatonApplication.class).run(args);
    }

    private static RestClient api(ConfigurableApplicationContext app) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + API_KEY)
                .build();
    }

    private static Object create(RestClient api, String title, String text) {
        return api.post().uri("/api/v1/knowledge/sources").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "text", text)).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { }).get("id");
    }

    private static String status(RestClient api, Object id) {
        return (String) api.get().uri("/api/v1/knowledge/sources/{id}", id).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { }).get("status");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> searchTitles(RestClient api, String query) {
        Map<String, Object> response = api.post().uri("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", query, "limit", 3)).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return ((List<Map<String, Object>>) response.get("results")).stream().map(result -> result.get("title")).toList();
    }
}

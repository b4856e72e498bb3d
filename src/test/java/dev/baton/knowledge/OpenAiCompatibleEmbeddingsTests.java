package dev.baton.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code baton.ai.embedding.base-url} set, sources and queries are embedded by an OpenAI-compatible endpoint
 * (WireMock here, answering in the shape of OpenAI's {@code POST /v1/embeddings}); an endpoint that fails marks the
 * source FAILED with the reason and keeps its text.
 */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenAiCompatibleEmbeddingsTests {

    static final WireMockServer openAi = new WireMockServer(options().dynamicPort());

    static {
        openAi.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    KnowledgeApi api;

    @DynamicPropertySource
    static void embeddings(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.ai.embedding.base-url", () -> openAi.baseUrl() + "/v1");
        registry.add("baton.ai.embedding.api-key", () -> "sk-test-embeddings");
        registry.add("baton.ai.embedding.model", () -> "text-embedding-3-small");
    }

    @AfterAll
    static void stop() {
        openAi.stop();
    }

    @BeforeEach
    void stubs() {
        openAi.resetAll();
        // Texts about socks point one way, everything else another, so search results are predictable.
        openAi.stubFor(post(urlEqualTo("/v1/embeddings")).atPriority(5)
                .willReturn(json(embeddingResponse(1))));
        openAi.stubFor(post(urlEqualTo("/v1/embeddings")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.input[0]", containing("socks")))
                .willReturn(json(embeddingResponse(0))));
        openAi.stubFor(post(urlEqualTo("/v1/embeddings")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.input[0]", containing("OUTAGE")))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}")));
        api = new KnowledgeApi(port, accounts.create("Remote embeddings store").apiKey());
    }

    @Test
    void sourcesAndQueriesAreEmbeddedByTheConfiguredEndpoint() {
        Object socks = api.create("Wool socks", "Our socks are merino wool.").getBody().get("id");
        Object tents = api.create("Tents", "Two-person tents weigh 1.4 kg.").getBody().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "INDEXED".equals(api.status(socks))
                && "INDEXED".equals(api.status(tents)));

        assertThat(api.search("warm socks?", 2).get(0)).containsEntry("sourceId", socks);
        openAi.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer sk-test-embeddings"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small")))
                .withRequestBody(matchingJsonPath("$.dimensions", equalTo("384"))));
        assertThat(jdbc.sql("select embedding_model from knowledge_source where id = :id")
                .param("id", java.util.UUID.fromString((String) socks)).query(String.class).single())
                .isEqualTo("openai:text-embedding-3-small:384");
    }

    @Test
    void anEndpointThatFailsMarksTheSourceFailedAndKeepsItsText() {
        Object id = api.create("Outage", "OUTAGE: this text meets a failing endpoint.").getBody().get("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(api.status(id)));

        Map<String, Object> source = api.get(id).getBody();
        assertThat((String) source.get("statusReason")).startsWith("Indexing failed");
        assertThat(api.text(id).getBody()).isEqualTo("OUTAGE: this text meets a failing endpoint.");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** OpenAI's documented response: a list of one embedding, here a unit vector along {@code axis}. */
    private static String embeddingResponse(int axis) {
        String vector = IntStream.range(0, 384).mapToObj(i -> i == axis ? "1.0" : "0.0")
                .collect(Collectors.joining(","));
        return """
                {"object": "list",
                 "data": [{"object": "embedding", "index": 0, "embedding": [%s]}],
                 "model": "text-embedding-3-small",
                 "usage": {"prompt_tokens": 8, "total_tokens": 8}}""".formatted(vector);
    }
}

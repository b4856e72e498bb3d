package dev.baton.agent.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** A model that keeps failing is left alone: the circuit opens and the agent answers offline without calling it. */
class ModelCircuitTests {

    private final WireMockServer openAi = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        openAi.start();
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The engine is currently overloaded.\",\"type\":\"server_error\"}}")));
    }

    @AfterEach
    void stop() {
        openAi.stop();
    }

    @Test
    void afterRepeatedFailuresTheModelIsNotCalledUntilTheCircuitCloses() {
        ModelResponder model = new ModelResponder(new ChatModelProperties(openAi.baseUrl() + "/v1", "sk-test", "gpt-test",
                Duration.ofSeconds(2), 0, 3000, 50, Duration.ofMinutes(5)), new InMemoryChatMemoryStore(),
                new ProductQuestions(new Lexicon()), new ProductFinder(new Lexicon()));

        for (int i = 0; i < 4; i++) {
            Trace trace = new Trace();
            assertThat(model.respond(UUID.randomUUID(), "hello", Language.EN, "Test store", tools(trace), trace)).isEmpty();
            assertThat(trace.guardrails()).anyMatch(decision -> decision.startsWith("model failed"));
        }
        openAi.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        Trace trace = new Trace();
        assertThat(model.respond(UUID.randomUUID(), "hello again", Language.EN, "Test store", tools(trace), trace)).isEmpty();

        assertThat(trace.guardrails()).anyMatch(decision -> decision.contains("circuit is open"));
        openAi.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    /** Tools the model never gets to call here: the server fails before any tool call. */
    private static StoreTools tools(Trace trace) {
        return new StoreTools(UUID.randomUUID(), null, null, trace);
    }
}

package dev.baton.handover;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.conversation.ConversationApi;
import dev.baton.pipeline.Leads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a chat model configured, the model writes the manager's summary after the handover commits (WireMock plays
 * an OpenAI-compatible server with OpenAI's documented chat completion shape); when the model fails, the extractive
 * summary written at the transfer stays.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverModelSummaryTests {

    private static final String API_KEY = "bt_handover_model_summary_key_0123";
    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final AtomicInteger IDS = new AtomicInteger();
    static final WireMockServer openAi = new WireMockServer(options().dynamicPort());

    static {
        openAi.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Leads leads;

    ConversationApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.ai.chat.base-url", () -> openAi.baseUrl() + "/v1");
        registry.add("baton.ai.chat.api-key", () -> "sk-test");
        registry.add("baton.ai.chat.model", () -> "gpt-test");
        registry.add("baton.ai.chat.timeout", () -> "2s");
        registry.add("baton.ai.chat.max-retries", () -> "0");
        registry.add("baton.ai.chat.open-for", () -> "1ms");
    }

    @AfterAll
    static void stop() {
        openAi.stop();
    }

    @BeforeAll
    void demoStoreIndexed() {
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
    }

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private Map<String, Object> ticketOf(String conversation) {
        return jdbc.sql("select summary, summary_source, lead_id from handover_ticket where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query().singleRow();
    }

    @Test
    void theModelsSummaryReplacesTheExtractiveOneAndIsNotedOnTheLead() {
        String summary = "Wants: to speak to a person about returning boots.\\nSuggested next step: call back today.";
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(containing("You summarise a shop's chat"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id": "chatcmpl-S1", "object": "chat.completion", "created": 1764100000, "model": "gpt-test",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s", "refusal": null},
                           "logprobs": null, "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 300, "completion_tokens": 30, "total_tokens": 330}}""".formatted(summary))));

        String shopper = "model-summary-" + IDS.incrementAndGet();
        String conversation = api.send("demo", shopper + "-1", shopper, "I want to talk to a human about returning my boots");
        api.awaitHandled(conversation);

        await().atMost(Duration.ofSeconds(30)).until(() -> "MODEL".equals(ticketOf(conversation).get("summary_source")));
        assertThat(ticketOf(conversation).get("summary"))
                .isEqualTo("Wants: to speak to a person about returning boots.\nSuggested next step: call back today.");
        // The model was given the transcript and the reasons, never a card number in clear.
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(containing("I want to talk to a human about returning my boots"))
                .withRequestBody(containing("Handover reasons: HUMAN_REQUESTED")));
        UUID lead = (UUID) ticketOf(conversation).get("lead_id");
        assertThat(leads.notes(jdbc.sql("select account_id from lead where id = :l").param("l", lead).query(UUID.class)
                .single(), lead)).anySatisfy(note -> {
                    assertThat(note.author()).isEqualTo("Baton (AI summary)");
                    assertThat(note.text()).startsWith("Wants: to speak to a person about returning boots.");
                });
    }

    @Test
    void whenTheModelFailsTheExtractiveSummaryStays() {
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}")));

        String shopper = "model-summary-" + IDS.incrementAndGet();
        String conversation = api.send("demo", shopper + "-1", shopper, "Can I talk to a real person please");
        api.awaitHandled(conversation);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(containing("You summarise a shop's chat"))));
        // The summary listener has finished (its event publication is complete) before the ticket is read.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from event_publication where completion_date is null
                and event_type like '%ConversationHandedOver'""").query(Long.class).single() == 0);
        assertThat(ticketOf(conversation)).containsEntry("summary_source", "EXTRACTIVE");
        assertThat((String) ticketOf(conversation).get("summary")).startsWith("Wants: \"Can I talk to a real person please\"");
        assertThat(api.conversation(conversation)).containsEntry("status", "HANDED_OVER");
    }
}

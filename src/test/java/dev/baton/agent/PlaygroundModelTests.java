package dev.baton.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.baton.TestStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent with a chat model configured: WireMock plays an OpenAI-compatible server answering chat completions
 * in OpenAI's documented shapes, first with a {@code tool_calls} message, then with the reply. The agent runs the
 * tools the model asks for, checks the reply's figures, and answers offline when the model fails.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundModelTests {

    private static final String API_KEY = "bt_model_test_key_0123456789abcdef";
    private static final String COMPLETIONS = "/v1/chat/completions";
    static final WireMockServer openAi = new WireMockServer(options().dynamicPort());

    static {
        openAi.start();
    }

    @LocalServerPort
    int port;

    PlaygroundApi playground;
    String session;

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
        // Failures in one test must not open the circuit for the next.
        registry.add("baton.ai.chat.open-for", () -> "1ms");
    }

    @AfterAll
    static void stop() {
        openAi.stop();
    }

    @BeforeAll
    void demoStoreIndexed() {
        playground = new PlaygroundApi(port, API_KEY);
        playground.awaitDemoStoreIndexed();
    }

    @BeforeEach
    void newSession() {
        openAi.resetAll();
        session = (String) playground.startSession().getBody().get("id");
    }

    @Test
    void theModelsToolCallsRunAndItsGroundedReplyIsSent() {
        openAi.stubFor(completion().willReturn(json(toolCall("searchProducts", "{\\\"query\\\":\\\"Ridgeline Trail Runner\\\"}"))));
        openAi.stubFor(completion().atPriority(1).withRequestBody(containing("\"tool_call_id\""))
                .willReturn(json(reply("The Ridgeline Trail Runner - Men's costs $139.00, and most sizes are in stock."))));

        Map<String, Object> answer = playground.say(session, "How much is the Ridgeline Trail Runner?");

        assertThat((String) answer.get("reply")).isEqualTo("The Ridgeline Trail Runner - Men's costs $139.00, and most sizes are in stock.");
        assertThat(PlaygroundApi.trace(answer)).containsEntry("model", "gpt-test");
        assertThat(PlaygroundApi.tools(answer)).containsExactly("searchProducts");
        // The model was given the tools and the rules, and the tool's result in the second call.
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("\"lookupOrder\""))
                .withRequestBody(containing("Reply in English")));
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("\"tool_call_id\""))
                .withRequestBody(containing("$139.00")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelSearchesProductsWithABudgetAndItsReplyShowsTheProductsItNamesAsCards() {
        openAi.stubFor(completion().willReturn(json(toolCall("searchProducts",
                "{\\\"query\\\":\\\"waterproof jacket\\\",\\\"maxPrice\\\":200,\\\"sort\\\":\\\"CHEAPEST\\\"}"))));
        openAi.stubFor(completion().atPriority(1).withRequestBody(containing("\"tool_call_id\""))
                .willReturn(json(reply("The Stormline 2.5L Rain Jacket is $159.00 and waterproof."))));

        Map<String, Object> answer = playground.say(session, "Do you have a waterproof jacket under $200?");

        assertThat((String) answer.get("reply")).isEqualTo("The Stormline 2.5L Rain Jacket is $159.00 and waterproof.");
        assertThat(PlaygroundApi.tools(answer)).containsExactly("searchProducts");
        assertThat((List<Map<String, Object>>) answer.get("cards")).singleElement().satisfies(card -> assertThat(card)
                .containsEntry("title", "Stormline 2.5L Rain Jacket").containsEntry("price", "$159.00")
                .containsEntry("url", "https://northwind-outfitters.example/products/stormline-rain-jacket"));
        // The model got the store's answer to its constraints: the one waterproof jacket within $200, not the $420 parka.
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("\"tool_call_id\""))
                .withRequestBody(containing("Stormline 2.5L Rain Jacket")).withRequestBody(notContaining("Alpine Insulated Parka")));
    }

    @Test
    void theModelAsksForOneOptionsStockAndGetsItWithWhatIsInStockInstead() {
        openAi.stubFor(completion().willReturn(json(toolCall("optionStock",
                "{\\\"productId\\\":\\\"stormline-rain-jacket\\\",\\\"option\\\":\\\"XS Spruce\\\"}"))));
        openAi.stubFor(completion().atPriority(1).withRequestBody(containing("\"tool_call_id\""))
                .willReturn(json(reply("XS in Spruce is sold out; XS in Black is in stock at $159.00."))));

        Map<String, Object> answer = playground.say(session, "Is the Stormline in XS Spruce available?");

        assertThat((String) answer.get("reply")).isEqualTo("XS in Spruce is sold out; XS in Black is in stock at $159.00.");
        assertThat(PlaygroundApi.tools(answer)).containsExactly("optionStock");
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("\"tool_call_id\""))
                .withRequestBody(containing("XS / Spruce: $159.00, out of stock"))
                .withRequestBody(containing("In stock instead: XS / Black")));
    }

    @Test
    void theConversationsMemoryGoesBackToTheModel() {
        openAi.stubFor(completion().willReturn(json(reply("Happy to help with hiking gear."))));
        playground.say(session, "I am planning a hike in the Rockies next week");

        playground.say(session, "What should I bring?");

        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("What should I bring?"))
                .withRequestBody(containing("planning a hike in the Rockies")));
    }

    @Test
    void theModelsOwnJudgementHandsOverWithAFixedReasonAndItsWhy() {
        openAi.stubFor(completion().willReturn(json(toolCall("requestHandover",
                "{\\\"reason\\\":\\\"SPECIAL_POLICY\\\",\\\"why\\\":\\\"wants a refund 90 days after delivery\\\"}"))));
        openAi.stubFor(completion().atPriority(1).withRequestBody(containing("\"tool_call_id\""))
                .willReturn(json(reply("I've asked a colleague to look at this for you."))));

        Map<String, Object> answer = playground.say(session, "My boots arrived three months ago, can I still get my money back?");

        assertThat(PlaygroundApi.handover(answer)).containsEntry("triggered", true);
        assertThat(PlaygroundApi.reasons(answer)).containsExactly("SPECIAL_POLICY");
        assertThat((String) answer.get("reply")).startsWith("I've asked a colleague to look at this for you.");
        // The model is offered the fixed reason codes only.
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("\"SENSITIVE_DATA\"")));
    }

    @Test
    void aReasonTheStoreSwitchedOffIsRefusedToTheModel() {
        setRule("SPECIAL_POLICY", false);
        try {
            openAi.stubFor(completion().willReturn(json(toolCall("requestHandover",
                    "{\\\"reason\\\":\\\"SPECIAL_POLICY\\\",\\\"why\\\":\\\"asks for a price match\\\"}"))));
            openAi.stubFor(completion().atPriority(1).withRequestBody(containing("\"tool_call_id\""))
                    .willReturn(json(reply("Our prices are the ones on the site; I can help you pick a size."))));

            Map<String, Object> answer = playground.say(session, "Will you match the price I saw elsewhere?");

            assertThat(PlaygroundApi.handover(answer)).containsEntry("triggered", false);
            openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                    .withRequestBody(containing("does not hand over for SPECIAL_POLICY")));
        } finally {
            setRule("SPECIAL_POLICY", true);
        }
    }

    private void setRule(String reason, boolean enabled) {
        var response = playground.client().put().uri("/api/v1/handover/rules")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("rules", List.of(Map.of("reason", reason, "enabled", enabled))))
                .retrieve().toBodilessEntity();
        assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aReplyWithAPriceNoToolGaveIsNotSentAndAPersonTakesOver() {
        openAi.stubFor(completion().willReturn(json(reply("Today only, the Ridgeline Trail Runner is $99.00 for you."))));

        Map<String, Object> answer = playground.say(session, "Any deal on the Ridgeline Trail Runner?");

        assertThat((String) answer.get("reply")).doesNotContain("$99.00").contains("check with a colleague");
        assertThat(PlaygroundApi.handover(answer)).containsEntry("triggered", true);
        assertThat(PlaygroundApi.guardrails(answer)).anyMatch(decision -> decision.startsWith("not sent"));
    }

    @Test
    void aServerErrorFallsBackToTheOfflineResponder() {
        openAi.stubFor(completion().willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}")));

        Map<String, Object> answer = playground.say(session, "How much is the Ridgeline Trail Runner?");

        assertThat((String) answer.get("reply")).contains("$139.00");
        assertThat(PlaygroundApi.trace(answer)).containsEntry("model", "offline");
        assertThat(PlaygroundApi.guardrails(answer)).anyMatch(decision -> decision.startsWith("model failed"));
    }

    @Test
    void aTimeoutFallsBackToTheOfflineResponder() {
        openAi.stubFor(completion().willReturn(json(reply("Too late.")).withFixedDelay(4_000)));

        Map<String, Object> answer = playground.say(session, "How much is the Ridgeline Trail Runner?");

        assertThat((String) answer.get("reply")).contains("$139.00").doesNotContain("Too late");
        assertThat(PlaygroundApi.trace(answer)).containsEntry("model", "offline");
    }

    @Test
    void malformedJsonFromTheModelFallsBackToTheOfflineResponder() {
        openAi.stubFor(completion().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"chatcmpl-9\", \"choices\": [ {\"message\": ")));

        Map<String, Object> answer = playground.say(session, "Can I return shoes I bought last month?");

        assertThat((String) answer.get("reply")).contains("Refund policy");
        assertThat(PlaygroundApi.trace(answer)).containsEntry("model", "offline");
    }

    private static MappingBuilder completion() {
        return post(urlEqualTo(COMPLETIONS));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A chat completion asking for one tool call, as OpenAI's API documents it. */
    private static String toolCall(String name, String arguments) {
        return """
                {"id": "chatcmpl-AB1", "object": "chat.completion", "created": 1764100000, "model": "gpt-test",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "refusal": null,
                   "tool_calls": [{"id": "call_Q1", "type": "function", "function": {"name": "%s", "arguments": "%s"}}]},
                   "logprobs": null, "finish_reason": "tool_calls"}],
                 "usage": {"prompt_tokens": 512, "completion_tokens": 18, "total_tokens": 530}}""".formatted(name, arguments);
    }

    private static String reply(String content) {
        return """
                {"id": "chatcmpl-AB2", "object": "chat.completion", "created": 1764100001, "model": "gpt-test",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s", "refusal": null},
                   "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 640, "completion_tokens": 24, "total_tokens": 664}}""".formatted(content);
    }





}

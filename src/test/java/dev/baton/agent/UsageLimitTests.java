package dev.baton.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** When an account reaches a usage limit the agent says so and hands over: never silence. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsageLimitTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    static final WireMockServer openAi = new WireMockServer(options().dynamicPort());

    static {
        openAi.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    RestClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.ai.chat.base-url", () -> openAi.baseUrl() + "/v1");
        registry.add("baton.ai.chat.model", () -> "gpt-test");
        registry.add("baton.ai.chat.max-retries", () -> "0");
        registry.add("baton.agent.limits.messages-per-day", () -> "3");
        registry.add("baton.agent.limits.model-tokens-per-month", () -> "1000");
    }

    @AfterAll
    static void stop() {
        openAi.stop();
    }

    @BeforeEach
    void newAccount() {
        openAi.resetAll();
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "chatcmpl-U1", "object": "chat.completion", "created": 1764100000, "model": "gpt-test",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": "We sell outdoor gear.", "refusal": null},
                           "logprobs": null, "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 1100, "completion_tokens": 100, "total_tokens": 1200}}""")));
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + accounts.create("Limited store").apiKey())
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    @Test
    void theMonthsModelTokensSpentTheAgentSaysSoAndHandsOverWithoutCallingTheModel() {
        String session = session();
        assertThat(say(session, "What kind of store is this?").get("reply")).isEqualTo("We sell outdoor gear.");

        Map<String, Object> limited = say(session, "And do you sell tents?");

        assertThat((String) limited.get("reply")).contains("can't answer more messages right now");
        assertThat(reasons(limited)).containsExactly("USAGE_LIMIT");
        openAi.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theDaysMessagesAnsweredTheAgentSaysSoInTheShoppersLanguage() {
        String session = session();
        for (int i = 0; i < 3; i++) {
            assertThat(say(session, "halo").get("reply")).isEqualTo("Halo! Ada yang bisa saya bantu hari ini?");
        }

        Map<String, Object> limited = say(session, "halo");

        assertThat((String) limited.get("reply")).contains("tidak bisa membalas pesan lagi");
        assertThat(reasons(limited)).containsExactly("USAGE_LIMIT");
    }

    private String session() {
        return (String) api.post().uri("/api/v1/playground/sessions").retrieve().body(OBJECT).get("id");
    }

    private Map<String, Object> say(String session, String text) {
        return api.post().uri("/api/v1/playground/sessions/{id}/messages", session).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", text)).retrieve().body(OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<String, Object> answer) {
        return (List<String>) ((Map<String, Object>) answer.get("handover")).get("reasons");
    }
}

package dev.baton.agent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code baton.ai.chat.*}: any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio...).
 * Without {@code base-url} the agent answers offline.
 *
 * @param baseUrl          the endpoint's base URL, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param apiKey           its key (Ollama and vLLM accept any)
 * @param model            the model name
 * @param timeout          how long one model call may take
 * @param maxRetries       retries of a failed call before it counts as a failure
 * @param memoryTokens     the conversation memory's token window
 * @param failureRate      percentage of failed calls (over the last 10) that opens the circuit
 * @param openFor          how long an open circuit answers offline before the model is tried again
 */
@ConfigurationProperties("baton.ai.chat")
record ChatModelProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1") int maxRetries,
        @DefaultValue("3000") int memoryTokens,
        @DefaultValue("50") int failureRate,
        @DefaultValue("60s") Duration openFor) {

    boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}

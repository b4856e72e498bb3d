package dev.baton.agent.internal;

import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.UserMessage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers through the configured chat model ({@code baton.ai.chat.*}): a LangChain4j AI service with the system
 * message, the conversation's memory (a token window, kept in the database) and the store tools of this turn.
 * Calls time out, are retried a bounded number of times, and go through a circuit breaker: a model that keeps
 * failing is left alone for a while. A failure is reported, not thrown: the caller then answers offline.
 */
@Component
class ModelResponder {

    private static final Logger log = LoggerFactory.getLogger(ModelResponder.class);

    private final ChatModelProperties properties;
    private final ChatMemoryStore memories;
    private final ChatModel model;
    private final CircuitBreaker circuit;
    private final String systemMessage;
    private final OpenAiTokenCountEstimator tokens;

    private final ProductQuestions questions;
    private final ProductFinder finder;

    ModelResponder(ChatModelProperties properties, ChatMemoryStore memories, ProductQuestions questions,
            ProductFinder finder) {
        this.properties = properties;
        this.memories = memories;
        this.questions = questions;
        this.finder = finder;
        this.model = properties.configured() ? OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey())
                .modelName(properties.model())
                .timeout(properties.timeout())
                .maxRetries(properties.maxRetries())
                .temperature(0.2)
                .build() : null;
        this.circuit = CircuitBreaker.of("chat-model", CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .waitDurationInOpenState(properties.openFor())
                .build());
        this.systemMessage = read("knowledge/agent/system-message.txt");
        this.tokens = new OpenAiTokenCountEstimator("gpt-4o-mini");
    }

    boolean configured() {
        return model != null;
    }

    String modelName() {
        return properties.model();
    }

    /** The model's reply, or empty with the reason in the trace when the model failed or its circuit is open. */
    Optional<String> respond(UUID conversationId, String message, Language language, String storeName,
            StoreTools tools, Trace trace) {
        String system = systemMessage.replace("{store}", storeName).replace("{language}", language.englishName());
        SalesAssistant assistant = AiServices.builder(SalesAssistant.class)
                .chatModel(model)
                .chatMemoryProvider(id -> TokenWindowChatMemory.builder().id(id)
                        .maxTokens(properties.memoryTokens(), tokens).chatMemoryStore(memories).build())
                .systemMessageProvider(id -> system)
                .tools(new ModelTools(tools, questions, finder))
                .build();
        try {
            Result<String> result = circuit.executeSupplier(() -> assistant.chat(conversationId, message));
            if (result.tokenUsage() != null && result.tokenUsage().totalTokenCount() != null) {
                trace.modelTokens(result.tokenUsage().totalTokenCount());
            }
            String reply = result.content();
            if (reply == null || reply.isBlank()) {
                trace.guardrail("model failed: an empty reply; answered offline");
                return Optional.empty();
            }
            trace.model(properties.model());
            return Optional.of(reply.strip());
        } catch (RuntimeException e) {
            String reason = e instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException
                    ? "the circuit is open after repeated failures" : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Chat model {} failed for conversation {}: {}", properties.model(), conversationId, reason);
            trace.guardrail("model failed (" + shorten(reason) + "); answered offline");
            return Optional.empty();
        }
    }

    /** One model call without tools or memory (a handover summary); empty when not configured or it failed. */
    Optional<String> complete(String instructions, String material) {
        if (model == null) {
            return Optional.empty();
        }
        try {
            String text = circuit.executeSupplier(() -> model.chat(
                    dev.langchain4j.data.message.SystemMessage.from(instructions),
                    dev.langchain4j.data.message.UserMessage.from(material)).aiMessage().text());
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        } catch (RuntimeException e) {
            log.warn("Chat model {} could not write a summary: {}", properties.model(), shorten(e.toString()));
            return Optional.empty();
        }
    }

    interface SalesAssistant {
        Result<String> chat(@MemoryId UUID conversationId, @UserMessage String message);
    }

    private static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.baton.agent.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the agent did for one reply, shown in the playground and stored with the reply: the language and intent it
 * saw, what it retrieved, the tools it called, the guardrails and handover rules that applied, the model, the time.
 */
// Stored as JSON with each reply and read back for the playground page: by its fields, as it has no getters; the
// lists are not final because Jackson 3 sets no final field.
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class Trace {

    private String language;
    private String intent;
    private double intentScore;
    private List<Retrieved> retrieved = new ArrayList<>();
    private List<ToolCall> tools = new ArrayList<>();
    private List<String> guardrails = new ArrayList<>();
    private List<String> handoverRules = new ArrayList<>();
    private HandoverClassifier handoverClassifier;
    private List<String> derived = new ArrayList<>();
    private String model = "offline";
    private long modelTokens;
    private long latencyMs;
    private List<dev.baton.shared.ProductCard> cards = new ArrayList<>();

    void language(Language language) {
        this.language = language.code();
    }

    void intent(Intent intent, double score) {
        this.intent = intent.name();
        this.intentScore = Math.round(score * 1000) / 1000.0;
    }

    void retrieved(UUID sourceId, String title, String origin, double score) {
        retrieved.add(new Retrieved(sourceId, title, origin, score));
    }

    void tool(String name, Map<String, Object> arguments, String result) {
        tools.add(new ToolCall(name, new LinkedHashMap<>(arguments), result));
    }

    /** A figure the responder computed from tool results (a count of variants in stock), evidence like them. */
    void derived(String fact) {
        derived.add(fact);
    }

    void guardrail(String decision) {
        guardrails.add(decision);
    }

    /** The trained classifiers' version and their probabilities for the shopper's message (the last judgment). */
    void handoverClassifier(String version, Map<String, Double> probabilities) {
        this.handoverClassifier = new HandoverClassifier(version, new LinkedHashMap<>(probabilities));
    }

    void handoverRule(String rule) {
        handoverRules.add(rule);
    }

    void model(String model) {
        this.model = model;
    }

    void modelTokens(long tokens) {
        this.modelTokens += tokens;
    }

    long modelTokens() {
        return modelTokens;
    }

    /** The products the reply showed as cards. */
    void cards(List<dev.baton.shared.ProductCard> shown) {
        this.cards = new ArrayList<>(shown);
    }

    public List<dev.baton.shared.ProductCard> cards() {
        return cards == null ? List.of() : List.copyOf(cards);
    }

    void latency(long millis) {
        this.latencyMs = millis;
    }

    /** What the last tool call returned: the answer a chat model gets. */
    String lastResult() {
        return tools.isEmpty() ? "" : tools.get(tools.size() - 1).result();
    }

    /** Everything the tools returned and the sources said: what a reply's facts may come from. */
    String evidence() {
        StringBuilder evidence = new StringBuilder();
        tools.forEach(call -> evidence.append(call.result()).append('\n'));
        derived.forEach(fact -> evidence.append(fact).append('\n'));
        return evidence.toString();
    }

    public String language() {
        return language;
    }

    public String intent() {
        return intent;
    }

    public double intentScore() {
        return intentScore;
    }

    public List<Retrieved> retrieved() {
        return List.copyOf(retrieved);
    }

    public List<ToolCall> tools() {
        return List.copyOf(tools);
    }

    public List<String> guardrails() {
        return List.copyOf(guardrails);
    }

    public List<String> handoverRules() {
        return List.copyOf(handoverRules);
    }

    /** Null when no decision was made, or the reply was stored before the classifiers existed. */
    public HandoverClassifier handoverClassifier() {
        return handoverClassifier;
    }

    public String model() {
        return model;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public record Retrieved(UUID sourceId, String title, String origin, double score) {
    }

    /** {@code version} is null when the classifiers are not loaded and the rules decided alone. */
    public record HandoverClassifier(String version, Map<String, Double> probabilities) {

        /** "handover-classifiers-... : complaint 0.91, person 0.02" or that the rules decided alone. */
        public String summary() {
            if (version == null) {
                return "not loaded: the rules decided alone";
            }
            StringBuilder text = new StringBuilder(version);
            probabilities.forEach((reason, probability) -> text.append(text.length() == version.length() ? ": " : ", ")
                    .append(reason).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", probability)));
            return text.toString();
        }
    }

    public record ToolCall(String name, Map<String, Object> arguments, String result) {
    }
}

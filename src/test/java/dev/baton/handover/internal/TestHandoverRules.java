package dev.baton.handover.internal;

import dev.baton.handover.HandoverRules;
import dev.baton.knowledge.TextEmbeddings;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * The handover rules without Spring: the in-process embedding model, the classifiers shipped in the jar, and one rule
 * book for every account.
 */
public final class TestHandoverRules {

    private static volatile TextEmbeddings embeddings;
    private static volatile HandoverClassifier classifier;

    private TestHandoverRules() {
    }

    public static HandoverRules withDefaults() {
        return with(HandoverProperties.defaults().ruleBook());
    }

    static HandoverRuleEngine with(RuleBook book) {
        return with(book, classifier());
    }

    static HandoverRuleEngine with(RuleBook book, HandoverClassifier classifier) {
        return new HandoverRuleEngine(rules(), accountId -> book, classifier);
    }

    /** The models shipped in the jar, loaded once per test JVM. */
    static synchronized HandoverClassifier classifier() {
        if (classifier == null) {
            classifier = new HandoverClassifier(HandoverClassifier.DEFAULT_LOCATION);
        }
        return classifier;
    }

    static List<TriggerRule> rules() {
        return List.of(new HumanRequestedRule(embeddings()), new NegativeEmotionRule(), new OutOfKnowledgeRule(),
                new SpecialPolicyRule(), new RepeatedResponseRule(), new TechnicalIssueRule(), new DataNotFoundRule(),
                new SensitiveDataRule(), new ChannelSwitchRule(), new VipRule());
    }

    static synchronized TextEmbeddings embeddings() {
        if (embeddings == null) {
            EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            embeddings = new TextEmbeddings() {
                @Override
                public float[] embed(String text) {
                    return model.embed(text).content().vector();
                }

                @Override
                public List<float[]> embedAll(List<String> texts) {
                    return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                            .map(embedding -> embedding.vector()).toList();
                }
            };
        }
        return embeddings;
    }
}

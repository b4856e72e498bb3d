package dev.baton.handover.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.handover.HandoverReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * The trained handover classifiers: for a message, the probability that it asks for a person, complains or is
 * angry, or raises a sensitive account or payment matter. Three logistic regressions over {@link MessageFeatures},
 * trained by {@code HandoverTraining} from labelled text in six languages and shipped in the jar
 * ({@code handover/models/}); loaded once at start, no network.
 *
 * <p>When the models cannot be loaded (a file missing or damaged, features of another version) the error is logged
 * once and {@link #loaded()} is false: the rules then decide alone, as they did before the models existed.
 */
@Component
class HandoverClassifier {

    static final String DEFAULT_LOCATION = "classpath:handover/models/";

    private static final Logger log = LoggerFactory.getLogger(HandoverClassifier.class);

    /** The judgments a model is trained for, each the evidence for one handover reason. */
    enum Judgment {
        PERSON("person", HandoverReason.HUMAN_REQUESTED),
        COMPLAINT("complaint", HandoverReason.NEGATIVE_EMOTION),
        SENSITIVE("sensitive", HandoverReason.SENSITIVE_DATA);

        private final String label;
        private final HandoverReason reason;

        Judgment(String label, HandoverReason reason) {
            this.label = label;
            this.reason = reason;
        }

        /** The label in the training data and the model file's name. */
        String label() {
            return label;
        }

        HandoverReason reason() {
            return reason;
        }
    }

    /** The label a model gives a message of its judgment; the other is {@link #NO}. */
    static final String YES = "yes";
    static final String NO = "no";

    /** Recent texts' probabilities kept. */
    static final int TEXTS_KEPT = 4_096;

    private final String version;
    private final Map<Judgment, Model<Label>> models;
    private final Cache<String, Map<Judgment, Double>> recent = Caffeine.newBuilder().maximumSize(TEXTS_KEPT).build();

    @Autowired
    HandoverClassifier(HandoverClassifierProperties properties) {
        this(properties.location());
    }

    HandoverClassifier(String folder) {
        String location = folder.endsWith("/") ? folder : folder + "/";
        String loadedVersion = null;
        Map<Judgment, Model<Label>> loadedModels = Map.of();
        try {
            Properties manifest = manifest(location);
            String features = manifest.getProperty("features");
            if (!MessageFeatures.VERSION.equals(features)) {
                throw new IOException("the models were trained on features " + features + ", this build makes "
                        + MessageFeatures.VERSION + "; train them again (HandoverTraining)");
            }
            Map<Judgment, Model<Label>> read = new EnumMap<>(Judgment.class);
            for (Judgment judgment : Judgment.values()) {
                read.put(judgment, model(location, judgment));
            }
            loadedVersion = manifest.getProperty("version");
            loadedModels = Collections.unmodifiableMap(read);
            log.info("Handover classifiers {} loaded from {}", loadedVersion, location);
        } catch (IOException | RuntimeException e) {
            log.error("Handover classifiers not loaded from {}: {}. The handover rules decide without them.", location,
                    e.getMessage());
        }
        this.version = loadedVersion;
        this.models = loadedModels;
    }

    /** Models already in memory: what the training measures before it writes them. */
    HandoverClassifier(String version, Map<Judgment, Model<Label>> models) {
        this.version = version;
        this.models = models.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(models));
    }

    boolean loaded() {
        return !models.isEmpty();
    }

    /** The models' version ({@code handover-classifiers-<date>-<features>}), or empty when none is loaded. */
    Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * Each judgment's probability for the text; empty when the models are not loaded. Kept for recent texts: a turn
     * judges the shopper's message before and after the reply, and the next turns read it again in context.
     */
    Map<Judgment, Double> classify(String text) {
        if (models.isEmpty()) {
            return Map.of();
        }
        return recent.get(text, key -> {
            Example<Label> example = example(key, LabelFactory.UNKNOWN_LABEL);
            Map<Judgment, Double> probabilities = new EnumMap<>(Judgment.class);
            models.forEach((judgment, model) -> probabilities.put(judgment, yes(model.predict(example))));
            return Collections.unmodifiableMap(probabilities);
        });
    }

    /** One judgment's probability for the text; 0 when the models are not loaded. */
    double probability(String text, Judgment judgment) {
        return classify(text).getOrDefault(judgment, 0.0);
    }

    /** A message as a Tribuo example with {@link MessageFeatures}; training builds its examples the same way. */
    static Example<Label> example(String text, Label label) {
        List<MessageFeatures.Feature> features = MessageFeatures.of(text);
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        for (int i = 0; i < features.size(); i++) {
            names[i] = features.get(i).name();
            values[i] = features.get(i).value();
        }
        return new ArrayExample<>(label, names, values);
    }

    static double yes(Prediction<Label> prediction) {
        Label yes = prediction.getOutputScores().get(YES);
        return yes == null ? 0 : yes.getScore();
    }

    private static Properties manifest(String location) throws IOException {
        Resource resource = new DefaultResourceLoader().getResource(location + "manifest.properties");
        if (!resource.exists()) {
            throw new IOException(resource.getDescription() + " is missing");
        }
        Properties manifest = new Properties();
        try (InputStream in = resource.getInputStream()) {
            manifest.load(in);
        }
        return manifest;
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> model(String location, Judgment judgment) throws IOException {
        Resource resource = new DefaultResourceLoader().getResource(location + judgment.label() + ".tribuo.gz");
        if (!resource.exists()) {
            throw new IOException(resource.getDescription() + " is missing");
        }
        try (InputStream in = new GZIPInputStream(resource.getInputStream())) {
            Model<?> model = Model.deserializeFromStream(in);
            if (!model.validate(Label.class)) {
                throw new IOException(resource.getDescription() + " is not a classification model");
            }
            return (Model<Label>) model;
        }
    }
}

package dev.baton.agent.internal;

import java.util.Map;
import java.util.Set;

/**
 * What Apache OpenNLP's language detector says of a message, as far as the six languages go: the best of the six
 * in its ranking, how its score compares to the best language outside the six ({@code overForeign}) and to the next
 * of the six ({@code overNext}). Its scores over 103 languages lie close together, so only ratios mean anything.
 */
record ModelReading(Language best, double overForeign, double overNext) {

    /** Nothing read: the message was too short to ask the model. */
    static final ModelReading NOTHING = new ModelReading(null, 0, 0);

    /** The best of the six must be nearly as likely as the best other language... */
    static final double SIX_TO_FOREIGN = 0.95;
    /** ...and this much likelier than the next of the six to be taken on the model's word alone. */
    static final double MARGIN = 1.1;
    /** Below this ratio to the best other language, the message is in that other language. */
    static final double FOREIGN_BELOW = 0.85;

    /** OpenNLP's ISO 639-3 codes of the six; Malay and Indonesian are one language to the model's eye. */
    private static final Map<String, Language> SIX = Map.of("eng", Language.EN, "spa", Language.ES,
            "por", Language.PT, "rus", Language.RU, "pol", Language.PL, "ind", Language.ID, "msa", Language.ID);

    /**
     * Regional languages of Indonesia (Sundanese, Javanese, Minangkabau) that the model readily predicts for
     * colloquial Indonesian: they never count as another language beating the six.
     */
    private static final Set<String> INDONESIAN_NEIGHBOURS = Set.of("sun", "jav", "min");

    /** Reads OpenNLP's predictions, best first. */
    static ModelReading of(opennlp.tools.langdetect.Language[] predictions) {
        Language best = null;
        double bestScore = 0;
        double nextScore = 0;
        double foreignScore = 0;
        for (opennlp.tools.langdetect.Language prediction : predictions) {
            Language language = SIX.get(prediction.getLang());
            double score = prediction.getConfidence();
            if (language == null) {
                if (foreignScore == 0 && !INDONESIAN_NEIGHBOURS.contains(prediction.getLang())) {
                    foreignScore = score;
                }
            } else if (best == null) {
                best = language;
                bestScore = score;
            } else if (language != best && nextScore == 0) {
                nextScore = score;
            }
        }
        return new ModelReading(best, ratio(bestScore, foreignScore), ratio(bestScore, nextScore));
    }

    /** The model alone names one of the six. */
    boolean isSure() {
        return best != null && overForeign >= SIX_TO_FOREIGN && overNext >= MARGIN;
    }

    /** The model reads another language than the six. */
    boolean isForeign() {
        return best != null && overForeign < FOREIGN_BELOW;
    }

    /** The model ranks this language first among the six and level with any other: enough to back another signal. */
    boolean favours(Language language) {
        return best == language && overForeign >= SIX_TO_FOREIGN;
    }

    private static double ratio(double score, double other) {
        return other == 0 ? Double.MAX_VALUE : score / other;
    }
}

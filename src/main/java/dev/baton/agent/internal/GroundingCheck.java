package dev.baton.agent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before a reply goes out: every amount and quantity it states must appear in what the tools returned or the
 * sources said. A reply that states a figure with no source is not sent.
 */
final class GroundingCheck {

    /** Amounts ("$139.00", "139,00", "1.299"), percentages and counts of two or more digits. */
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private GroundingCheck() {
    }

    /** The figures of the reply that the evidence does not contain (empty: grounded). */
    static List<String> unsupported(String reply, String evidence, String message) {
        String normalizedEvidence = normalize(evidence) + " " + normalize(message);
        List<String> missing = new ArrayList<>();
        Matcher matcher = FIGURE.matcher(reply);
        while (matcher.find()) {
            String figure = matcher.group();
            if (figure.length() < 2 && !figure.contains(".")) {
                continue; // single digits: "1 of", list numbering
            }
            if (!normalizedEvidence.contains(normalize(figure))) {
                missing.add(figure);
            }
        }
        return missing;
    }

    private static String normalize(String text) {
        return text.replace(",", "").replace(" ", " ");
    }
}

package dev.baton.handover.web;

import dev.baton.handover.HandoverReason;
import dev.baton.handover.internal.RuleSetting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One trigger rule as the Handover settings page shows it: what it means in a shop's words, its switch, and its
 * thresholds under the names the rules API uses ({@code NEGATIVE_EMOTION.score} is the form field of the API's
 * threshold {@code score} of {@code NEGATIVE_EMOTION}).
 */
record TriggerRow(HandoverReason reason, String title, String description, boolean enabled, List<Threshold> thresholds) {

    /** {@code step} is "1" for a whole number, "any" otherwise; {@code list} for the VIP tags (comma-separated). */
    record Threshold(String key, String field, String label, String hint, String value, String step, boolean list) {
    }

    private record Text(String title, String description) {
    }

    /** {@code whole}: a count, not a measure. */
    private record Label(String label, String hint, boolean whole) {

        Label(String label, String hint) {
            this(label, hint, false);
        }
    }

    private static final Map<HandoverReason, Text> TEXTS = new EnumMap<>(Map.of(
            HandoverReason.HUMAN_REQUESTED, new Text("Asks for a person",
                    "The shopper asks to talk to a person, in any of the six languages: phrases, and the trained "
                            + "classifier from its threshold."),
            HandoverReason.NEGATIVE_EMOTION, new Text("Angry or upset",
                    "A complaint, insults, threats to complain in public, shouting in capitals, many exclamation "
                            + "marks, or a mood that keeps getting worse over the last messages (the trained classifier "
                            + "and the rules)."),
            HandoverReason.OUT_OF_KNOWLEDGE, new Text("No answer in the knowledge",
                    "Nothing in the store's knowledge backs the answer, or the agent's reply says it is not sure."),
            HandoverReason.SPECIAL_POLICY, new Text("Needs a person's decision",
                    "Refunds outside the return window, compensation, price matching, custom deals, wholesale prices."),
            HandoverReason.REPEATED_RESPONSE, new Text("Going round in circles",
                    "The agent is about to repeat one of its last replies, or the shopper asks the same thing again."),
            HandoverReason.TECHNICAL_ISSUE, new Text("Technical problem",
                    "The shopper reports a crash, a failed payment or a bug; or the model or a tool failed while "
                            + "answering."),
            HandoverReason.DATA_NOT_FOUND, new Text("Order or customer not found",
                    "A lookup of an order or a customer found nothing, or the store connection is down."),
            HandoverReason.SENSITIVE_DATA, new Text("Sensitive request",
                    "Lost or stolen cards, charges not recognised, identity checks, closing the account, changing "
                            + "personal details, deleting data; a card number in a message (the trained classifier and "
                            + "the rules)."),
            HandoverReason.CHANNEL_SWITCH, new Text("Continues from another channel",
                    "The contact has an issue still open on another channel, where a person may already be on it."),
            HandoverReason.VIP, new Text("VIP customer",
                    "Lifetime spend or order count at the thresholds, or a VIP tag in the store. VIP conversations "
                            + "go to the VIP group.")));

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("HUMAN_REQUESTED.classifier", new Label("Classifier from (0–1)",
                    "The trained classifier's probability that the message asks for a person; 1 leaves it to the rules.")),
            Map.entry("NEGATIVE_EMOTION.classifier", new Label("Classifier from (0–1)",
                    "The trained classifier's probability of a complaint or anger; 1 leaves it to the rules.")),
            Map.entry("SENSITIVE_DATA.classifier", new Label("Classifier from (0–1)",
                    "The trained classifier's probability of a sensitive account or payment matter; 1 leaves it to "
                            + "the rules.")),
            Map.entry("HUMAN_REQUESTED.similarity", new Label("Closeness in meaning (0–1)",
                    "How close an English message must come to a “talk to a person” phrase.")),
            Map.entry("NEGATIVE_EMOTION.score", new Label("Anger score", "A message scoring this much hands over.")),
            Map.entry("NEGATIVE_EMOTION.capitalsShare", new Label("Share of capitals (0–1)",
                    "This share of upper-case letters counts as shouting.")),
            Map.entry("NEGATIVE_EMOTION.capitalsMinLetters", new Label("Fewest letters for shouting",
                    "Shorter messages never count as shouting.", true)),
            Map.entry("NEGATIVE_EMOTION.exclamationMarks", new Label("Exclamation marks",
                    "This many in one message count as anger.", true)),
            Map.entry("NEGATIVE_EMOTION.trendFrom", new Label("Rising from",
                    "A score rising over the last three messages hands over from here.")),
            Map.entry("OUT_OF_KNOWLEDGE.directQuestionTurns", new Label("Turns for a direct question",
                    "Answers in a row without support before handing over.", true)),
            Map.entry("OUT_OF_KNOWLEDGE.vagueTurns", new Label("Turns for a vague message",
                    "The next message often makes a vague one clear.", true)),
            Map.entry("REPEATED_RESPONSE.similarity", new Label("Similarity (0–1)",
                    "At which a reply or a question counts as repeated.")),
            Map.entry("REPEATED_RESPONSE.lastReplies", new Label("Replies compared",
                    "How many of the agent's last replies a new one is compared with.", true)),
            Map.entry("VIP.lifetimeSpend", new Label("Lifetime spend from", "In the store's currency.")),
            Map.entry("VIP.orderCount", new Label("Orders from", "Number of orders in the store.", true)),
            Map.entry("VIP.tags", new Label("Store tags", "Comma-separated, any case.")));

    /** The rule as stored, with what the user typed over it after a mistake ({@code typed} may be empty). */
    static TriggerRow of(RuleSetting setting, Map<String, String> typed) {
        HandoverReason reason = setting.reason();
        List<Threshold> thresholds = new ArrayList<>();
        setting.thresholds().forEach((key, value) -> {
            String field = field(reason, key);
            Label label = LABELS.getOrDefault(field, new Label(key, ""));
            boolean list = value instanceof List<?>;
            thresholds.add(new Threshold(key, field, label.label(), label.hint(),
                    typed.getOrDefault(field, shown(value)), label.whole() ? "1" : "any", list));
        });
        boolean enabled = typed.isEmpty() ? setting.enabled() : typed.containsKey(enabledField(reason));
        Text text = TEXTS.get(reason);
        return new TriggerRow(reason, text.title(), text.description(), enabled, List.copyOf(thresholds));
    }

    static String field(HandoverReason reason, String key) {
        return reason.name() + "." + key;
    }

    static String enabledField(HandoverReason reason) {
        return reason.name() + ".enabled";
    }

    private static String shown(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** Whether the threshold is a count (a whole number), by its form field. */
    static boolean whole(String field) {
        Label label = LABELS.get(field);
        return label != null && label.whole();
    }
}

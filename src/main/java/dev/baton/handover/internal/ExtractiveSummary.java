package dev.baton.handover.internal;

import dev.baton.handover.HandoverRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary a manager reads first when no chat model writes one: built only from the conversation and the agent's
 * tool results, never invented. What the shopper wants (their first real request and their last message), key facts
 * (order numbers, amounts, emails and phones, products the agent looked up), what the agent answered and did, why
 * it handed over, how the shopper's mood went, and a suggested next step. Card numbers are masked.
 */
final class ExtractiveSummary {

    private static final Pattern ORDER = Pattern.compile("#\\s?\\d{3,10}\\b");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[$€£¥₹]|Rp\\.?|R\\$|zł|USD|EUR|IDR|PLN|BRL|RUB)\\s?\\d[\\d.,]*\\d|\\d[\\d.,]*\\s?(?:USD|EUR|IDR|PLN|BRL|RUB|zł|руб\\.?|₽|€)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{7,}\\d");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|hola|olá|ola|oi|halo|hai|selamat \\w+|привет|здравствуйте|dzień dobry|cześć|czesc|good \\w+)[!. ,]*$",
            Pattern.CASE_INSENSITIVE);
    private static final int QUOTE = 240;

    private static final Map<String, String> NEXT_STEP = Map.ofEntries(
            Map.entry("HUMAN_REQUESTED", "Reply in person: the shopper asked for a person."),
            Map.entry("NEGATIVE_EMOTION", "Acknowledge the frustration first, then resolve the problem; offer a call if it helps."),
            Map.entry("OUT_OF_KNOWLEDGE", "Answer what the agent could not, then add the answer to the knowledge base."),
            Map.entry("SPECIAL_POLICY", "Decide on the exception (refund, compensation, price) and tell the shopper what you can do."),
            Map.entry("REPEATED_RESPONSE", "The agent was going in circles: read the last messages and answer directly."),
            Map.entry("TECHNICAL_ISSUE", "Check the reported problem (payment, site, or Baton itself) and follow up."),
            Map.entry("DATA_NOT_FOUND", "Look the order or customer up in the store admin: the agent found nothing."),
            Map.entry("SENSITIVE_DATA", "Verify the shopper's identity before changing account, address or payment details; never ask for a full card number in chat."),
            Map.entry("CHANNEL_SWITCH", "The shopper continues an open issue from another channel: read that conversation first."),
            Map.entry("VIP", "A VIP customer: answer personally and with priority."),
            Map.entry("USAGE_LIMIT", "The account reached its agent usage limit: answer in person."));

    private final EmotionScore emotion = new EmotionScore();
    private final RuleSetting emotionSetting = HandoverProperties.defaults().ruleBook().of(dev.baton.handover.HandoverReason.NEGATIVE_EMOTION);

    String summarize(HandoverRequest request, String category, String priority) {
        List<String> shopper = request.transcript().stream().filter(line -> "SHOPPER".equals(line.role()))
                .map(HandoverRequest.Line::text).toList();
        List<String> agent = request.transcript().stream().filter(line -> "AGENT".equals(line.role()))
                .map(HandoverRequest.Line::text).toList();
        StringBuilder summary = new StringBuilder();

        String wants = shopper.stream().filter(text -> !GREETING.matcher(text.strip()).matches()).findFirst()
                .orElse(shopper.isEmpty() ? "" : shopper.get(0));
        line(summary, "Wants", wants.isEmpty() ? "(no message)" : quote(wants));
        if (shopper.size() > 1 && !shopper.get(shopper.size() - 1).equals(wants)) {
            line(summary, "Last message", quote(shopper.get(shopper.size() - 1)));
        }

        List<String> facts = facts(String.join("\n", shopper) + "\n" + String.join("\n", request.agentActions()));
        if (request.contact().orderCount() != null && request.contact().orderCount() > 0) {
            int orders = request.contact().orderCount();
            facts.add(orders + (orders == 1 ? " order" : " orders") + " at the store"
                    + (request.contact().lifetimeSpend() == null ? "" : ", " + request.contact().lifetimeSpend().toPlainString() + " spent"));
        }
        line(summary, "Key facts", facts.isEmpty() ? "none mentioned" : String.join(" · ", facts));

        // The agent's last real answer: its handover reply is the transition message itself.
        List<String> answers = agent.size() > 1 ? agent.subList(0, agent.size() - 1) : List.of();
        line(summary, "Agent answered", answers.isEmpty() ? "nothing yet (handed over at once)"
                : answers.size() + " time" + (answers.size() == 1 ? "" : "s") + "; last: " + quote(answers.get(answers.size() - 1)));
        List<String> actions = request.agentActions().stream().map(ExtractiveSummary::mask).toList();
        if (!actions.isEmpty()) {
            line(summary, "Agent did", String.join("; ", actions.subList(Math.max(0, actions.size() - 6), actions.size())));
        }
        line(summary, "Reason", String.join(", ", request.reasons()) + " (priority " + priority + ")"
                + (request.evidence().isEmpty() ? "" : ": " + mask(String.join("; ", request.evidence()))));
        line(summary, "Sentiment", sentiment(shopper));
        String step = NEXT_STEP.getOrDefault(category, "Read the conversation and answer in person.");
        Matcher order = ORDER.matcher(String.join("\n", shopper));
        if (order.find()) {
            step += " Order " + order.group().replace(" ", "") + " was mentioned.";
        }
        line(summary, "Suggested next step", step);
        return summary.toString().strip();
    }

    /** Order numbers, amounts, emails and phones in what the shopper wrote and the tools returned, in order. */
    static List<String> facts(String text) {
        String masked = mask(text);
        Set<String> facts = new LinkedHashSet<>();
        for (Pattern pattern : List.of(ORDER, AMOUNT, EMAIL, PHONE)) {
            Matcher matcher = pattern.matcher(masked);
            while (matcher.find() && facts.size() < 12) {
                String fact = matcher.group().strip();
                if (pattern == PHONE && (fact.contains("•") || facts.stream().anyMatch(f -> f.contains(fact)))) {
                    continue;
                }
                facts.add(pattern == ORDER ? fact.replace(" ", "") : fact);
            }
        }
        return new ArrayList<>(facts);
    }

    /** Card-like numbers keep only their last four digits. */
    static String mask(String text) {
        Matcher matcher = CARD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[^0-9]", "");
            matcher.appendReplacement(out, Matcher.quoteReplacement("•••• " + digits.substring(digits.length() - 4)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String sentiment(List<String> shopper) {
        if (shopper.isEmpty()) {
            return "unknown";
        }
        List<String> last = shopper.subList(Math.max(0, shopper.size() - 5), shopper.size());
        List<Double> scores = last.stream().map(text -> emotion.score(text, emotionSetting).score()).toList();
        double first = scores.get(0);
        double end = scores.get(scores.size() - 1);
        double max = scores.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String word;
        if (max < 0.5) {
            word = "calm";
        } else if (end > first && end >= 1) {
            word = "rising anger";
        } else if (end >= 1) {
            word = "upset";
        } else if (end < max) {
            word = "calmer now";
        } else {
            word = "a little annoyed";
        }
        return word + " (scores " + String.join(" → ", scores.stream()
                .map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()) + ")";
    }

    private static String quote(String text) {
        String clean = mask(text.strip().replaceAll("\\s+", " "));
        return "\"" + (clean.length() <= QUOTE ? clean : clean.substring(0, QUOTE - 1) + "…") + "\"";
    }

    private static void line(StringBuilder summary, String label, String value) {
        summary.append(label).append(": ").append(value).append('\n');
    }
}

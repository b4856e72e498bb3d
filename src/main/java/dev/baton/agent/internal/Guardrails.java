package dev.baton.agent.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Messages that try to change the agent's rules: instructions to ignore them, to reveal the system message, or
 * demands for discounts the store never published. They are refused with a fixed text, change nothing, and the
 * decision is in the trace. Asking whether there is a sale is a question, not an attack, and is answered normally.
 */
final class Guardrails {

    private static final List<Pattern> ATTACKS = List.of(
            // "ignore your rules / previous instructions", in the six languages
            Pattern.compile("\\b(ignore|disregard|forget)\\b.{0,30}\\b(rules?|instructions?|prompt|guidelines)"),
            Pattern.compile("\\b(ignora|olvida)\\b.{0,30}\\b(reglas|instrucciones)"),
            Pattern.compile("\\b(ignore|esqueça|esqueca)\\b.{0,30}\\b(regras|instruções|instrucoes)"),
            Pattern.compile("(игнорируй|забудь).{0,30}(правила|инструкци)"),
            Pattern.compile("\\b(abaikan|lupakan)\\b.{0,30}\\b(aturan|instruksi|perintah)"),
            Pattern.compile("\\b(zignoruj|zapomnij)\\b.{0,30}\\b(zasady|instrukcje|polecenia)"),
            Pattern.compile("system (prompt|message)|your (instructions|prompt)|you are now|developer mode|jailbreak"),
            // a demand for a percentage off ("give me 90% off", "kasih diskon 90%")
            Pattern.compile("\\d{1,3}\\s?%\\s?(off|discount|descuento|desconto|diskon|rabat|скидк)"),
            Pattern.compile("(discount|descuento|desconto|diskon|rabat|скидк)\\w*\\s\\d{1,3}\\s?%"));

    private Guardrails() {
    }

    /** The rule a message breaks, if any, as shown in the trace. */
    static Optional<String> attack(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        for (Pattern pattern : ATTACKS) {
            var matcher = pattern.matcher(text);
            if (matcher.find()) {
                return Optional.of("refused: the message tries to change the agent's rules or prices (\"" + matcher.group() + "\")");
            }
        }
        return Optional.empty();
    }
}

package dev.baton.agent.internal;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Interim detector (script and a few very common words), replaced by the OpenNLP-based one being built on the
 * language-detection branch; same methods.
 */
@Component
class LanguageDetection {

    private static final Set<String> INDONESIAN = Set.of("halo", "kak", "berapa", "harga", "harganya", "apa", "ada",
            "saya", "mau", "bisa", "pesanan", "terima", "kasih", "makasih", "nggak", "gak", "dong", "sudah", "belum",
            "yang", "ini", "itu", "dengan", "untuk", "tidak", "stok", "ready", "kirim", "retur", "bagaimana");
    private static final Set<String> SPANISH = Set.of("hola", "cuánto", "cuanto", "cuesta", "pedido", "gracias",
            "dónde", "donde", "quiero", "tienen", "envío", "precio", "qué", "está");
    private static final Set<String> PORTUGUESE = Set.of("olá", "ola", "obrigado", "obrigada", "quanto", "custa",
            "pedido", "meu", "onde", "vocês", "você", "frete", "preço", "não");
    private static final Set<String> POLISH = Set.of("cześć", "dzień", "dobry", "ile", "kosztuje", "zamówienie",
            "gdzie", "dziękuję", "jest", "czy", "mogę", "moje");

    Optional<Language> detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            return Optional.of(Language.RU);
        }
        if (lower.matches("(?s).*[ąćęłńśźż].*")) {
            return Optional.of(Language.PL);
        }
        int id = 0, es = 0, pt = 0, pl = 0;
        for (String word : IntentDetector.words(lower)) {
            id += INDONESIAN.contains(word) ? 1 : 0;
            es += SPANISH.contains(word) ? 1 : 0;
            pt += PORTUGUESE.contains(word) ? 1 : 0;
            pl += POLISH.contains(word) ? 1 : 0;
        }
        int best = Math.max(Math.max(id, es), Math.max(pt, pl));
        if (best == 0) {
            return lower.matches("(?s).*\\b(the|is|what|how|where|my|do|you|hi|hello|can|price|order)\\b.*")
                    ? Optional.of(Language.EN) : Optional.empty();
        }
        return Optional.of(best == id ? Language.ID : best == es ? Language.ES : best == pt ? Language.PT : Language.PL);
    }

    Language detect(String text, Language previous, Language accountDefault) {
        return detect(text).orElse(previous != null ? previous : accountDefault);
    }
}

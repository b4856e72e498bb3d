package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.knowledge.TextEmbeddings;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shopper asks for a person. Phrases catch the ways people say it in each language, colloquial ones included;
 * a short message that names a way of reaching someone ("talk", "pasame", "соедините") and a person ("staff",
 * "alguien", "оператор"), or a very short one that names a person who can only be staff ("operator!!", "chcę
 * człowieka"), catches the wordings no phrase has; the embedding model catches more English ones. Only the English phrases are compared by meaning:
 * the small in-process model knows English, and scores unrelated Cyrillic texts as close (0.8 for "a sleeping bag
 * for one person" and "call the manager"). Missing a request is the worst failure a handover can have, so both
 * checks are tried.
 */
@Component
class HumanRequestedRule implements TriggerRule {

    /** Longer messages are stories ("the person at the depot told me to call..."), not requests. */
    static final int MAX_WORDS_FOR_CUES = 20;

    /** In a chat with a shop, "operator!!" or "chcę człowieka" alone can only mean one thing. */
    static final int MAX_WORDS_ALONE = 6;

    private final PhraseList phrases = PhraseList.load("human_requested");
    private final PhraseList contactVerbs = PhraseList.load("contact_verbs");
    private final PhraseList personNouns = PhraseList.load("person_nouns");
    private final PhraseList personAlone = PhraseList.load("person_alone");
    private final List<PhraseList.Phrase> english = phrases.phrases().stream()
            .filter(phrase -> phrase.language().equals("en")).toList();
    private final TextEmbeddings embeddings;
    private volatile List<float[]> vectors;

    HumanRequestedRule(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public HandoverReason reason() {
        return HandoverReason.HUMAN_REQUESTED;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        Optional<PhraseList.Phrase> phrase = phrases.find(conversation.lastCustomerWords());
        if (phrase.isPresent()) {
            return List.of(new Evidence(reason(), "phrase", "matched " + phrase.get()));
        }
        Optional<Evidence> cues = cues(conversation.lastCustomerWords());
        if (cues.isPresent()) {
            return List.of(cues.get());
        }
        if (conversation.lastCustomerWords().size() < 2) {
            return List.of();
        }
        return closest(conversation.lastCustomerText())
                .filter(match -> match.similarity() >= setting.number("similarity"))
                .map(match -> List.of(new Evidence(reason(), "similarity", String.format(Locale.ROOT,
                        "%.2f to %s", match.similarity(), match.phrase()))))
                .orElse(List.of());
    }

    private Optional<Evidence> cues(NormalizedText words) {
        if (words.size() <= MAX_WORDS_ALONE) {
            Optional<PhraseList.Phrase> alone = personAlone.find(words);
            if (alone.isPresent()) {
                return Optional.of(new Evidence(reason(), "person in a short message", "matched " + alone.get()));
            }
        }
        if (words.size() > MAX_WORDS_FOR_CUES) {
            return Optional.empty();
        }
        Optional<PhraseList.Phrase> verb = contactVerbs.find(words);
        Optional<PhraseList.Phrase> person = personNouns.find(words);
        if (verb.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Evidence(reason(), "contact + person", verb.get() + " with " + person.get()));
    }

    private Optional<Match> closest(String text) {
        List<float[]> known = vectors();
        float[] vector = embeddings.embed(text);
        Match best = null;
        for (int i = 0; i < known.size(); i++) {
            double similarity = TextEmbeddings.cosine(vector, known.get(i));
            if (best == null || similarity > best.similarity()) {
                best = new Match(english.get(i), similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    private List<float[]> vectors() {
        List<float[]> loaded = vectors;
        if (loaded == null) {
            synchronized (this) {
                if (vectors == null) {
                    vectors = embeddings.embedAll(english.stream()
                            .map(phrase -> phrase.text().replace("*", "").strip()).toList());
                }
                loaded = vectors;
            }
        }
        return loaded;
    }

    private record Match(PhraseList.Phrase phrase, double similarity) {
    }
}

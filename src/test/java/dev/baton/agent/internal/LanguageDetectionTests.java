package dev.baton.agent.internal;

import dev.baton.agent.internal.LanguageDetection.Evidence;
import dev.baton.agent.internal.ShopperMessages.Labelled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectionTests {

    // Loading OpenNLP's model takes about a second: once for all the tests.
    private static final LanguageDetection detection = new LanguageDetection();

    static Stream<Arguments> messagesInTheSix() {
        return ShopperMessages.IN_SIX.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(text -> Arguments.of(entry.getKey(), text)));
    }

    static List<String> messagesInOtherLanguages() {
        return ShopperMessages.FOREIGN;
    }

    static List<String> messagesWithoutLanguage() {
        return ShopperMessages.NEUTRAL;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("messagesInTheSix")
    void namesTheLanguageOfAMessageInTheSix(Language language, String text) {
        assertThat(detection.detect(text)).contains(language);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesInOtherLanguages")
    void namesNoneOfTheSixForAnotherLanguage(String text) {
        assertThat(detection.detect(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("messagesWithoutLanguage")
    void namesNoLanguageForEmojiNumbersLinksAndOk(String text) {
        assertThat(detection.detect(text)).isEmpty();
        assertThat(detection.detect(text, Language.ES, Language.EN)).isEqualTo(Language.ES);
        assertThat(detection.detect(text, null, Language.PL)).isEqualTo(Language.PL);
    }

    @ParameterizedTest(name = "{1} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | sí, por favor                 | PT | sim, por favor
            ES | buenas noches                 | PT | boa noite
            ES | mi pedido no llegó            | PT | meu pedido ainda não chegou
            ES | cuanto tarda el envio         | PT | quanto tempo demora a entrega
            ES | ¿cuánto cuesta el envío?      | PT | quanto custa o envio?
            ES | puedo pagar con tarjeta?      | PT | posso pagar com cartão?
            ID | ready stock kak?              | EN | is it in stock?
            ID | free ongkir gak?              | EN | free shipping?
            ID | size M ada?                   | EN | size M available?
            ID | harga promo berapa?           | EN | what is the promo price?
            """)
    void tellsLookAlikesApart(Language one, String inOne, Language other, String inOther) {
        assertThat(detection.detect(inOne)).contains(one);
        assertThat(detection.detect(inOther)).contains(other);
    }

    @Test
    void keepsTheConversationsLanguageForALoneBorrowedWord() {
        assertThat(detection.classify("thanks!").evidence()).isEqualTo(Evidence.ONE_WORD);
        assertThat(detection.detect("thanks!", Language.ES, Language.PT)).isEqualTo(Language.ES);
        assertThat(detection.detect("thanks!", null, Language.PT)).isEqualTo(Language.EN);
        assertThat(detection.detect("gracias", Language.ID, Language.EN)).isEqualTo(Language.ID);
        assertThat(detection.detect("gracias", null, Language.EN)).isEqualTo(Language.ES);
        assertThat(detection.detect("makasih", null, Language.EN)).isEqualTo(Language.ID);
        assertThat(detection.detect("obrigado", null, Language.EN)).isEqualTo(Language.PT);
    }

    @Test
    void switchesLanguageWhenTheMessageIsSurelyInAnother() {
        assertThat(detection.detect("Ile kosztuje ten plecak?", Language.ES, Language.EN)).isEqualTo(Language.PL);
        assertThat(detection.detect("where is my order", Language.ID, Language.ES)).isEqualTo(Language.EN);
        assertThat(detection.detect("halo kak, jaket ini ready?", Language.EN, Language.EN)).isEqualTo(Language.ID);
        // Script and letters are no borrowed words: one is enough.
        assertThat(detection.detect("спасибо", Language.EN, Language.EN)).isEqualTo(Language.RU);
        assertThat(detection.detect("dzięki", Language.EN, Language.EN)).isEqualTo(Language.PL);
    }

    @Test
    void answersAnotherLanguageInTheAccountsDefault() {
        assertThat(detection.detect("Ich möchte meine Bestellung stornieren", Language.ES, Language.PL))
                .isEqualTo(Language.PL);
        assertThat(detection.detect("我的订单在哪里？", Language.ES, Language.EN)).isEqualTo(Language.EN);
        assertThat(detection.detect("Де моє замовлення?", Language.RU, Language.EN)).isEqualTo(Language.EN);
    }

    @Test
    void fallsBackOnNoText() {
        assertThat(detection.detect(null)).isEmpty();
        assertThat(detection.detect(null, Language.RU, Language.EN)).isEqualTo(Language.RU);
        assertThat(detection.detect("   ", null, Language.EN)).isEqualTo(Language.EN);
    }

    @Test
    void getsMessagesWrittenAfterTuningMostlyRight() {
        List<Labelled> messages = ShopperMessages.WRITTEN_AFTER_TUNING;
        List<Labelled> missed = messages.stream()
                .filter(message -> !detection.detect(message.text()).equals(Optional.ofNullable(message.language())))
                .toList();

        assertThat(messages).hasSize(88);
        // 83 of 88 when written; a change that loses more than one of them deserves a look.
        assertThat(missed).as("missed").hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void givesTheSameAnswersFromManyThreads() throws Exception {
        List<String> texts = messagesInTheSix().map(arguments -> (String) arguments.get()[1]).toList();
        Map<String, Optional<Language>> alone = texts.stream()
                .collect(Collectors.toMap(text -> text, detection::detect, (a, b) -> a));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = IntStream.range(0, 8)
                    .mapToObj(run -> pool.submit(() -> texts.stream()
                            .allMatch(text -> detection.detect(text).equals(alone.get(text)))))
                    .toList();
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.baton.handover.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.baton.handover.Decision;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation;
import dev.baton.handover.Situation.Turn;
import dev.baton.handover.internal.HandoverClassifier.Judgment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifiers shipped in the jar: they load, say their version and judge plain cases in each language; and when
 * they cannot be loaded (missing, damaged, or trained on other features) the log says so clearly and the rules decide
 * alone, in every language.
 */
class HandoverClassifierTests {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(HandoverClassifier.class);

    @BeforeEach
    void captureTheLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        logger.detachAppender(log);
    }

    @Test
    void theShippedModelsLoadWithTheirVersionAndAProbabilityPerJudgment() {
        HandoverClassifier classifier = new HandoverClassifier(HandoverClassifier.DEFAULT_LOCATION);

        assertThat(classifier.loaded()).isTrue();
        assertThat(classifier.version()).hasValueSatisfying(version -> assertThat(version)
                .startsWith("handover-classifiers-").endsWith("-" + MessageFeatures.VERSION));
        assertThat(classifier.classify("Can I pay with PayPal?")).containsOnlyKeys(Judgment.values())
                .allSatisfy((judgment, probability) -> assertThat(probability).isBetween(0.0, 0.5));
        assertThat(log.list).extracting(ILoggingEvent::getLevel).doesNotContain(Level.ERROR);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | PERSON    | can I please speak with one of your staff about my order
            en | COMPLAINT | Three weeks and my order still hasn't arrived. Worst shop ever, never again.
            en | SENSITIVE | I think someone stole my credit card, please block it
            es | PERSON    | necesito hablar con un asesor, por favor
            es | COMPLAINT | el pedido llegó roto y nadie responde mis correos, qué vergüenza
            es | SENSITIVE | perdí mi tarjeta y hay cargos que no reconozco
            pt | PERSON    | quero falar com um atendente humano
            pt | COMPLAINT | produto chegou quebrado e ninguém me responde, estou muito insatisfeita
            pt | SENSITIVE | clonaram meu cartão, tem compras que eu não fiz
            ru | PERSON    | соедините меня с оператором пожалуйста
            ru | COMPLAINT | заказ пришёл сломанный, поддержка не отвечает уже неделю, ужасный сервис
            ru | SENSITIVE | у меня украли карту, заблокируйте её
            id | PERSON    | mau ngobrol sama admin dong
            id | COMPLAINT | barangnya rusak, ga sesuai foto, kecewa banget sama seller ini
            id | SENSITIVE | kartu kredit saya hilang, tolong diblokir
            pl | PERSON    | chcę porozmawiać z konsultantem
            pl | COMPLAINT | paczka przyszła uszkodzona, nikt nie odpowiada na maile, jestem wściekła
            pl | SENSITIVE | zgubiłem kartę, proszę ją zablokować
            """)
    void aPlainCaseOfEachJudgmentInEachLanguageIsAboveTheDefaultThreshold(String language, Judgment judgment,
            String text) {
        HandoverClassifier classifier = TestHandoverRules.classifier();

        Map<Judgment, Double> probabilities = classifier.classify(text);

        assertThat(probabilities.get(judgment)).as(language + " " + judgment).isGreaterThanOrEqualTo(
                HandoverProperties.defaults().ruleBook().of(judgment.reason()).number("classifier"));
        assertThat(classifier.probability(text, judgment)).as("one judgment alone").isEqualTo(probabilities.get(judgment));
    }

    @Test
    void missingModelsAreAClearErrorAndTheRulesDecideAloneInEachLanguage() {
        HandoverClassifier missing = new HandoverClassifier("classpath:handover/no-such-models/");

        assertThat(missing.loaded()).isFalse();
        assertThat(missing.version()).isEmpty();
        assertThat(missing.classify("I want a refund NOW")).isEmpty();
        assertThat(errors()).singleElement().asString().contains("Handover classifiers not loaded from "
                + "classpath:handover/no-such-models/").contains("manifest.properties").contains("is missing")
                .contains("The handover rules decide without them");

        HandoverRuleEngine rules = TestHandoverRules.with(HandoverProperties.defaults().ruleBook(), missing);
        for (String request : new String[] {"I want to talk to a human", "quiero hablar con una persona",
                "quero falar com um atendente", "позовите оператора", "mau bicara dengan CS aja",
                "chcę rozmawiać z konsultantem"}) {
            Decision decision = rules.evaluate(UUID.randomUUID(), Situation.of(java.util.List.of(Turn.customer(request))));
            assertThat(decision.reasons()).as(request).contains(HandoverReason.HUMAN_REQUESTED);
            assertThat(decision.classifier().version()).isNull();
        }
    }

    @Test
    void aDamagedModelFileIsRefusedAndSaidSo(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("manifest.properties"),
                "version=handover-classifiers-test\nfeatures=" + MessageFeatures.VERSION + "\n");
        for (Judgment judgment : Judgment.values()) {
            Files.write(folder.resolve(judgment.label() + ".tribuo.gz"), new byte[] {1, 2, 3, 4});
        }

        HandoverClassifier damaged = new HandoverClassifier(folder.toUri().toString());

        assertThat(damaged.loaded()).isFalse();
        assertThat(errors()).singleElement().asString().contains("Handover classifiers not loaded")
                .contains("The handover rules decide without them");
    }

    @Test
    void modelsTrainedOnOtherFeaturesAreRefusedWithWhatToDo(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("manifest.properties"), "version=handover-classifiers-old\nfeatures=f0\n");

        HandoverClassifier old = new HandoverClassifier(folder.toUri().toString());

        assertThat(old.loaded()).isFalse();
        assertThat(errors()).singleElement().asString().contains("trained on features f0")
                .contains("train them again (HandoverTraining)");
    }

    private java.util.List<String> errors() {
        return log.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}

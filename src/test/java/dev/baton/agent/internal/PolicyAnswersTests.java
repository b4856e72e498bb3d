package dev.baton.agent.internal;

import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.knowledge.TextEmbeddings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passage that answers a policy question, on the demo store's own policies, asked in the six languages. The
 * closeness in meaning only breaks near ties, so these use a stand-in that finds every text equally close.
 */
class PolicyAnswersTests {

    private static final TextEmbeddings NO_MEANING = new TextEmbeddings() {
        @Override
        public float[] embed(String text) {
            return new float[] {1, 0};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    };

    private final PolicyAnswers answers = new PolicyAnswers(new Lexicon(), NO_MEANING);
    private final List<Policy> demo = demoPolicies();

    @Test
    void theReturnWindowIsAnsweredWithTheWindowInEveryLanguage() {
        for (String question : List.of("How long do I have to return something?", "¿Cuántos días tengo para devolver algo?",
                "Quanto tempo tenho para devolver um produto?", "Сколько дней у меня есть на возврат?",
                "Ile mam dni na zwrot?", "berapa hari batas retur barang?")) {
            assertThat(answer(question)).as(question).contains("within 30 days of delivery");
        }
    }

    @Test
    void theRefundTimeIsAnsweredWithTheRefundsPassageNotTheReturnWindow() {
        for (String question : List.of("How long does a refund take?", "si devuelvo algo, en cuanto tiempo me devuelven la plata?",
                "Po ilu dniach dostanę zwrot pieniędzy?", "Через сколько дней вернут деньги?")) {
            assertThat(answer(question)).as(question).contains("5–10 business days");
        }
    }

    @Test
    void aPaymentQuestionFindsThePaymentMethodsInTheTermsOfService() {
        for (String question : List.of("Can I pay with PayPal?", "¿Puedo pagar con tarjeta?", "Можно оплатить через PayPal?",
                "bisa bayar pakai paypal?")) {
            assertThat(answer(question)).as(question).contains("PayPal, Apple Pay, Google Pay");
        }
    }

    @Test
    void theFreeShippingThresholdAndAnExpressRateComeFromTheShippingTable() {
        assertThat(answer("do you do free shipping? how much do I need to spend")).contains("free on orders over $75");
        assertThat(answer("ile kosztuje wysyłka ekspresowa?")).startsWith("Expedited").contains("$18.00");
        assertThat(answer("ongkir overnight berapa?")).startsWith("Overnight").contains("$35.00");
    }

    @Test
    void aPhoneQuestionGetsTheNumberThatOpensThePhoneSection() {
        assertThat(answer("как с вами связаться по телефону?")).startsWith("+1 (720) 555-0148");
        assertThat(answer("qual o email de contato de vocês?")).startsWith("support@northwind-outfitters.example");
    }

    @Test
    void aQuestionWithNoPolicyTopicHasNoPassage() {
        assertThat(answers.answer("How much is the Stormline jacket?", demo)).isEmpty();
    }

    private String answer(String question) {
        return answers.answer(question, demo).map(PolicyAnswers.Passage::text).orElse("(none)");
    }

    private static List<Policy> demoPolicies() {
        Path folder = Path.of("knowledge/demo-store/policies");
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T00:00:00Z");
        return List.of(PolicyType.REFUND_POLICY, PolicyType.SHIPPING_POLICY, PolicyType.TERMS_OF_SERVICE,
                PolicyType.CONTACT_INFORMATION, PolicyType.PRIVACY_POLICY).stream().map(type -> {
                    String file = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".md";
                    try {
                        String body = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
                        return new Policy(type, body.lines().findFirst().orElse("").replace("# ", ""), body, null, now);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }
}

package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation;
import dev.baton.handover.Situation.AgentSignals;
import dev.baton.handover.Situation.ContactFacts;
import dev.baton.handover.Situation.Turn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fires on its evidence, says what the evidence was, and stays quiet on the near misses. */
class HandoverTriggerRulesTests {

    static final RuleBook DEFAULTS = HandoverProperties.defaults().ruleBook();

    static List<Evidence> check(TriggerRule rule, Situation situation) {
        return rule.check(new ConversationSoFar(situation), DEFAULTS.of(rule.reason()));
    }

    static Situation customer(String... texts) {
        return Situation.of(Arrays.stream(texts).map(Turn::customer).toList());
    }

    static Situation withAgent(AgentSignals agent, String draft, Turn... turns) {
        return new Situation(List.of(turns), null, agent, draft);
    }

    static AgentSignals signals(boolean noGrounded, boolean direct, int earlier) {
        return new AgentSignals(noGrounded, direct, false, false, false, earlier);
    }

    @Nested
    class Phrases {

        @Test
        void matchWholeWordsAfterFoldingCaseAccentsAndPunctuation() {
            PhraseList list = PhraseList.of("pt", "não consigo pagar");

            assertThat(list.find(NormalizedText.of("Socorro, NAO CONSIGO... pagar!!"))).isPresent();
            assertThat(list.find(NormalizedText.of("não consigo pagarei"))).isEmpty();
        }

        @Test
        void aStarWordMatchesItsInflectionsAndALoneStarUpToThreeWords() {
            PhraseList prefix = PhraseList.of("pl", "hurtow*");
            PhraseList gap = PhraseList.of("en", "change * address");

            assertThat(prefix.find(NormalizedText.of("Macie ceny hurtowe?"))).isPresent();
            assertThat(gap.find(NormalizedText.of("change my delivery address"))).isPresent();
            assertThat(gap.find(NormalizedText.of("change address"))).isPresent();
            assertThat(gap.find(NormalizedText.of("change the size and then my address"))).isEmpty();
        }

        @Test
        void polishAndRussianLettersFold() {
            assertThat(NormalizedText.of("Chcę rozmawiać z człowiekiem").joined()).isEqualTo("chce rozmawiac z czlowiekiem");
            assertThat(NormalizedText.of("Ещё раз").joined()).isEqualTo("еще раз");
        }
    }

    @Nested
    class HumanRequested {

        final HumanRequestedRule rule = new HumanRequestedRule(TestHandoverRules.embeddings());

        @ParameterizedTest
        @ValueSource(strings = {"mau bicara dengan CS", "ada orangnya nggak?", "Quiero hablar con una persona",
                "chcę rozmawiać z konsultantem", "Позовите оператора!", "quero falar com um atendente"})
        void aPhraseInAnyLanguageFires(String text) {
            assertThat(check(rule, customer(text))).singleElement()
                    .satisfies(evidence -> assertThat(evidence.rule()).isEqualTo("phrase"));
        }

        @Test
        void aContactWordWithAPersonWordInAShortMessageFires() {
            assertThat(check(rule, customer("I would like to chat with one of your staff members"))).singleElement()
                    .satisfies(evidence -> assertThat(evidence.detail()).isEqualTo("en: \"chat\" with en: \"staff\""));
            assertThat(check(rule, customer("The person at the depot told me to call you because I was talking to "
                    + "my neighbour about the parcel and she said someone from the courier had it"))).isEmpty();
        }

        @Test
        void aWordForStaffAloneInAVeryShortMessageFires() {
            assertThat(check(rule, customer("operator!!"))).singleElement()
                    .satisfies(evidence -> assertThat(evidence.rule()).isEqualTo("person in a short message"));
            assertThat(check(rule, customer("Beznadziejna obsługa, oszuści"))).isEmpty();
            assertThat(check(rule, customer("Is the agent discount code valid on sale items too?"))).isEmpty();
        }

        @Test
        void anEnglishWordingNotInTheListsIsCaughtByMeaningAboveTheThreshold() {
            Situation boss = customer("let me talk to your boss");
            RuleSetting lower = DEFAULTS.of(HandoverReason.HUMAN_REQUESTED).with(true, java.util.Map.of("similarity", 0.5));

            assertThat(check(rule, boss)).isEmpty();
            assertThat(rule.check(new ConversationSoFar(boss), lower)).singleElement().satisfies(evidence -> {
                assertThat(evidence.rule()).isEqualTo("similarity");
                assertThat(evidence.detail()).matches("0\\.5\\d to en: \".+\"");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"Is this jacket for a tall person?", "Do you have a shop where I can try it in person?",
                "I'll ask my husband", "Спальник на одного человека?", "ngobrol sama adik dulu",
                "talk to me about the return policy", "Which team makes the bags?"})
        void otherSensesOfPersonAndTalkingDoNot(String text) {
            assertThat(check(rule, customer(text))).isEmpty();
        }

        @Test
        void onlyTheLastCustomerMessageCounts() {
            assertThat(check(rule, customer("talk to a human", "never mind, what sizes do you have?"))).isEmpty();
        }
    }

    @Nested
    class NegativeEmotion {

        final NegativeEmotionRule rule = new NegativeEmotionRule();

        @Test
        void shoutingInCapitalsFiresWithTheCount() {
            assertThat(check(rule, customer("WHERE IS MY PARCEL I PAID LAST WEEK"))).extracting(Evidence::detail)
                    .containsExactly("28 of 28 letters in capitals");
        }

        @Test
        void aShortCapitalWordOrTwoExclamationMarksDoNot() {
            assertThat(check(rule, customer("OK"))).isEmpty();
            assertThat(check(rule, customer("Is the XL in STOCK?"))).isEmpty();
            assertThat(check(rule, customer("Thanks!! Great!"))).hasSize(1);
            assertThat(check(rule, customer("Thanks!! Great"))).isEmpty();
        }

        @Test
        void insultsThreatsAndUrgencyFireInTheirLanguage() {
            assertThat(check(rule, customer("Pelayanan kalian payah"))).extracting(Evidence::rule).containsExactly("anger");
            assertThat(check(rule, customer("Zgłoszę to do UOKiK"))).extracting(Evidence::rule)
                    .containsExactly("public complaint");
            assertThat(check(rule, customer("срочно нужен ответ"))).extracting(Evidence::rule).containsExactly("urgency");
        }

        @Test
        void mildAnnoyanceAloneDoesNotButARisingTrendDoes() {
            assertThat(check(rule, customer("hi, where is my order?", "this is a bit annoying"))).isEmpty();
            assertThat(check(rule, customer("hi, where is my order?", "ok", "this is getting annoying")))
                    .extracting(Evidence::rule).containsExactly("trend");
            assertThat(check(rule, customer("this is annoying", "still annoying", "quite annoying"))).isEmpty();
        }

        @Test
        void aMildComplaintDoesNot() {
            assertThat(check(rule, customer("The box was a bit dented but the mug is fine"))).isEmpty();
            assertThat(check(rule, customer("Can I read reviews of this jacket?"))).isEmpty();
        }
    }

    @Nested
    class OutOfKnowledge {

        final OutOfKnowledgeRule rule = new OutOfKnowledgeRule();

        @Test
        void aDirectQuestionWithoutAGroundedAnswerFiresAtOnce() {
            assertThat(check(rule, withAgent(signals(true, true, 0), null, Turn.customer("Is it vegan leather?"))))
                    .extracting(Evidence::rule).containsExactly("direct question");
        }

        @Test
        void aVagueMessageFiresOnlyOnTheSecondUngroundedTurn() {
            assertThat(check(rule, withAgent(signals(true, false, 0), null, Turn.customer("any ideas?")))).isEmpty();
            assertThat(check(rule, withAgent(signals(true, false, 1), null, Turn.customer("any ideas?")))).hasSize(1);
            assertThat(check(rule, withAgent(signals(true, false, 0), null, Turn.customer("hmm"),
                    Turn.agent("Sorry, I'm not sure I understand."), Turn.customer("the other one")))).hasSize(1);
        }

        @Test
        void aDraftThatSaysItIsNotSureCountsAsUngrounded() {
            assertThat(check(rule, withAgent(signals(false, true, 0), "No estoy seguro, lo siento.",
                    Turn.customer("¿Qué garantía tiene?")))).extracting(Evidence::detail)
                    .containsExactly("the draft reply says it is not sure, 1 turn(s) in a row");
            assertThat(check(rule, withAgent(signals(false, true, 0), "Sure, it has a 2-year warranty.",
                    Turn.customer("What warranty?")))).isEmpty();
        }
    }

    @Nested
    class SpecialPolicy {

        final SpecialPolicyRule rule = new SpecialPolicyRule();

        @ParameterizedTest
        @ValueSource(strings = {"Can you make an exception on the 30 days?", "¿me igualáis el precio de Amazon?",
                "Есть оптовые цены?", "Kak, ada harga grosir?", "Należy mi się rekompensata"})
        void exceptionsFire(String text) {
            assertThat(check(rule, customer(text))).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"How many days do I have to return it?", "Any discount for a first order?",
                "Can I get a refund if it doesn't fit?"})
        void ordinaryReturnsAndPromotionsDoNot(String text) {
            assertThat(check(rule, customer(text))).isEmpty();
        }
    }

    @Nested
    class RepeatedResponse {

        final RepeatedResponseRule rule = new RepeatedResponseRule();

        @Test
        void aDraftNearlyTheSameAsARecentReplyFires() {
            List<Evidence> evidence = check(rule, withAgent(AgentSignals.none(),
                    "You can enter the code at checkout, in the Discount code field.",
                    Turn.customer("where do I put the code"),
                    Turn.agent("You can enter the code at checkout in the Discount code field."),
                    Turn.customer("I don't see it")));

            assertThat(evidence).extracting(Evidence::rule).containsExactly("repeated reply");
            assertThat(evidence.get(0).detail()).startsWith("1.00 similar to an earlier reply");
        }

        @Test
        void aReplyOlderThanTheLastThreeIsNotComparedAndADifferentOneDoesNotFire() {
            String old = "Your order is on its way and arrives in 3 to 5 days.";
            assertThat(check(rule, withAgent(AgentSignals.none(), old, Turn.agent(old), Turn.agent("One"),
                    Turn.agent("Two"), Turn.agent("Three"), Turn.customer("and when will it arrive?")))).isEmpty();
            assertThat(check(rule, withAgent(AgentSignals.none(), "It also comes in red, sizes S to L.",
                    Turn.agent("Yes, it comes in navy blue, sizes S to XL."), Turn.customer("and in red?")))).isEmpty();
        }

        @Test
        void theSameGreetingForASecondHiIsNoLoopButTheSameAnswerToAQuestionIs() {
            String greeting = "Hi! How can I help you today?";
            assertThat(check(rule, withAgent(AgentSignals.none(), greeting,
                    Turn.customer("hi"), Turn.agent(greeting), Turn.customer("hello")))).isEmpty();
            assertThat(check(rule, withAgent(AgentSignals.none(), greeting,
                    Turn.customer("hi"), Turn.agent(greeting), Turn.customer("can you help me please"))))
                    .extracting(Evidence::rule).containsExactly("repeated reply");
        }

        @Test
        void theCustomerAskingTheSameAgainFiresButShortRepeatsDoNot() {
            assertThat(check(rule, customer("Do you have the blue one in 38?", "Do you have the blue one in 38??")))
                    .extracting(Evidence::rule).containsExactly("repeated question");
            assertThat(check(rule, customer("thanks!", "thanks!"))).isEmpty();
            assertThat(check(rule, customer("Do you have it in blue?", "Do you have it in green?"))).isEmpty();
        }
    }

    @Nested
    class TechnicalIssue {

        final TechnicalIssueRule rule = new TechnicalIssueRule();

        @Test
        void aReportedFailureOrBatonsOwnFailureFires() {
            assertThat(check(rule, customer("Pieniądze zeszły z konta, a płatność nieudana"))).hasSize(1);
            assertThat(check(rule, withAgent(new AgentSignals(false, false, false, false, true, 0), null,
                    Turn.customer("What sizes?")))).extracting(Evidence::rule).containsExactly("agent failure");
        }

        @Test
        void askingWhetherSomethingWorksDoesNot() {
            assertThat(check(rule, customer("Do these headphones work with Android?"))).isEmpty();
        }
    }

    @Nested
    class DataNotFound {

        @Test
        void anEmptyLookupOrADownIntegrationFires() {
            DataNotFoundRule rule = new DataNotFoundRule();

            assertThat(check(rule, withAgent(new AgentSignals(false, false, true, true, false, 0), null,
                    Turn.customer("Where is order 1?")))).extracting(Evidence::rule).containsExactly("lookup", "integration");
            assertThat(check(rule, customer("Where is order 1?"))).isEmpty();
        }
    }

    @Nested
    class SensitiveData {

        final SensitiveDataRule rule = new SensitiveDataRule();

        @Test
        void aCardNumberPassingLuhnFiresWithOnlyItsLastFourDigits() {
            assertThat(check(rule, customer("take it from 4539-1488-0343-6467 thanks"))).extracting(Evidence::detail)
                    .containsExactly("a 16-digit number ending in 6467 passes the Luhn check");
        }

        @Test
        void aLongNumberFailingLuhnOrAnOrderNumberDoesNot() {
            assertThat(check(rule, customer("my tracking is 4539 1488 0343 6468"))).isEmpty();
            assertThat(check(rule, customer("order 10482, 2 items"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Please delete my data (GDPR)", "Удалите все мои данные", "Saya mau ganti alamat",
                "Muszę zmienić adres dostawy"})
        void requestsAboutPersonalDataFire(String text) {
            assertThat(check(rule, customer(text))).extracting(Evidence::rule).containsExactly("phrase");
        }

        @Test
        void askingHowToPayDoesNot() {
            assertThat(check(rule, customer("Can I pay with PayPal or a card?"))).isEmpty();
        }
    }

    @Nested
    class ChannelSwitchAndVip {

        @Test
        void anOpenIssueOnAnotherChannelFires() {
            ChannelSwitchRule rule = new ChannelSwitchRule();
            Situation open = new Situation(List.of(Turn.customer("hi")),
                    new ContactFacts(null, null, null, true), null, null);

            assertThat(check(rule, open)).hasSize(1);
            assertThat(check(rule, customer("hi"))).isEmpty();
        }

        @Test
        void spendOrdersOrATagAtTheThresholdsFireAndJustBelowDoNot() {
            VipRule rule = new VipRule();

            assertThat(check(rule, contact(new BigDecimal("1000"), 10, List.of("Vip "))))
                    .extracting(Evidence::rule).containsExactly("lifetime spend", "order count", "tag");
            assertThat(check(rule, contact(new BigDecimal("999.99"), 9, List.of("vipish", "newsletter")))).isEmpty();
            assertThat(check(rule, contact(null, null, List.of()))).isEmpty();
        }

        private Situation contact(BigDecimal spend, Integer orders, List<String> tags) {
            return new Situation(List.of(Turn.customer("hi")), new ContactFacts(spend, orders, tags, false), null, null);
        }
    }

    @Test
    void everyReasonHasExactlyOneRule() {
        assertThat(TestHandoverRules.rules()).extracting(TriggerRule::reason)
                .containsExactlyInAnyOrder(HandoverReason.values());
    }
}

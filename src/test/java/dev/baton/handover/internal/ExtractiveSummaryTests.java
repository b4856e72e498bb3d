package dev.baton.handover.internal;

import dev.baton.handover.HandoverRequest;
import dev.baton.handover.Situation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveSummaryTests {

    private final ExtractiveSummary summary = new ExtractiveSummary();

    private static HandoverRequest request(List<HandoverRequest.Line> transcript, List<String> reasons,
            List<String> evidence, List<String> actions, Situation.ContactFacts contact) {
        return new HandoverRequest(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), "Ana", "WEB_CHAT",
                "en", Instant.now(), reasons, evidence, transcript, actions, contact);
    }

    private static HandoverRequest.Line shopper(String text) {
        return new HandoverRequest.Line("SHOPPER", text, Instant.now());
    }

    private static HandoverRequest.Line agent(String text) {
        return new HandoverRequest.Line("AGENT", text, Instant.now());
    }

    @Test
    void saysWhatTheShopperWantsTheFactsWhatTheAgentDidWhyAndWhatToDoNext() {
        String text = summary.summarize(request(List.of(
                        shopper("hi"),
                        agent("Hello! How can I help?"),
                        shopper("Where is my order #1042? I paid $59.90 and it's late"),
                        agent("Order #1042 is paid and shipped, tracking 1Z999."),
                        shopper("This is ridiculous, I want to talk to a human NOW!!!"),
                        agent("I'm connecting you with our team, one moment please!")),
                List.of("HUMAN_REQUESTED", "NEGATIVE_EMOTION"),
                List.of("HUMAN_REQUESTED: phrase: matched \"talk to a human\"", "NEGATIVE_EMOTION: exclamations: 3"),
                List.of("lookupOrder {orderNumber=#1042, emailOrPhone=a***@example.com} -> #1042: paid, shipped"),
                Situation.ContactFacts.none()), "NEGATIVE_EMOTION", "URGENT");

        assertThat(text).contains("Wants: \"Where is my order #1042? I paid $59.90 and it's late\"");
        assertThat(text).contains("Last message: \"This is ridiculous, I want to talk to a human NOW!!!\"");
        assertThat(text).contains("Key facts: #1042").contains("$59.90");
        assertThat(text).contains("Agent answered: 2 times; last: \"Order #1042 is paid and shipped, tracking 1Z999.\"");
        assertThat(text).contains("Agent did: lookupOrder");
        assertThat(text).contains("Reason: HUMAN_REQUESTED, NEGATIVE_EMOTION (priority URGENT)")
                .contains("matched \"talk to a human\"");
        assertThat(text).contains("Sentiment: rising anger");
        assertThat(text).contains("Suggested next step: Acknowledge the frustration first")
                .contains("Order #1042 was mentioned.");
    }

    @Test
    void aCardNumberIsMaskedEverywhere() {
        String text = summary.summarize(request(List.of(
                        shopper("Please update my card 4111 1111 1111 1111 on my account"),
                        agent("I'm connecting you with our team, one moment please!")),
                List.of("SENSITIVE_DATA"), List.of("SENSITIVE_DATA: card number 4111111111111111 (Luhn)"), List.of(),
                Situation.ContactFacts.none()), "SENSITIVE_DATA", "HIGH");

        assertThat(text).doesNotContain("4111 1111 1111 1111").doesNotContain("4111111111111111");
        assertThat(text).contains("•••• 1111");
        assertThat(text).contains("Agent answered: nothing yet (handed over at once)");
        assertThat(text).contains("Sentiment: calm");
    }

    @Test
    void theStoresFactsAboutAVipAreKeyFacts() {
        String text = summary.summarize(request(List.of(shopper("Do you have the linen shirt in XL?"),
                        agent("I'm connecting you with our team, one moment please!")),
                List.of("VIP"), List.of("VIP: 14 orders"), List.of(),
                new Situation.ContactFacts(new BigDecimal("2450.00"), 14, List.of(), false)), "VIP", "URGENT");

        assertThat(text).contains("14 orders at the store, 2450.00 spent");
        assertThat(text).contains("Suggested next step: A VIP customer");
    }
}

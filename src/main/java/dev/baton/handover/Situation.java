package dev.baton.handover;

import java.math.BigDecimal;
import java.util.List;

/**
 * A conversation at the moment of a decision: its messages in order (the last customer message is the one being
 * judged), what the store knows of the contact, what the agent noticed while answering, and the reply it is about
 * to send ({@code draftReply}, null when there is none yet).
 */
public record Situation(List<Turn> messages, ContactFacts contact, AgentSignals agent, String draftReply) {

    public Situation {
        messages = List.copyOf(messages);
        contact = contact == null ? ContactFacts.none() : contact;
        agent = agent == null ? AgentSignals.none() : agent;
    }

    public static Situation of(List<Turn> messages) {
        return new Situation(messages, ContactFacts.none(), AgentSignals.none(), null);
    }

    /** One message: {@code role} is {@value Turn#CUSTOMER} or {@value Turn#AGENT}. */
    public record Turn(String role, String text) {

        public static final String CUSTOMER = "customer";
        public static final String AGENT = "agent";

        public static Turn customer(String text) {
            return new Turn(CUSTOMER, text);
        }

        public static Turn agent(String text) {
            return new Turn(AGENT, text);
        }

        public boolean fromCustomer() {
            return CUSTOMER.equals(role);
        }
    }

    /** The store's data about the contact; every field may be unknown (null). */
    public record ContactFacts(BigDecimal lifetimeSpend, Integer orderCount, List<String> tags,
            boolean openIssueOnAnotherChannel) {

        public ContactFacts {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public static ContactFacts none() {
            return new ContactFacts(null, null, List.of(), false);
        }
    }

    /**
     * What the agent noticed while answering the last message. {@code consecutiveUngrounded} counts the agent's
     * earlier turns in a row without a grounded answer, when the caller keeps that count; the rules also count
     * the agent's "I'm not sure" replies in {@link Situation#messages()}.
     */
    public record AgentSignals(boolean noGroundedAnswer, boolean directQuestion, boolean lookupFoundNothing,
            boolean integrationDown, boolean toolOrModelFailed, int consecutiveUngrounded) {

        public static AgentSignals none() {
            return new AgentSignals(false, false, false, false, false, 0);
        }
    }
}

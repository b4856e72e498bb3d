package dev.baton.handover.web;

import dev.baton.handover.Situation;
import dev.baton.handover.Situation.AgentSignals;
import dev.baton.handover.Situation.ContactFacts;
import dev.baton.handover.Situation.Turn;
import dev.baton.shared.BatonException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/v1/handover/evaluate}, as sent: every field may be missing and is checked here. */
record EvaluateRequest(List<Message> messages, Contact contact, Agent agent, String draftReply) {

    static final int MAX_MESSAGES = 200;
    static final int MAX_TEXT = 4096;

    record Message(String role, String text) {
    }

    record Contact(BigDecimal lifetimeSpend, Integer orderCount, List<String> tags, Boolean openIssueOnAnotherChannel) {
    }

    record Agent(Boolean noGroundedAnswer, Boolean directQuestion, Boolean lookupFoundNothing, Boolean integrationDown,
            Boolean toolOrModelFailed, Integer consecutiveUngrounded) {
    }

    Situation situation() {
        if (messages == null || messages.isEmpty()) {
            throw BatonException.badRequest("messages: at least one message is needed.");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw BatonException.badRequest("messages: at most " + MAX_MESSAGES + " messages, not " + messages.size() + ".");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(i, messages.get(i)));
        }
        if (draftReply != null && draftReply.length() > MAX_TEXT) {
            throw BatonException.badRequest("draftReply: at most " + MAX_TEXT + " characters.");
        }
        return new Situation(turns, contactFacts(), agentSignals(), draftReply);
    }

    private static Turn turn(int index, Message message) {
        String where = "messages[" + index + "]";
        if (message == null || !(Turn.CUSTOMER.equals(message.role()) || Turn.AGENT.equals(message.role()))) {
            throw BatonException.badRequest(where + ".role must be \"customer\" or \"agent\".");
        }
        if (message.text() == null || message.text().isBlank()) {
            throw BatonException.badRequest(where + ".text must not be empty.");
        }
        if (message.text().length() > MAX_TEXT) {
            throw BatonException.badRequest(where + ".text: at most " + MAX_TEXT + " characters, not "
                    + message.text().length() + ".");
        }
        return new Turn(message.role(), message.text());
    }

    private ContactFacts contactFacts() {
        if (contact == null) {
            return ContactFacts.none();
        }
        List<String> tags = contact.tags() == null ? List.of()
                : contact.tags().stream().filter(tag -> tag != null && !tag.isBlank()).toList();
        return new ContactFacts(contact.lifetimeSpend(), contact.orderCount(), tags,
                Boolean.TRUE.equals(contact.openIssueOnAnotherChannel()));
    }

    private AgentSignals agentSignals() {
        if (agent == null) {
            return AgentSignals.none();
        }
        return new AgentSignals(Boolean.TRUE.equals(agent.noGroundedAnswer()), Boolean.TRUE.equals(agent.directQuestion()),
                Boolean.TRUE.equals(agent.lookupFoundNothing()), Boolean.TRUE.equals(agent.integrationDown()),
                Boolean.TRUE.equals(agent.toolOrModelFailed()),
                agent.consecutiveUngrounded() == null ? 0 : Math.max(0, agent.consecutiveUngrounded()));
    }
}

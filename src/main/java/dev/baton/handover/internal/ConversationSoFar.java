package dev.baton.handover.internal;

import dev.baton.handover.Situation;
import dev.baton.handover.Situation.Turn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link Situation} as the rules read it: the last customer message and the turns before it, normalised once. */
final class ConversationSoFar {

    private final Situation situation;
    private final List<Turn> customerTurns;
    private final List<NormalizedText> customerWords;

    ConversationSoFar(Situation situation) {
        this.situation = situation;
        this.customerTurns = situation.messages().stream().filter(Turn::fromCustomer).toList();
        this.customerWords = customerTurns.stream().map(turn -> NormalizedText.of(turn.text())).toList();
    }

    Situation situation() {
        return situation;
    }

    /** The message being judged: the last one the customer sent ("" if none). */
    String lastCustomerText() {
        return customerTurns.isEmpty() ? "" : customerTurns.get(customerTurns.size() - 1).text();
    }

    NormalizedText lastCustomerWords() {
        return customerWords.isEmpty() ? new NormalizedText(List.of()) : customerWords.get(customerWords.size() - 1);
    }

    /** The customer's messages, oldest first. */
    List<Turn> customerTurns() {
        return customerTurns;
    }

    List<NormalizedText> customerWords() {
        return customerWords;
    }

    /** The agent's replies, oldest first. */
    List<String> agentReplies() {
        return situation.messages().stream().filter(turn -> !turn.fromCustomer()).map(Turn::text).toList();
    }

    /** The agent's replies, newest first. */
    List<String> agentRepliesNewestFirst() {
        List<String> replies = new ArrayList<>(agentReplies());
        Collections.reverse(replies);
        return replies;
    }
}

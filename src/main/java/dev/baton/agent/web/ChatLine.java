package dev.baton.agent.web;

import dev.baton.agent.internal.AgentReply;
import dev.baton.agent.internal.ConversationMessage;
import dev.baton.agent.internal.Trace;
import dev.baton.shared.ProductCard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message in the playground's chat, the shopper's or the agent's, with the handovers the reply asked for. The text
 * comes in parts so the page can link web addresses while showing everything else as plain text, never as HTML; an
 * agent reply's product cards show under it.
 */
record ChatLine(boolean fromAgent, List<Part> parts, List<String> handovers, List<ProductCard> cards) {

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");
    /** Punctuation that ends a sentence rather than the address: "see https://x.example/returns." */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)\\]'’]+$");

    static List<ChatLine> of(List<ConversationMessage> messages) {
        return messages.stream().map(message -> message.fromAgent() ? agent(message.text(), handovers(message.trace()),
                message.trace() == null ? List.of() : message.trace().cards()) : shopper(message.text())).toList();
    }

    static List<ChatLine> turn(String said, AgentReply reply) {
        return List.of(shopper(said), agent(reply.text(), reply.reasons(), reply.cards()));
    }

    static ChatLine shopper(String text) {
        return new ChatLine(false, parts(text), List.of(), List.of());
    }

    static ChatLine agent(String text, List<String> handovers, List<ProductCard> cards) {
        return new ChatLine(true, parts(text), List.copyOf(handovers), List.copyOf(cards));
    }

    /** Each handover is a call of the requestHandover tool, its reason the argument. */
    private static List<String> handovers(Trace trace) {
        return trace == null ? List.of() : trace.tools().stream().filter(call -> call.name().equals("requestHandover"))
                .map(call -> String.valueOf(call.arguments().get("reason"))).toList();
    }

    static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher address = WEB_ADDRESS.matcher(text);
        int plainFrom = 0;
        while (address.find()) {
            String link = TRAILING_PUNCTUATION.matcher(address.group()).replaceFirst("");
            if (address.start() > plainFrom) {
                parts.add(new Part(text.substring(plainFrom, address.start()), false));
            }
            parts.add(new Part(link, true));
            plainFrom = address.start() + link.length();
        }
        if (plainFrom < text.length()) {
            parts.add(new Part(text.substring(plainFrom), false));
        }
        return parts;
    }

    record Part(String text, boolean link) {
    }
}

package dev.baton.agent.internal;

import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.Product;
import dev.baton.knowledge.KnowledgeHit;
import dev.baton.knowledge.TextEmbeddings;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Answers without a chat model: the intent decides which tools to call, and the reply is the language's fixed
 * texts filled with what the tools returned, never anything else. When nothing grounded answers the question, it
 * says so and hands over rather than guess.
 */
@Component
class OfflineResponder {

    /** How close (cosine) a retrieved passage must be to the question to answer from it. */
    static final double RELEVANT = 0.45;

    private static final Map<PolicyType, List<String>> POLICY_WORDS = Map.of(
            PolicyType.REFUND_POLICY, List.of("refund", "return", "exchange", "devol", "reembol", "retur", "pengembalian",
                    "возврат", "вернуть", "zwrot", "zwróci"),
            PolicyType.SHIPPING_POLICY, List.of("ship", "deliver", "envío", "envio", "entrega", "frete", "kirim", "ongkir",
                    "pengiriman", "доставк", "wysył", "dostaw"),
            PolicyType.PRIVACY_POLICY, List.of("privacy", "personal data", "datos", "dados", "data pribadi", "privasi",
                    "персональн", "dane osobowe", "prywatn"),
            PolicyType.TERMS_OF_SERVICE, List.of("terms", "términos", "termos", "syarat", "услови", "regulamin"),
            PolicyType.CONTACT_INFORMATION, List.of("contact", "contacto", "contato", "hubungi", "kontak", "связат",
                    "kontakt"));

    private final AgentTexts texts;
    private final TextEmbeddings embeddings;
    private final ProductQuestions questions;
    private final ProductFinder finder;
    private final ProductAnswers productAnswers;
    private final PolicyAnswers policyAnswers;

    OfflineResponder(AgentTexts texts, TextEmbeddings embeddings, ProductQuestions questions, ProductFinder finder,
            ProductAnswers productAnswers, PolicyAnswers policyAnswers) {
        this.texts = texts;
        this.embeddings = embeddings;
        this.questions = questions;
        this.finder = finder;
        this.productAnswers = productAnswers;
        this.policyAnswers = policyAnswers;
    }

    /**
     * The reply to one message, and the conversation's state after it. A question that clearly names a product or asks
     * for a kind of product within constraints is answered from the catalog whatever the intent guess says; a policy
     * question from the passage that answers it; the rest by the intent. The intent is guessed only then: a product,
     * policy or order question needs no guess (nor an embedding of the message), and the trace names how it was read,
     * sure (1.0).
     */
    Answer respond(String message, java.util.function.Supplier<Intent> guess, Language language, ConversationState state,
            StoreTools tools) {
        if (state.awaiting() != null && (hasContact(message) || StoreTools.ORDER_NUMBER.matcher(message).find())) {
            tools.trace().intent(Intent.ORDER, 1);
            return order(message, language, state, tools);
        }
        ProductQuestions.Question question = questions.read(message, tools.shopperProducts());
        boolean productCue = question.asks("price") || question.asks("stock") || question.asks("sizes")
                || question.asks("colours") || question.asks("options");
        boolean orderNumber = orderNumber(message, question, guess);
        if (orderNumber && hasContact(message)) {
            tools.trace().intent(Intent.ORDER, 1);
            return order(message, language, state, tools);
        }
        boolean specific = (!question.named().isEmpty() && productCue) || question.hasBudget()
                || question.superlative() != null;
        java.util.Set<String> topics = policyAnswers.topics(question.words());
        // An order word alone with a policy topic is a policy question ("until when must I order for it to ship
        // today?"); with "my order" or "where is" it is about the shopper's own order.
        boolean aboutAnOrder = orderNumber || (question.asks("order")
                && (question.asks("own-order") || (topics.isEmpty() && guess.get() == Intent.ORDER)));
        if (aboutAnOrder && !specific) {
            tools.trace().intent(Intent.ORDER, 1);
            return order(message, language, state, tools);
        }
        // "what do you have under 60 zł?", "the lightest thing you sell?": a budget or a superlative alone asks for
        // products, unless a policy is asked about ("free shipping over $50?", "your cheapest shipping?").
        boolean constraintAlone = (question.hasBudget() || question.superlative() != null) && topics.isEmpty();
        if ((question.aboutProducts() && (topics.isEmpty() || specific)) || constraintAlone) {
            tools.trace().intent(Intent.PRODUCT, 1);
            return products(question, message, language, state, tools);
        }
        if (!topics.isEmpty()) {
            tools.trace().intent(Intent.POLICY, 1);
            return policy(message, language, state, tools);
        }
        Intent intent = guess.get();
        if (intent == Intent.HUMAN) {
            tools.requestHandover("HUMAN_REQUESTED", "the shopper asked for a person: \"" + message + "\"");
            return new Answer(texts.get(language, "handover"), state.answered());
        }
        return switch (intent) {
            case GREETING -> new Answer(texts.get(language, "greeting"), state.answered());
            case THANKS -> new Answer(texts.get(language, "thanks"), state.answered());
            case SMALL_TALK -> new Answer(texts.get(language, "small_talk"), state.answered());
            case ORDER -> question.aboutProducts() ? products(question, message, language, state, tools)
                    : order(message, language, state, tools);
            case POLICY -> policy(message, language, state, tools);
            case PRODUCT, PRICE_STOCK -> products(question, message, language, state, tools);
            case HUMAN, OTHER -> fromKnowledge(message, language, state, tools);
        };
    }

    /**
     * A number in the message is an order number when it is written "#1001", or the message speaks of an order or
     * gives an email or phone; "$100", "100 zł", "750 ml" and a size are not.
     */
    private static boolean orderNumber(String message, ProductQuestions.Question question,
            java.util.function.Supplier<Intent> intent) {
        Matcher number = StoreTools.ORDER_NUMBER.matcher(message);
        if (!number.find() || looksLikePrice(message) || looksLikeMeasure(message)) {
            return false;
        }
        boolean hash = message.contains("#" + number.group(1));
        return hash || (!question.hasBudget() && (question.asks("order") || hasContact(message) || intent.get() == Intent.ORDER));
    }

    private static boolean looksLikeMeasure(String message) {
        return message.matches("(?is).*\\b\\d{3,10}\\s?(ml|l|g|kg|cm|mm|m|oz|lb|gb|tb|mah|w|lm|lumen\\w*)\\b.*");
    }

    /** "$100" or "100 zł" in a question is a budget, not an order number. */
    private static boolean looksLikePrice(String message) {
        return message.matches("(?s).*([$€£₽]\\s?\\d|\\d\\s?([$€£₽]|zł|zl|usd|pln|rp|dollars?|dólares|reais)).*");
    }

    /** A reply, the products it shows as cards, and the conversation's state after it. */
    record Answer(String text, ConversationState state, List<dev.baton.shared.ProductCard> cards, boolean settled) {

        Answer(String text, ConversationState state) {
            this(text, state, List.of(), false);
        }

        Answer(String text, ConversationState state, List<dev.baton.shared.ProductCard> cards) {
            this(text, state, cards, false);
        }

        /**
         * A reply that says "not found" on purpose (an order number and contact that do not match): the handover
         * rules do not read it as the agent being unsure; the second miss hands over as DATA_NOT_FOUND.
         */
        static Answer settled(String text, ConversationState state) {
            return new Answer(text, state, List.of(), true);
        }
    }

    private Answer order(String message, Language language, ConversationState state, StoreTools tools) {
        Matcher number = StoreTools.ORDER_NUMBER.matcher(message);
        String orderNumber = number.find() && !looksLikePhone(message, number.group()) ? "#" + number.group(1) : state.orderNumber();
        if (orderNumber == null) {
            return new Answer(texts.get(language, "ask_order_number"), state.awaiting("ORDER_NUMBER", null));
        }
        Optional<String> contact = contact(message);
        if (contact.isEmpty()) {
            return new Answer(texts.get(language, "ask_order_contact", Map.of("order", orderNumber)),
                    state.awaiting("ORDER_CONTACT", orderNumber));
        }
        Optional<Order> order = tools.lookupOrder(orderNumber, contact.get());
        if (order.isEmpty()) {
            ConversationState next = state.orderNotFound(orderNumber);
            if (next.ordersNotFound() >= 2) {
                tools.requestHandover("DATA_NOT_FOUND", "order " + orderNumber + " not found with the contact given, twice");
                return new Answer(texts.get(language, "order_not_found", Map.of("order", orderNumber)) + "\n\n"
                        + texts.get(language, "handover"), next.answered());
            }
            return Answer.settled(texts.get(language, "order_not_found", Map.of("order", orderNumber)), next);
        }
        return new Answer(orderText(order.get(), language), state.answered());
    }

    private String orderText(Order order, Language language) {
        StringBuilder reply = new StringBuilder(texts.get(language, "order_status", Map.of("order", order.name(),
                "date", order.createdAt().format(DateTimeFormatter.ISO_LOCAL_DATE),
                "financial", order.financialStatus().toLowerCase(Locale.ROOT),
                "fulfillment", order.fulfillmentStatus().toLowerCase(Locale.ROOT))));
        List<Order.Fulfillment> tracked = order.fulfillments().stream()
                .filter(fulfillment -> !fulfillment.trackingNumbers().isEmpty()).toList();
        if (tracked.isEmpty()) {
            reply.append('\n').append(texts.get(language, "order_no_tracking"));
        }
        for (Order.Fulfillment fulfillment : tracked) {
            reply.append('\n').append(texts.get(language, "order_tracking", Map.of(
                    "company", fulfillment.trackingCompany() == null ? "" : fulfillment.trackingCompany(),
                    "numbers", String.join(", ", fulfillment.trackingNumbers()),
                    "urls", fulfillment.trackingUrls().isEmpty() ? "" : " (" + String.join(", ", fulfillment.trackingUrls()) + ")")));
        }
        return reply.toString();
    }

    private Answer products(ProductQuestions.Question question, String message, Language language,
            ConversationState state, StoreTools tools) {
        if (question.aboutProducts() || !question.attributes().isEmpty() || question.hasBudget()
                || question.superlative() != null) {
            ProductFinder.Finding finding = finder.find(question);
            java.util.Map<String, Object> understood = new java.util.LinkedHashMap<>();
            understood.put("kind", finding.kind().name());
            if (!question.named().isEmpty()) {
                understood.put("named", question.named().stream().map(item -> item.product().title()).toList());
            }
            if (!question.categories().isEmpty() || !question.storeWords().isEmpty()) {
                java.util.Set<String> categories = new java.util.LinkedHashSet<>(question.categories());
                categories.addAll(question.storeWords());
                understood.put("categories", categories);
            }
            if (!question.attributes().isEmpty()) {
                understood.put("qualities", question.attributes());
            }
            if (question.hasBudget()) {
                understood.put("budget", (question.min() == null ? "" : question.min().toPlainString()) + ".."
                        + (question.max() == null ? "" : question.max().toPlainString()));
            }
            if (finding.superlative() != null) {
                understood.put("superlative", finding.superlative());
            }
            if (finding.option() != null) {
                understood.put("option", String.join(" / ", finding.option().values()));
            }
            understood.put("met", finding.met());
            tools.productSearch(understood, finding.items().stream().map(ShopItem::product).toList());
            if (!finding.items().isEmpty()) {
                ProductAnswers.Reply reply = productAnswers.write(finding, language, tools);
                return new Answer(reply.text(), state.answered(), reply.cards());
            }
        }
        // Nothing the reading understood: the catalog's keyword search (a SKU, a word in a title), shown the same way.
        java.util.Set<String> found = tools.findProducts(message).stream().map(Product::externalId)
                .collect(Collectors.toSet());
        List<ShopItem> items = question.items().stream().filter(item -> found.contains(item.product().externalId()))
                .limit(ProductFinder.SHOWN).toList();
        if (items.isEmpty()) {
            return fromKnowledge(message, language, state, tools);
        }
        ProductAnswers.Reply reply = productAnswers.write(new ProductFinder.Finding(ProductFinder.Kind.LIST, items, true,
                null, null), language, tools);
        return new Answer(reply.text(), state.answered(), reply.cards());
    }

    private Answer policy(String message, Language language, ConversationState state, StoreTools tools) {
        Optional<PolicyAnswers.Passage> passage = policyAnswers.answer(message, tools.policies());
        tools.policyPassage(message, passage.map(p -> p.policy().title()).orElse(null),
                passage.map(PolicyAnswers.Passage::heading).orElse(null), passage.map(PolicyAnswers.Passage::text).orElse(null));
        if (passage.isPresent()) {
            return new Answer(texts.get(language, "policy_intro", Map.of("policy", passage.get().policy().title()))
                    + "\n\n" + passage.get().text(), state.answered());
        }
        return policyByType(message, language, state, tools);
    }

    /** The older way: the policy named by its type's words, and the passage the knowledge search finds in it. */
    private Answer policyByType(String message, Language language, ConversationState state, StoreTools tools) {
        String lower = message.toLowerCase(Locale.ROOT);
        Optional<PolicyType> type = POLICY_WORDS.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(lower::contains))
                .map(Map.Entry::getKey).findFirst();
        if (type.isEmpty()) {
            return fromKnowledge(message, language, state, tools);
        }
        Optional<Policy> policy = tools.getPolicy(type.get());
        if (policy.isEmpty()) {
            return fromKnowledge(message, language, state, tools);
        }
        // The passage of that policy closest to the question, from the knowledge search.
        Optional<KnowledgeHit> passage = tools.searchKnowledge(message + " " + policy.get().title()).stream()
                .filter(hit -> hit.title().equalsIgnoreCase(policy.get().title())).findFirst();
        String text = readable(passage.map(KnowledgeHit::text).orElseGet(() -> firstParagraphs(policy.get().body())));
        return new Answer(texts.get(language, "policy_intro", Map.of("policy", policy.get().title())) + "\n\n" + text,
                state.answered());
    }

    private Answer fromKnowledge(String message, Language language, ConversationState state, StoreTools tools) {
        List<KnowledgeHit> hits = tools.searchKnowledge(message);
        if (!hits.isEmpty()) {
            float[] question = embeddings.embed(message);
            KnowledgeHit best = hits.get(0);
            double closeness = TextEmbeddings.cosine(question, embeddings.embed(best.title() + "\n" + best.text()));
            if (closeness >= RELEVANT) {
                return new Answer(texts.get(language, "sources_intro") + "\n\n" + readable(best.text()), state.answered());
            }
        }
        tools.requestHandover("OUT_OF_KNOWLEDGE", "no source answers \"" + message + "\"");
        return new Answer(texts.get(language, "not_sure"), state.unansweredOnceMore());
    }

    private static boolean hasContact(String message) {
        return contact(message).isPresent();
    }

    private static Optional<String> contact(String message) {
        Matcher email = StoreTools.EMAIL.matcher(message);
        if (email.find()) {
            return Optional.of(email.group());
        }
        Matcher phone = StoreTools.PHONE.matcher(message);
        return phone.find() ? Optional.of(phone.group()) : Optional.empty();
    }

    /** A long run of digits that is part of a phone number is not an order number. */
    private static boolean looksLikePhone(String message, String digits) {
        Matcher phone = StoreTools.PHONE.matcher(message);
        return phone.find() && phone.group().replaceAll("\\D", "").length() >= 7 && phone.group().contains(digits.replace("#", ""));
    }

    /** A passage as a chat message: no Markdown headings or emphasis marks. */
    static String readable(String passage) {
        return passage.lines().filter(line -> !line.strip().startsWith("#"))
                .map(line -> line.replace("**", "").replace("__", ""))
                .collect(Collectors.joining("\n")).strip();
    }

    private static String firstParagraphs(String body) {
        String[] paragraphs = body.strip().split("\\n\\s*\\n");
        return String.join("\n\n", java.util.Arrays.asList(paragraphs).subList(0, Math.min(2, paragraphs.length)));
    }
}

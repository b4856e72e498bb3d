package dev.baton.agent.internal;

/**
 * What a conversation remembers between turns: the language it is in, what the agent asked for and is waiting for
 * ({@code ORDER_NUMBER}, {@code ORDER_CONTACT}), the order number given so far, and how many questions in a row
 * found no answer.
 */
record ConversationState(String language, String awaiting, String orderNumber, int unanswered, int ordersNotFound) {

    static ConversationState fresh() {
        return new ConversationState(null, null, null, 0, 0);
    }

    ConversationState awaiting(String what, String order) {
        return new ConversationState(language, what, order, unanswered, ordersNotFound);
    }

    ConversationState answered() {
        return new ConversationState(language, null, null, 0, ordersNotFound);
    }

    ConversationState inLanguage(Language spoken) {
        return new ConversationState(spoken.code(), awaiting, orderNumber, unanswered, ordersNotFound);
    }

    ConversationState unansweredOnceMore() {
        return new ConversationState(language, null, null, unanswered + 1, ordersNotFound);
    }

    ConversationState orderNotFound(String order) {
        return new ConversationState(language, "ORDER_CONTACT", order, unanswered, ordersNotFound + 1);
    }
}

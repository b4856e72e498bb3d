package dev.baton.agent.internal;

/** What a shopper's message is about, as the offline responder tells it. */
public enum Intent {
    GREETING, THANKS, SMALL_TALK, PRODUCT, PRICE_STOCK, ORDER, POLICY, HUMAN, OTHER
}

package dev.baton.channel;

/**
 * Sends replies. {@link #send} records the delivery in the caller's transaction; it goes out after the commit, is
 * retried with backoff when the channel fails, and its outcome is published as {@link DeliveryUpdated}.
 */
public interface Outbox {

    /** Queues the message; a message id queued before is ignored. */
    void send(OutboundMessage message);
}

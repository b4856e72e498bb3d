package dev.baton.channel;

/** Where an outgoing message is: queued or being retried, accepted by the channel, delivered, read, or given up. */
public enum DeliveryStatus {
    PENDING, SENT, DELIVERED, READ, FAILED
}

package dev.baton.channel.internal;

import java.util.UUID;

/** A delivery was queued: its first attempt runs right after the commit. */
record DeliveryQueued(UUID deliveryId) {
}

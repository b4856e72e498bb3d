package dev.baton.channel.internal;

import dev.baton.channel.DeliveryStatus;
import dev.baton.channel.DeliveryUpdated;
import io.github.resilience4j.core.IntervalFunction;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends queued messages. The first attempt runs right after the reply is committed; failed attempts are retried
 * with exponential, randomized backoff by a recurring JobRunr job (one node at a time), up to
 * {@code baton.channel.delivery.max-attempts}, then the message is marked FAILED. A delivery's row stays locked
 * while it is being sent and is marked sent in the same transaction, so two nodes never send it twice; a node that
 * dies mid-send leaves it pending, and it is sent again with the same delivery id (receivers can drop the repeat).
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository deliveries;
    private final ChannelRepository channels;
    private final Map<dev.baton.channel.ChannelKind, ChannelSender> senders;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final DeliveryProperties properties;
    private final IntervalFunction backoff;
    private final Clock clock;

    DeliveryWorker(DeliveryRepository deliveries, ChannelRepository channels, List<ChannelSender> senders,
            TransactionTemplate transaction, ApplicationEventPublisher events, DeliveryProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::kind, Function.identity()));
        this.transaction = transaction;
        this.events = events;
        this.properties = properties;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.5,
                properties.maxBackoff());
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DeliveryQueued event) {
        attempt(event.deliveryId());
    }

    /** Retries what is due; also sends what a node queued and could not send before it stopped. */
    @Recurring(id = "channel-delivery-retries", interval = "${baton.channel.delivery.retry-interval:PT15S}")
    public void retryDue() {
        List<UUID> due;
        do {
            due = deliveries.due(100);
            due.forEach(this::attempt);
        } while (due.size() == 100);
    }

    /** One attempt at one delivery, if it is still pending, due, and no other node is sending it. */
    public void attempt(UUID deliveryId) {
        transaction.executeWithoutResult(status -> deliveries.lockDue(deliveryId).ifPresent(this::send));
    }

    private void send(Delivery delivery) {
        int attempts = delivery.attempts() + 1;
        ChannelRepository.StoredChannel channel = channels.find(delivery.accountId(), delivery.channelId()).orElse(null);
        if (channel == null) {
            deliveries.failed(delivery.id(), attempts, "The channel no longer exists.");
            publish(delivery, DeliveryStatus.FAILED, "The channel no longer exists.");
            return;
        }
        ChannelSender sender = senders.get(channel.channel().kind());
        if (sender == null) {
            String error = "Baton cannot send on " + channel.channel().kind() + " channels.";
            deliveries.failed(delivery.id(), attempts, error);
            publish(delivery, DeliveryStatus.FAILED, error);
            return;
        }
        try {
            String providerId = sender.send(channel, delivery);
            deliveries.sent(delivery.id(), attempts, providerId);
            publish(delivery, DeliveryStatus.SENT, null);
        } catch (DeliveryFailure failure) {
            if (failure.permanent() || attempts >= properties.maxAttempts()) {
                log.warn("Giving up on delivering message {} on channel {} after {} attempts: {}", delivery.messageId(),
                        channel.channel().slug(), attempts, failure.getMessage());
                deliveries.failed(delivery.id(), attempts, failure.getMessage());
                publish(delivery, DeliveryStatus.FAILED, failure.getMessage());
            } else {
                OffsetDateTime next = OffsetDateTime.now(clock).plusNanos(backoff.apply(attempts) * 1_000_000);
                log.info("Delivery of message {} on channel {} failed (attempt {}), retrying at {}: {}",
                        delivery.messageId(), channel.channel().slug(), attempts, next, failure.getMessage());
                deliveries.retryAt(delivery.id(), attempts, next, failure.getMessage());
                publish(delivery, DeliveryStatus.PENDING, failure.getMessage());
            }
        }
    }

    private void publish(Delivery delivery, DeliveryStatus status, String error) {
        events.publishEvent(new DeliveryUpdated(delivery.accountId(), delivery.conversationId(), delivery.messageId(),
                status, error));
    }
}

package dev.baton.channel.internal;

import dev.baton.channel.Outbox;
import dev.baton.channel.OutboundMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Queues outgoing messages in the caller's transaction; {@link DeliveryWorker} sends them after the commit. */
@Service
class OutboxService implements Outbox {

    private final DeliveryRepository deliveries;
    private final ApplicationEventPublisher events;

    OutboxService(DeliveryRepository deliveries, ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.events = events;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(OutboundMessage message) {
        UUID id = UUID.randomUUID();
        if (deliveries.insert(id, message)) {
            events.publishEvent(new DeliveryQueued(id));
        }
    }
}

package dev.baton.channel.web;

import dev.baton.channel.InboundMessage;
import dev.baton.channel.Received;
import dev.baton.channel.TranscriptLine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversations as the widget sees them, in memory: a visitor's messages are kept (a repeated message id once), and
 * the test writes the replies. Stands in for the conversation module behind a mocked gateway.
 */
final class FakeConversations {

    private final AtomicLong seq = new AtomicLong();
    private final Map<String, List<TranscriptLine>> transcripts = new ConcurrentHashMap<>();
    private final Map<String, UUID> received = new ConcurrentHashMap<>();
    private final UUID conversationId = UUID.randomUUID();
    final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();

    synchronized Received receive(InboundMessage message) {
        inbound.add(message);
        UUID known = received.get(message.externalMessageId());
        if (known != null) {
            return new Received(conversationId, known, true);
        }
        UUID id = add(message.contact().externalId(), "SHOPPER", message.text());
        received.put(message.externalMessageId(), id);
        return new Received(conversationId, id, false);
    }

    UUID add(String visitorId, String role, String text) {
        UUID id = UUID.randomUUID();
        transcripts.computeIfAbsent(visitorId, visitor -> new CopyOnWriteArrayList<>())
                .add(new TranscriptLine(seq.incrementAndGet(), id, role, text, Instant.now()));
        return id;
    }

    List<TranscriptLine> transcript(String visitorId, long after, int limit) {
        return transcripts.getOrDefault(visitorId, List.of()).stream().filter(line -> line.seq() > after).limit(limit).toList();
    }
}

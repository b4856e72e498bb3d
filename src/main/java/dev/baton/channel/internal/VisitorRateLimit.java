package dev.baton.channel.internal;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts each widget visitor's messages per clock minute, on this node only. It stops a runaway page or a script
 * hammering one visitor id; it is no defence against many ids, which the agent's per-account usage limits bound.
 * The counts are dropped every minute, so they never grow past one minute's visitors.
 */
@Component
class VisitorRateLimit {

    private final Clock clock;
    private final int perMinute;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private long minute = -1;

    VisitorRateLimit(Clock clock, WebChatProperties properties) {
        this.clock = clock;
        this.perMinute = properties.messagesPerVisitorPerMinute();
    }

    /** Counts one message; false when the visitor is over the limit for this minute. */
    boolean tryAcquire(String channelVisitor) {
        long now = clock.millis() / 60_000;
        synchronized (this) {
            if (now != minute) {
                counts.clear();
                minute = now;
            }
        }
        return counts.computeIfAbsent(channelVisitor, key -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }

    int perMinute() {
        return perMinute;
    }
}
